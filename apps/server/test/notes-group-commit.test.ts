import { NOTES_CLOSE, NOTES_LIMITS, notesDocName } from '@consultboard/domain';
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../src/db/database.js';
import { notesRepo } from '../src/db/notes.js';
import { openNotesStore } from '../src/db/notesStore.js';
import { Rooms } from '../src/notes/rooms.js';
import { notesText, paragraphUpdate, RecordingPeer } from '../src/notes/testing.js';
import { joinAsPhone } from './helpers/http.js';
import { type NotesClient, notesOnDisk, openNotes, sleep, waitFor } from './helpers/notes.js';
import { startTestServer, tempDataDir } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/** A real SQLite rule that refuses every update of one document, as a full or failing disk would. */
function refuseUpdatesOf(db: ReturnType<typeof openDatabase>, docName: string): void {
  db.exec(`CREATE TRIGGER refuse_notes BEFORE INSERT ON notes_updates WHEN NEW.doc_name = '${docName}'
           BEGIN SELECT RAISE(ABORT, 'the disk refuses'); END`);
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit over a real SQLite file', () => {
  it('relays an update only once its transaction has committed, and nothing of a batch that fails', async () => {
    const dir = tempDataDir();
    const db = openDatabase(dir);
    // A second connection sees only what is committed: what a relay may carry must already be there.
    const reader = notesRepo(openDatabase(dir));
    const registry = new Rooms({
      store: notesRepo(db),
      documentBytes: NOTES_LIMITS.documentBytes,
      compactAfterUpdates: 1000,
      idleRoomMs: 1000,
    });
    refuseUpdatesOf(db, 'case:broken');
    const storedWhenRelayed: string[] = [];
    const goodFrom = new RecordingPeer();
    const goodTo = new RecordingPeer(false, () => storedWhenRelayed.push(notesText(reader.readNotes('good'))));
    const brokenFrom = new RecordingPeer();
    const brokenTo = new RecordingPeer();
    const good = await registry.enter('case:good', goodFrom);
    await registry.enter('case:good', goodTo);
    const broken = await registry.enter('case:broken', brokenFrom);
    await registry.enter('case:broken', brokenTo);
    goodTo.sent.length = 0;
    brokenTo.sent.length = 0;

    // Both rooms' edits arrive in the same turn: one batch.
    const goodWriter = new Y.Doc();
    expect(good.applyUpdate(paragraphUpdate(goodWriter, 'Stored and relayed'), goodFrom)).toBe('applied');
    expect(good.applyUpdate(paragraphUpdate(goodWriter, 'Stored too'), goodFrom)).toBe('applied');
    expect(broken.applyUpdate(paragraphUpdate(new Y.Doc(), 'Never stored'), brokenFrom)).toBe('applied');
    // The server's own edit (the EP clearing a stage) in the same batch: it fails with it.
    const clearing = broken.clearStage('current-situation').then(
      () => 'cleared',
      (error: Error) => error.message,
    );
    expect(goodTo.sent).toHaveLength(0);
    expect(brokenTo.sent).toHaveLength(0);
    await turn();

    // The batch failed as a whole; each room was tried alone, so only the room the disk refuses went.
    expect(storedWhenRelayed).toEqual([
      '<paragraph>Stored and relayed</paragraph><paragraph>Stored too</paragraph>',
      '<paragraph>Stored and relayed</paragraph><paragraph>Stored too</paragraph>',
    ]);
    expect(goodTo.sent).toHaveLength(2);
    expect(goodTo.closedWith).toBeNull();
    expect(brokenTo.sent).toHaveLength(0);
    expect(brokenFrom.closedWith?.code).toBe(NOTES_CLOSE.unavailable.code);
    expect(brokenTo.closedWith?.code).toBe(NOTES_CLOSE.unavailable.code);
    expect(await clearing).toBe('the notes could not be stored');
    expect(broken.status).toBe('closed');
    expect(registry.get('case:broken')).toBeUndefined();
    expect(reader.logLength('case:broken')).toBe(0);
    registry.close();
  });

  it('stores the edits of many rooms arriving together in one transaction', async () => {
    const dir = tempDataDir();
    const repo = notesRepo(openDatabase(dir));
    const registry = new Rooms({ store: repo, documentBytes: 1 << 20, compactAfterUpdates: 1000, idleRoomMs: 1000 });
    const peers = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const peer = new RecordingPeer();
        return { peer, room: await registry.enter(`case:r${i}`, peer), writer: new Y.Doc() };
      }),
    );
    const before = registry.commits.commits;
    for (const { peer, room, writer } of peers)
      for (let k = 0; k < 3; k++) room.applyUpdate(paragraphUpdate(writer, `Edit ${k}`), peer);
    await turn();
    expect(registry.commits.commits - before).toBe(1);
    for (let i = 0; i < 10; i++) expect(repo.logLength(`case:r${i}`)).toBe(3);
    registry.close();
  });
});

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

describe('group commit in the running server', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let world: World;
  const clients: NotesClient[] = [];

  beforeAll(async () => {
    server = await startTestServer(undefined, { notes: { idleRoomMs: 300, compactAfterUpdates: 500 } });
    world = await buildWorld(server.url);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await server.close();
  });

  it('tells the writer its edit was not stored, relays it to nobody, and stores it once the disk takes it', async () => {
    const session = await buildSession(world);
    const caseId = session.cases[0]?.id as string;
    const docName = notesDocName(caseId);
    const phone = (name: string) => joinAsPhone(server.url, session.joinCode as string, name);
    const a = await openNotes(server.url, docName, await phone('SENCO A'));
    const b = await openNotes(server.url, docName, await phone('SENCO B'));
    clients.push(a, b);
    const db = openDatabase(server.dataDir);
    refuseUpdatesOf(db, docName);

    a.write('Typed while the disk refuses');
    await waitFor(() => a.closes.some((close) => close.code === NOTES_CLOSE.unavailable.code), 5000);
    expect(b.closes.map((close) => close.code)).toContain(NOTES_CLOSE.unavailable.code);
    expect(b.paragraphs()).toEqual([]);
    expect(notesOnDisk(server.dataDir, caseId).getXmlFragment('stage:current-situation').length).toBe(0);

    // The disk takes it again: the providers reconnect, and the edit A still holds is stored, then seen by B.
    db.exec('DROP TRIGGER refuse_notes');
    db.close();
    await waitFor(() => b.paragraphs().includes('Typed while the disk refuses'), 10_000);
    expect(notesText(notesOnDisk(server.dataDir, caseId))).toContain('Typed while the disk refuses');
    await sleep(50);
  });
});
