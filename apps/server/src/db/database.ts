import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

/**
 * How hard each commit waits for the disk (SQLITE_SYNCHRONOUS). FULL (the default): a commit is flushed to the
 * disk before anyone is told, so even a power cut loses nothing acknowledged. NORMAL in WAL mode: a commit is in
 * the operating system's hands when it returns, so a crash or SIGKILL of the server loses nothing either, but a
 * power cut may lose the last commits. See "Performance" in AGENTS.md for what each costs.
 */
export type Synchronous = 'FULL' | 'NORMAL';

export function parseSynchronous(value: string | undefined): Synchronous {
  if (value === undefined || value === '') return 'FULL';
  const upper = value.toUpperCase();
  if (upper !== 'FULL' && upper !== 'NORMAL')
    throw new Error(`SQLITE_SYNCHRONOUS must be FULL or NORMAL, not "${value}"`);
  return upper;
}

/** Opens (creating if need be) the SQLite file in the data folder and brings its schema up to date. */
export function openDatabase(dataDir: string, synchronous: Synchronous = 'FULL'): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'consultboard.db'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .all()
      .map((row) => (row as { version: number }).version),
  );
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        migration.version,
        Date.now(),
      );
    })();
  }
}
