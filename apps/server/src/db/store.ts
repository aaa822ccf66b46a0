import type { NotesStore } from '../notes/room.js';
import { startCheckpointer } from './checkpointer.js';
import { type Db, openDatabase, type Synchronous } from './database.js';
import { notesRepo } from './notes.js';
import { type NotesFlush, openNotesStore } from './notesStore.js';
import { openPostgres } from './postgres/database.js';
import { SyncPostgres } from './postgres/syncPostgres.js';

/** Where the service keeps everything: SQLite in DATA_DIR (one node), or PostgreSQL at DATABASE_URL (several). */
export interface Store {
  kind: 'sqlite' | 'postgres';
  /** What every repository runs on (better-sqlite3, or PostgreSQL behind the same synchronous calls). */
  db: Db;
  /** Where the live notes' group commit writes. */
  notes: NotesStore;
  /** PostgreSQL's connection, for what only it offers (advisory locks); null on SQLite. */
  postgres: SyncPostgres | null;
  close(): Promise<void>;
}

export interface StoreSettings {
  dataDir: string;
  databaseUrl: string | null;
  synchronous: Synchronous;
  notesFlush: NotesFlush;
}

/**
 * Opens the store and brings its schema up to date (the same migrations, numbered the same, for either). A
 * PostgreSQL that cannot be reached or migrated is a one-line error at start.
 */
export async function openStore(settings: StoreSettings): Promise<Store> {
  if (settings.databaseUrl) {
    const pool = await openPostgres(settings.databaseUrl);
    await pool.end();
    const postgres = new SyncPostgres(settings.databaseUrl);
    const db = postgres as unknown as Db;
    // A PostgreSQL commit is on the disk when it returns: the notes are relayed after it, as with SQLite's FULL.
    return { kind: 'postgres', db, notes: notesRepo(db), postgres, close: async () => postgres.close() };
  }
  const db = openDatabase(settings.dataDir, settings.synchronous);
  // The live notes write through a connection of their own, so how they reach the disk (NOTES_FLUSH) is theirs alone.
  const notes = openNotesStore(settings.dataDir, settings.notesFlush);
  const checkpointer = startCheckpointer(settings.dataDir);
  return {
    kind: 'sqlite',
    db,
    postgres: null,
    notes: notes.store,
    close: async () => {
      await checkpointer.stop();
      notes.db.close();
      db.close();
    },
  };
}
