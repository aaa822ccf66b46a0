import fs from 'node:fs';
import path from 'node:path';
import type { DiskFlush } from '../notes/groupCommit.js';
import type { NotesStore } from '../notes/room.js';
import { type Db, openDatabase } from './database.js';
import { notesRepo } from './notes.js';

/**
 * How the live notes reach the disk before anyone is sent them (NOTES_FLUSH):
 * - `async` (the default): their own SQLite connection commits with `synchronous=NORMAL` (into the WAL, no wait),
 *   then one fdatasync of the WAL on libuv's thread pool serves every batch committed meanwhile; only then are they
 *   relayed. As durable as FULL (a power cut loses nothing anyone was sent) without the event loop waiting on the disk.
 * - `full`: `synchronous=FULL`, each batch's commit waits for the disk on the event loop.
 * - `none`: `synchronous=NORMAL` and relayed at once: a crash of the server loses nothing, a power cut may lose the
 *   last moments. Only for measuring what the disk costs.
 */
export type NotesFlush = 'async' | 'full' | 'none';

export function parseNotesFlush(value: string | undefined): NotesFlush {
  if (value === undefined || value === '') return 'async';
  if (value === 'async' || value === 'full' || value === 'none') return value;
  throw new Error(`NOTES_FLUSH must be async, full or none, not "${value}"`);
}

/** The notes' own connection to the database file, and the store the rooms write through. */
export function openNotesStore(dataDir: string, flush: NotesFlush): { db: Db; store: NotesStore } {
  const db = openDatabase(dataDir, flush === 'full' ? 'FULL' : 'NORMAL');
  // Checkpoints are the checkpointer's (startCheckpointer): never inside a notes commit on the event loop.
  db.pragma('wal_autocheckpoint = 0');
  const repo = notesRepo(db);
  if (flush !== 'async') return { db, store: repo };
  const walFile = path.join(dataDir, 'consultboard.db-wal');
  let fd: number | null = null;
  const diskFlush: DiskFlush = (done) => {
    try {
      // The WAL is the one file a commit writes (checkpoints sync the database file themselves); fdatasync (as
      // SQLite's own sync) flushes the file's data and size whichever descriptor wrote it.
      fd ??= fs.openSync(walFile, 'r');
    } catch (error) {
      done(error as Error);
      return;
    }
    fs.fdatasync(fd, (error) => done(error));
  };
  const close = db.close.bind(db);
  db.close = () => {
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    return close();
  };
  return { db, store: { ...repo, diskFlush } };
}
