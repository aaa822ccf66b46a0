import { notesDocName } from '@consultboard/domain';
import * as Y from 'yjs';
import type { Db } from './database.js';

/** A document as stored: its latest snapshot (if any) and the updates appended after it, oldest first. */
export interface StoredNotes {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** The id of the newest update the snapshot and updates cover (0 when there are none). */
  lastId: number;
  /** The stored size in bytes: the snapshot and every update after it. */
  bytes: number;
}

// better-sqlite3 binds Buffers as BLOBs; a Uint8Array view is wrapped without copying.
const blob = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** The notes of each case: an append-only log of Yjs updates, folded into a snapshot from time to time. */
export function notesRepo(db: Db) {
  const insertUpdate = db.prepare('INSERT INTO notes_updates (doc_name, data, created_at) VALUES (?, ?, ?)');
  const snapshotOf = db.prepare('SELECT state, upto_id FROM notes_snapshots WHERE doc_name = ?');
  const updatesAfter = db.prepare('SELECT id, data FROM notes_updates WHERE doc_name = ? AND id > ? ORDER BY id');
  const upsertSnapshot = db.prepare(
    `INSERT INTO notes_snapshots (doc_name, state, upto_id, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (doc_name) DO UPDATE SET state = excluded.state, upto_id = excluded.upto_id, updated_at = excluded.updated_at`,
  );
  const deleteUpto = db.prepare('DELETE FROM notes_updates WHERE doc_name = ? AND id <= ?');
  const countUpdates = db.prepare('SELECT COUNT(*) AS n FROM notes_updates WHERE doc_name = ?');

  const insertAll = (docName: string, updates: readonly Uint8Array[], now: number): number => {
    let id = 0;
    for (const update of updates) id = Number(insertUpdate.run(docName, blob(update), now).lastInsertRowid);
    return id;
  };
  const appendAll = db.transaction(insertAll);

  const compactAt = db.transaction((docName: string, state: Uint8Array, uptoId: number, now: number) => {
    upsertSnapshot.run(docName, blob(state), uptoId, now);
    deleteUpto.run(docName, uptoId);
  });

  function load(docName: string): StoredNotes {
    const snapshot = snapshotOf.get(docName) as { state: Buffer; upto_id: number } | undefined;
    const rows = updatesAfter.all(docName, snapshot?.upto_id ?? 0) as { id: number; data: Buffer }[];
    let bytes = snapshot?.state.byteLength ?? 0;
    for (const row of rows) bytes += row.data.byteLength;
    return {
      snapshot: snapshot ? new Uint8Array(snapshot.state) : null,
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastId: rows.at(-1)?.id ?? snapshot?.upto_id ?? 0,
      bytes,
    };
  }

  return {
    /** Appends updates in one transaction; returns the id of the last one. */
    // Inside the group commit's transaction, a transaction of its own would be a savepoint per room and batch.
    append: (docName: string, updates: readonly Uint8Array[], now = Date.now()) =>
      db.inTransaction ? insertAll(docName, updates, now) : appendAll(docName, updates, now),
    /** Runs appends in one transaction (the notes' group commit): one disk flush for all of them. */
    transaction: (run: () => void) => {
      db.transaction(run)();
    },
    load,
    /** Writes the snapshot and deletes the updates it covers, together or not at all. */
    compact: (docName: string, state: Uint8Array, uptoId: number, now = Date.now()) =>
      compactAt(docName, state, uptoId, now),
    /** How many updates wait in the log after the snapshot (for tests and the benchmark). */
    logLength: (docName: string) => (countUpdates.get(docName) as { n: number }).n,
    /** A case's notes as a Yjs document (each stage's notes in its `stage:<stageId>` XML fragment). */
    readNotes: (caseId: string): Y.Doc => toDoc(load(notesDocName(caseId))),
  };
}
export type NotesRepo = ReturnType<typeof notesRepo>;

/** Folds stored notes into a fresh document; throws if any stored update cannot be applied. */
export function toDoc(stored: StoredNotes): Y.Doc {
  const doc = new Y.Doc();
  applyStored(doc, stored);
  return doc;
}

/** Applies stored notes to a document; throws if any stored update cannot be applied. */
export function applyStored(doc: Y.Doc, stored: StoredNotes): void {
  // One transaction for the whole log: Yjs then integrates and cleans up once, not once per update.
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  });
}
