/**
 * The notes' group commit with NOTES_FLUSH=async: the WAL flushed to the disk (fdatasync) off the event loop, and
 * nothing relayed before it. SQLite's alone: NOTES_FLUSH is how the notes' own SQLite connection reaches the disk;
 * on PostgreSQL a commit is on the disk when it returns, and there is no flush to wait for (see db/store.ts). The
 * group commit on either store is in notes-group-commit.test.ts.
 */
import { NOTES_CLOSE } from '@consultboard/domain';
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../src/db/database.js';
import { notesRepo } from '../src/db/notes.js';
import { openNotesStore } from '../src/db/notesStore.js';
import { Rooms } from '../src/notes/rooms.js';
import { notesText, paragraphUpdate, RecordingPeer } from '../src/notes/testing.js';
import { sleep, waitFor } from './helpers/notes.js';
import { tempDataDir } from './helpers/testServer.js';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit with the disk flushed off the event loop (NOTES_FLUSH=async)', () => {
  it('relays nothing until the WAL has been flushed to the disk, and one flush serves the batches before it', async () => {
    const dir = tempDataDir();
    const { db, store } = openNotesStore(dir, 'async');
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL: the commit itself does not wait
    const registry = new Rooms({ store, documentBytes: 1 << 20, compactAfterUpdates: 1000, idleRoomMs: 1000 });
    const from = new RecordingPeer();
    const to = new RecordingPeer();
    const room = await registry.enter('case:c-1', from);
    await registry.enter('case:c-1', to);
    to.sent.length = 0;
    const writer = new Y.Doc();
    room.applyUpdate(paragraphUpdate(writer, 'First'), from);
    registry.commits.flush();
    room.applyUpdate(paragraphUpdate(writer, 'Second'), from);
    registry.commits.flush();
    // Both committed (another connection reads them), neither relayed: the disk has not said yes yet.
    expect(notesRepo(openDatabase(dir)).logLength('case:c-1')).toBe(2);
    expect(to.sent).toHaveLength(0);
    const answers: string[] = [];
    room.whenCommitted(() => answers.push('answered'));
    expect(answers).toEqual([]);
    await waitFor(() => to.sent.length === 2, 5000);
    expect(answers).toEqual(['answered']);
    expect(registry.commits.commits).toBe(2);
    expect(registry.commits.diskFlushes).toBeLessThanOrEqual(2);
    registry.close();
    db.close();
  });

  it('commits what arrives during a disk flush once it ends, in one transaction, and relays it after its own flush', async () => {
    const dir = tempDataDir();
    const { db, store } = openNotesStore(dir, 'async');
    // The real fdatasync, held until the test lets each one finish.
    const held: (() => void)[] = [];
    const registry = new Rooms({
      store: { ...store, diskFlush: (done) => held.push(() => store.diskFlush?.(done)) },
      documentBytes: 1 << 20,
      compactAfterUpdates: 1000,
      idleRoomMs: 1000,
    });
    const from = new RecordingPeer();
    const to = new RecordingPeer();
    const room = await registry.enter('case:c-1', from);
    await registry.enter('case:c-1', to);
    to.sent.length = 0;
    const writer = new Y.Doc();
    room.applyUpdate(paragraphUpdate(writer, 'First'), from);
    await turn();
    expect(registry.commits.commits).toBe(1);
    expect(held).toHaveLength(1);
    // Three turns while the first flush runs: nothing is committed yet.
    for (const text of ['Second', 'Third', 'Fourth']) {
      room.applyUpdate(paragraphUpdate(writer, text), from);
      await turn();
    }
    expect(registry.commits.commits).toBe(1);
    expect(notesRepo(openDatabase(dir)).logLength('case:c-1')).toBe(1);
    (held.shift() as () => void)();
    await waitFor(() => to.sent.length === 1, 5000);
    // The first is relayed; the three that waited are in one transaction, waiting for their own flush.
    expect(registry.commits.commits).toBe(2);
    expect(notesRepo(openDatabase(dir)).logLength('case:c-1')).toBe(4);
    expect(held).toHaveLength(1);
    await sleep(20);
    expect(to.sent).toHaveLength(1);
    (held.shift() as () => void)();
    await waitFor(() => to.sent.length === 4, 5000);
    const copy = new Y.Doc();
    for (const message of to.sent) {
      const decoder = decoding.createDecoder(message);
      expect([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]).toEqual([0, 2]);
      Y.applyUpdate(copy, decoding.readVarUint8Array(decoder));
    }
    expect(notesText(copy)).toBe(notesText(room.doc));
    registry.close();
    db.close();
  });

  it('closes the room and relays nothing when the disk refuses the flush', async () => {
    const dir = tempDataDir();
    const { db, store } = openNotesStore(dir, 'async');
    const registry = new Rooms({
      store: { ...store, diskFlush: (done) => store.diskFlush?.(() => done(new Error('EIO: the disk failed'))) },
      documentBytes: 1 << 20,
      compactAfterUpdates: 1000,
      idleRoomMs: 1000,
    });
    const from = new RecordingPeer();
    const to = new RecordingPeer();
    const room = await registry.enter('case:c-1', from);
    await registry.enter('case:c-1', to);
    to.sent.length = 0;
    room.applyUpdate(paragraphUpdate(new Y.Doc(), 'Not surely on the disk'), from);
    registry.commits.flush();
    await waitFor(() => to.closedWith !== null, 5000);
    expect(to.sent).toHaveLength(0);
    expect(from.closedWith?.code).toBe(NOTES_CLOSE.unavailable.code);
    expect(to.closedWith?.code).toBe(NOTES_CLOSE.unavailable.code);
    expect(registry.get('case:c-1')).toBeUndefined();
    registry.close();
    db.close();
  });
});
