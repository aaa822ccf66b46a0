import fs from 'node:fs';
import path from 'node:path';
import { type Db, openDatabase } from '../../src/db/database.js';
import { openPostgres } from '../../src/db/postgres/database.js';
import { SyncPostgres } from '../../src/db/postgres/syncPostgres.js';
import { createRepos, type Repos } from '../../src/db/repos.js';
import { databaseUrlFor, TEST_STORE } from './testServer.js';

/**
 * A data folder's store as the test server sees it, for tests that read or change it directly: the SQLite file
 * on SQLite, the folder's own database on PostgreSQL (TEST_STORE=postgres). Opening the SQLite file on PostgreSQL
 * would look at an empty file and pass or fail for nothing, so every test that peeks goes through here.
 */
export interface TestStore {
  kind: 'sqlite' | 'postgres';
  /** better-sqlite3, or PostgreSQL behind the same synchronous calls (statements in SQLite's spelling). */
  db: Db;
  repos: Repos;
  close(): void;
}

function open(kind: 'sqlite' | 'postgres', db: Db): TestStore {
  return { kind, db, repos: createRepos(db), close: () => db.close() };
}

/**
 * Opens the store of a folder a test server has already opened (startTestServer or spawnServer made its database
 * and migrated it). Synchronous, so the helpers that peek between two steps stay so.
 */
export function openTestStore(dataDir: string): TestStore {
  if (TEST_STORE === 'sqlite') return open('sqlite', openDatabase(dataDir));
  const file = path.join(dataDir, 'postgres-url');
  if (!fs.existsSync(file))
    throw new Error(
      `no PostgreSQL database for ${dataDir} yet: start a test server on the folder first, or use createTestStore`,
    );
  return open('postgres', new SyncPostgres(fs.readFileSync(file, 'utf8')) as unknown as Db);
}

/** Opens a folder's store, making and migrating it first when no server has (for tests of the store alone). */
export async function createTestStore(dataDir: string): Promise<TestStore> {
  const url = await databaseUrlFor(dataDir);
  if (url) await (await openPostgres(url)).end();
  return openTestStore(dataDir);
}
