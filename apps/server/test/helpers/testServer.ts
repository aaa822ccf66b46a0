import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Config, configFromEnv } from '../../src/config.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { createTestDatabase } from './postgres.js';

/** A fresh data folder under the system's temp folder. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-test-'));
}

/**
 * The store the server tests run on: SQLite (the default), or PostgreSQL with TEST_STORE=postgres (CI runs the
 * server's tests on both). On PostgreSQL, each data folder gets a database of its own on TEST_DATABASE_URL's server,
 * named in the folder, so a server restarted on the same folder finds the same data.
 */
export const TEST_STORE: 'sqlite' | 'postgres' = process.env.TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

/** The DATABASE_URL of a data folder's database (made on first use), or null on SQLite. */
export async function databaseUrlFor(dataDir: string): Promise<string | null> {
  if (TEST_STORE === 'sqlite') return null;
  const file = path.join(dataDir, 'postgres-url');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  const { url } = await createTestDatabase(`cbt_${process.env.CB_TEST_RUN ?? 'run'}_`);
  fs.writeFileSync(file, url);
  return url;
}

/** A real server on port 0 over a real store (a SQLite file in a fresh folder, or its PostgreSQL database). */
export async function startTestServer(
  dataDir = tempDataDir(),
  overrides: Partial<Config> = {},
): Promise<RunningServer & { dataDir: string }> {
  const databaseUrl = await databaseUrlFor(dataDir);
  const server = await startServer(
    configFromEnv(
      {},
      { port: 0, host: '127.0.0.1', dataDir, webDist: null, publicUrl: null, databaseUrl, ...overrides },
    ),
  );
  // Assigned, not spread: the server's counters are getters, read when asked.
  return Object.assign(server, { dataDir });
}
