import { NOTES_CLOSE, NOTES_FULL_REASON, NOTES_LIMITS, notesDocName } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { notesRepo } from '../src/db/notes.js';
import { Browser, joinAsPhone } from './helpers/http.js';
import {
  type NotesClient,
  notesOnDisk,
  notesToken,
  notesUrl,
  openNotes,
  paragraphsOf,
  sleep,
  waitFor,
} from './helpers/notes.js';
import { frame, pendingStructUpdate, seeded } from './helpers/notesFuzz.js';
import { writeOverCapNotes } from './helpers/overCapNotes.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 8, item 2: the cap counts what is stored. Updates over it are refused before anything is stored, and
 * notes already stored over it (by the code before this fix) load read-only until the EP clears a stage.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
const clients: NotesClient[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer(undefined, { notes: { idleRoomMs: 300, compactAfterUpdates: 500 } });
  world = await buildWorld(server.url);
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.terminate();
});
afterAll(async () => {
  await server.close();
});

const CHUNK = NOTES_LIMITS.messageBytes - 1024;

/** A paragraph of `length` characters added to a stage of a client document, as the update it sends. */
function bigParagraph(doc: Y.Doc, length: number, stage = 'current-situation', letter = 'x'): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(letter.repeat(length))]);
  doc.getXmlFragment(`stage:${stage}`).push([paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

async function rawSocket(docName: string, token: string) {
  const socket = new WebSocket(`${notesUrl(server.url)}/${docName}?token=${encodeURIComponent(token)}`);
  sockets.push(socket);
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { socket, closed, send: (update: Uint8Array) => socket.send(frame(0, 2, update)) };
}

function storedRows(docName: string) {
  const db = openTestStore(server.dataDir).db;
  try {
    const log = db.prepare('SELECT COALESCE(SUM(LENGTH(data)), 0) AS bytes FROM notes_updates WHERE doc_name = ?');
    const snapshot = db.prepare('SELECT LENGTH(state) AS bytes FROM notes_snapshots WHERE doc_name = ?');
    const logBytes = (log.get(docName) as { bytes: number }).bytes;
    const snapshotBytes = (snapshot.get(docName) as { bytes: number } | undefined)?.bytes ?? 0;
    return { logBytes, snapshotBytes, total: logBytes + snapshotBytes };
  } finally {
    db.close();
  }
}

describe('the document cap', () => {
  it('counts the bytes that will be stored, not the bytes of the message', async () => {
    const session = await buildSession(world);
    const caseId = session.cases[0]?.id as string;
    const docName = notesDocName(caseId);
    const token = await joinAsPhone(server.url, session.joinCode as string, 'SENCO A');
    const writer = new Y.Doc();
    const updates: Uint8Array[] = [];
    const phone = await rawSocket(docName, token);
    for (let i = 0; i < 4; i++) {
      updates.push(bigParagraph(writer, CHUNK));
      phone.send(updates.at(-1) as Uint8Array);
    }
    await waitFor(() => storedRows(docName).total > 4 * CHUNK);
    // A message of a megabyte the room already holds adds nothing: not refused, though the message would not fit.
    phone.send(updates[0] as Uint8Array);
    phone.send(updates[3] as Uint8Array);
    await sleep(200);
    expect(phone.socket.readyState).toBe(WebSocket.OPEN);

    // One more megabyte does not fit: refused before it is stored, the room's document untouched.
    const room = server.notes.rooms.get(docName);
    const inMemory = Buffer.from(Y.encodeStateAsUpdate(room?.doc as Y.Doc));
    phone.send(bigParagraph(writer, CHUNK, 'current-situation', 'y'));
    expect(await phone.closed).toBe(NOTES_CLOSE.tooLarge.code);
    expect(inMemory.equals(Y.encodeStateAsUpdate(room?.doc as Y.Doc))).toBe(true);
    expect(storedRows(docName).total).toBeLessThanOrEqual(NOTES_LIMITS.documentBytes);
    const stored = paragraphsOf(notesOnDisk(server.dataDir, caseId));
    expect(stored).toHaveLength(4);
    expect(stored.join('')).not.toContain('y');
  }, 30_000);

  it('refuses the six 900 KB pending updates that once got round the cap, storing none of them', async () => {
    const session = await buildSession(world);
    const docName = notesDocName(session.cases[0]?.id as string);
    const token = await joinAsPhone(server.url, session.joinCode as string, 'SENCO A');
    const random = seeded(2);
    for (let i = 0; i < 6; i++) {
      const phone = await rawSocket(docName, token);
      // The room asks three times for what it lacks (an honest client after a node's death), then closes.
      const update = pendingStructUpdate(random, 900 * 1024);
      for (let sent = 0; sent < 4; sent++) phone.send(update);
      expect(await phone.closed).toBe(NOTES_CLOSE.refused.code);
    }
    expect(storedRows(docName).total).toBe(0);
    const room = server.notes.rooms.get(docName);
    if (room) expect([room.doc.store.pendingStructs, room.storedBytes]).toEqual([null, 0]);
  }, 30_000);
});

describe('notes stored over the cap before the fix', () => {
  /** Notes as the old code could leave them: a snapshot of 5.5 MB of real text over three stages. */
  function writeOverCap(caseId: string): void {
    const bytes = writeOverCapNotes(server.dataDir, caseId, {
      'current-situation': [900_000, 900_000, 900_000, 900_000],
      'desired-situation': [750_000, 750_000],
      'strategies-and-resources': [500_000],
    });
    expect(bytes).toBeGreaterThan(5.5 * 1000 * 1000);
  }

  it('load read-only for everyone with a reason, and the EP clears a stage at a time until they fit', async () => {
    const session = await buildSession(world);
    const caseId = session.cases[0]?.id as string;
    const docName = notesDocName(caseId);
    writeOverCap(caseId);
    const join = (name: string) => joinAsPhone(server.url, session.joinCode as string, name);
    const ep = world.north.ep;

    // Everyone reads the notes; every writable connection is told they are full.
    const reader = await openNotes(server.url, docName, await join('SENCO A'));
    const writer = await openNotes(server.url, docName, await join('SENCO B'));
    const consoleClient = await openNotes(server.url, docName, await notesToken(ep, session.id, 'facilitator'));
    const projector = await openNotes(server.url, docName, await notesToken(ep, session.id, 'projector'));
    clients.push(reader, writer, consoleClient, projector);
    expect(reader.paragraphs()).toHaveLength(4);
    await waitFor(() => reader.denied.length > 0 && writer.denied.length > 0 && consoleClient.denied.length > 0);
    expect(reader.denied).toEqual([NOTES_FULL_REASON]);
    expect(projector.denied).toEqual([]);

    // Writing is refused, and nothing is stored.
    const before = storedRows(docName);
    writer.write('Typed into full notes');
    await waitFor(() => writer.closes.some((close) => close.code === NOTES_CLOSE.tooLarge.code));
    expect(storedRows(docName)).toEqual(before);

    // The EP clears the smallest stage: still over the cap, still full.
    const audited = async () =>
      ((await world.admin.get('/api/audit')).json.entries as { action: string; entityId: string }[]).filter(
        (entry) => entry.entityId === caseId && entry.action === 'changed',
      ).length;
    const auditedBefore = await audited();
    const route = `/api/sessions/${session.id}/cases/${caseId}/notes/clear`;
    const first = await ep.post(route, { stageId: 'strategies-and-resources' });
    expect(first.status).toBe(200);
    expect(first.json.full).toBe(true);
    await waitFor(() => reader.paragraphs('strategies-and-resources').join('') === '');
    expect(reader.closes).toEqual([]);

    // Then a larger one: under the cap. The connected writers are sent back to reconnect, and may write again.
    const second = await ep.post(route, { stageId: 'desired-situation' });
    expect(second.status).toBe(200);
    expect(second.json.full).toBe(false);
    expect(second.json.bytes).toBeLessThanOrEqual(NOTES_LIMITS.documentBytes);
    await waitFor(() => reader.closes.some((close) => close.code === NOTES_CLOSE.reopened.code));
    await waitFor(() => reader.synced && reader.paragraphs('desired-situation').join('') === '');
    expect(projector.closes).toEqual([]);
    expect(reader.denied).toEqual([NOTES_FULL_REASON]);
    reader.write('Typed once the EP had cleared a stage', 'desired-situation');
    await waitFor(
      () =>
        paragraphsOf(notesOnDisk(server.dataDir, caseId), 'desired-situation').includes(
          'Typed once the EP had cleared a stage',
        ),
      5000,
      'the notes did not become writable again',
    );
    const stored = storedRows(docName);
    expect(stored.total).toBeLessThanOrEqual(NOTES_LIMITS.documentBytes);
    expect(paragraphsOf(notesOnDisk(server.dataDir, caseId))).toHaveLength(4);

    // Each clearing is in the audit log.
    expect(await audited()).toBe(auditedBefore + 2);
  }, 60_000);

  it('drops pending data found in a stored document when it loads, and compacts it away', async () => {
    const session = await buildSession(world);
    const caseId = session.cases[0]?.id as string;
    const docName = notesDocName(caseId);
    const legacy = new Y.Doc();
    const honest = new Y.Doc();
    Y.applyUpdate(legacy, bigParagraph(honest, 20, 'current-situation', 'h'));
    Y.applyUpdate(legacy, pendingStructUpdate(seeded(3), 200_000));
    expect(legacy.store.pendingStructs).not.toBeNull();
    // Old compaction wrote the pending data into the snapshot.
    const state = Y.encodeStateAsUpdate(legacy);
    const db = openTestStore(server.dataDir).db;
    notesRepo(db).compact(docName, state, 0);
    db.close();

    const phone = await openNotes(server.url, docName, await joinAsPhone(server.url, session.joinCode as string));
    clients.push(phone);
    expect(phone.paragraphs()).toEqual(['hhhhhhhhhhhhhhhhhhhh']);
    expect([phone.doc.store.pendingStructs, phone.doc.store.pendingDs]).toEqual([null, null]);
    const room = server.notes.rooms.get(docName);
    expect([room?.doc.store.pendingStructs, room?.doc.store.pendingDs]).toEqual([null, null]);
    const stored = storedRows(docName);
    expect(stored.snapshotBytes).toBeLessThan(state.byteLength / 10);
    expect(notesOnDisk(server.dataDir, caseId).store.pendingStructs).toBeNull();
  });
});

describe('POST /api/sessions/:id/cases/:caseId/notes/clear', () => {
  it('is for whoever runs the session, on a case of its agenda, while it is live, with a stage that has notes', async () => {
    const session = await buildSession(world);
    const caseId = session.cases[0]?.id as string;
    const route = (sessionId: string, id: string) => `/api/sessions/${sessionId}/cases/${id}/notes/clear`;
    const body = { stageId: 'current-situation' };
    expect((await world.north.ep.post(route(session.id, caseId), body)).status).toBe(200);
    expect((await new Browser(server.url).post(route(session.id, caseId), body)).status).toBe(401);
    expect((await world.north.senco.post(route(session.id, caseId), body)).status).toBe(403);
    expect((await world.south.ep.post(route(session.id, caseId), body)).status).toBe(404);
    expect((await world.north.ep.post(route('no-such-session', caseId), body)).status).toBe(404);
    const other = await buildSession(world);
    expect((await world.north.ep.post(route(session.id, other.cases[0]?.id as string), body)).status).toBe(404);
    for (const bad of [{}, { stageId: 'preparation' }, { stageId: 'nope' }, { ...body, extra: 1 }, { stageId: 7 }]) {
      expect((await world.north.ep.post(route(session.id, caseId), bad)).status, JSON.stringify(bad)).toBe(400);
    }
    const draft = await buildSession(world, { start: false, cases: ['K7M'] });
    expect((await world.north.ep.post(route(draft.id, draft.cases[0]?.id as string), body)).status).toBe(409);
    expect(
      (await world.north.ep.post(route(session.id, caseId), body, { origin: 'https://elsewhere.example' })).status,
    ).toBe(403);
  });
});
