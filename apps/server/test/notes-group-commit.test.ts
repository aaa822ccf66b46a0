import { NOTES_CLOSE, NOTES_LIMITS, notesDocName } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesRepo } from '../src/db/notes.js';
import { Rooms } from '../src/notes/rooms.js';
import { notesText, paragraphUpdate, RecordingPeer } from '../src/notes/testing.js';
import { joinAsPhone } from './helpers/http.js';
import { type NotesClient, notesOnDisk, openNotes, sleep, waitFor } from './helpers/notes.js';
import { createTestStore, openTestStore, type TestStore } from './helpers/store.js';
import { startTestServer, tempDataDir } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

// The group commit on the store the tests run on (SQLite, or PostgreSQL with TEST_STORE=postgres); how SQLite's
// notes connection reaches the disk (NOTES_FLUSH) is in notes-group-commit.sqlite.test.ts.

/** A real rule of the store that refuses every update of one document, as a full or failing disk would. */
function refuseUpdatesOf(store: TestStore, docName: string): void {
  if (store.kind === 'sqlite') {
    store.db.exec(`CREATE TRIGGER refuse_notes BEFORE INSERT ON notes_updates WHEN NEW.doc_name = '${docName}'
             BEGIN SELECT RAISE(ABORT, 'the disk refuses'); END`);
    return;
  }
  store.db.exec(`CREATE FUNCTION refuse_notes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.doc_name = '${docName}' THEN RAISE EXCEPTION 'the disk refuses'; END IF;
        RETURN NEW;
      END $$;
    CREATE TRIGGER refuse_notes BEFORE INSERT ON notes_updates FOR EACH ROW EXECUTE FUNCTION refuse_notes();`);
}

/** Takes the rule away again: the disk takes the updates. */
function allowUpdates(store: TestStore): void {
  store.db.exec(
    store.kind === 'sqlite'
      ? 'DROP TRIGGER refuse_notes'
      : 'DROP TRIGGER refuse_notes ON notes_updates; DROP FUNCTION refuse_notes();',
  );
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('group commit over a real store', () => {
  it('relays an update only once its transaction has committed, and nothing of a batch that fails', async () => {
    const dir = tempDataDir();
    const writer = await createTestStore(dir);
    // A second connection sees only what is committed: what a relay may carry must already be there.
    const readerStore = openTestStore(dir);
    const reader = notesRepo(readerStore.db);
    const registry = new Rooms({
      store: notesRepo(writer.db),
      documentBytes: NOTES_LIMITS.documentBytes,
      compactAfterUpdates: 1000,
      idleRoomMs: 1000,
    });
    refuseUpdatesOf(writer, 'case:broken');
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
    readerStore.close();
    writer.close();
  });

  it('stores the edits of many rooms arriving together in one transaction', async () => {
    const dir = tempDataDir();
    const store = await createTestStore(dir);
    const repo = notesRepo(store.db);
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
    store.close();
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
    const store = openTestStore(server.dataDir);
    refuseUpdatesOf(store, docName);

    a.write('Typed while the disk refuses');
    await waitFor(() => a.closes.some((close) => close.code === NOTES_CLOSE.unavailable.code), 5000);
    expect(b.closes.map((close) => close.code)).toContain(NOTES_CLOSE.unavailable.code);
    expect(b.paragraphs()).toEqual([]);
    expect(notesOnDisk(server.dataDir, caseId).getXmlFragment('stage:current-situation').length).toBe(0);

    // The disk takes it again: the providers reconnect, and the edit A still holds is stored, then seen by B.
    allowUpdates(store);
    store.close();
    await waitFor(() => b.paragraphs().includes('Typed while the disk refuses'), 10_000);
    expect(notesText(notesOnDisk(server.dataDir, caseId))).toContain('Typed while the disk refuses');
    await sleep(50);
  });
});
