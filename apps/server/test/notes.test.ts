import { NOTES_CLOSE, NOTES_LIMITS, notesDocName } from '@consultboard/domain';
import * as encoding from 'lib0/encoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { notesRepo } from '../src/db/notes.js';
import { Browser, joinAsPhone } from './helpers/http.js';
import {
  NotesClient,
  notesOnDisk,
  notesToken,
  notesUrl,
  openNotes,
  paragraphsOf,
  sleep,
  upgradeStatus,
  waitFor,
} from './helpers/notes.js';
import { connect } from './helpers/sockets.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
let ep: Browser;
const clients: NotesClient[] = [];
const raw: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer(undefined, { notes: { idleRoomMs: 300, compactAfterUpdates: 500 } });
  world = await buildWorld(server.url);
  ep = world.north.ep;
});
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of raw.splice(0)) socket.terminate();
});
afterAll(async () => {
  await server.close();
});

/** A live session and a phone's token; the notes of its first case. */
async function liveCase() {
  const session = await buildSession(world);
  const caseId = session.cases[0]?.id as string;
  const phone = (name = 'SENCO A') => joinAsPhone(server.url, session.joinCode as string, name);
  return { session, caseId, docName: notesDocName(caseId), phone };
}

async function open(docName: string, token: string) {
  const client = await openNotes(server.url, docName, token);
  clients.push(client);
  return client;
}

function unsynced(docName: string, token: string | null) {
  const client = new NotesClient(server.url, docName, token);
  clients.push(client);
  return client;
}

/** A raw WebSocket on the notes endpoint, open, recording how it was closed. */
async function rawSocket(docName: string, token: string) {
  const socket = new WebSocket(`${notesUrl(server.url)}/${docName}?token=${encodeURIComponent(token)}`);
  raw.push(socket);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('error', () => {});
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { socket, closed };
}

const frame = (...parts: ((encoder: encoding.Encoder) => void)[]) => {
  const encoder = encoding.createEncoder();
  for (const part of parts) part(encoder);
  return encoding.toUint8Array(encoder);
};

describe('the notes endpoint', () => {
  it('lets two stock providers edit one case document and converge through the server', async () => {
    const { docName, caseId, phone } = await liveCase();
    const a = await open(docName, await phone('SENCO A'));
    const b = await open(docName, await phone('SENCO B'));
    a.write('J5M reads well one to one; finds group work hard');
    await waitFor(() => b.paragraphs().length === 1);
    b.write('Tried: visual timetable since September');
    a.write('typed by SENCO A', 'desired-situation');
    await waitFor(() => a.paragraphs().length === 2 && b.paragraphs('desired-situation').length === 1);
    expect(b.paragraphs()).toEqual(a.paragraphs());
    expect(a.paragraphs()).toEqual([
      'J5M reads well one to one; finds group work hard',
      'Tried: visual timetable since September',
    ]);

    // A latecomer gets the whole document from the server, and the notes are stored with the case.
    const later = await open(docName, await phone('SENCO C'));
    expect(later.paragraphs()).toEqual(a.paragraphs());
    expect(paragraphsOf(notesOnDisk(server.dataDir, caseId))).toEqual(a.paragraphs());
  });

  it('keeps each stage in its own fragment of the case document', async () => {
    const { docName, caseId, phone } = await liveCase();
    const a = await open(docName, await phone());
    a.write('Listening notes', 'current-situation');
    a.write('A key adult at the gate each morning', 'strategies-and-resources');
    await waitFor(() => paragraphsOf(notesOnDisk(server.dataDir, caseId), 'strategies-and-resources').length === 1);
    const stored = notesOnDisk(server.dataDir, caseId);
    expect(paragraphsOf(stored, 'current-situation')).toEqual(['Listening notes']);
    expect(paragraphsOf(stored, 'strategies-and-resources')).toEqual(['A key adult at the gate each morning']);
  });

  it('refuses the upgrade without a token, with a bad one, for another session or a bad document name', async () => {
    const { docName, phone } = await liveCase();
    const other = await liveCase();
    const token = await phone();
    const path = (name: string, query = '') => `/yjs/${name}${query}`;
    expect(await upgradeStatus(server.url, path(docName, `?token=${token}`))).toBe(101);
    expect(await upgradeStatus(server.url, path(docName))).toBe(401);
    expect(await upgradeStatus(server.url, path(docName, '?token='))).toBe(401);
    expect(await upgradeStatus(server.url, path(docName, '?token=not-a-token'))).toBe(401);
    expect(await upgradeStatus(server.url, path(other.docName, `?token=${token}`))).toBe(403);
    expect(await upgradeStatus(server.url, path('case:', `?token=${token}`))).toBe(403);
    expect(await upgradeStatus(server.url, path('session:abc', `?token=${token}`))).toBe(403);
    expect(await upgradeStatus(server.url, path(`${docName}/x`, `?token=${token}`))).toBe(403);
    expect(await upgradeStatus(server.url, path('%E0%A4%A', `?token=${token}`))).toBe(403);
    // An upgrade to any other path is cut off rather than left hanging.
    await expect(upgradeStatus(server.url, `/elsewhere?token=${token}`)).rejects.toThrow();

    // A stock provider with a bad token keeps knocking but never syncs.
    const refused = unsynced(docName, 'not-a-token');
    const none = unsynced(docName, null);
    await sleep(600);
    expect(refused.synced).toBe(false);
    expect(none.synced).toBe(false);
  });

  it('refuses a browser on another site, and lets our own pages in', async () => {
    const { docName, phone } = await liveCase();
    const query = `/yjs/${docName}?token=${await phone()}`;
    expect(await upgradeStatus(server.url, query, { origin: 'https://elsewhere.example' })).toBe(403);
    expect(await upgradeStatus(server.url, query, { origin: 'null' })).toBe(403);
    expect(await upgradeStatus(server.url, query, { origin: new URL(server.url).origin })).toBe(101);
  });

  it("shows the projector the notes but never applies, stores or relays the projector's edits", async () => {
    const { session, docName, caseId, phone } = await liveCase();
    const a = await open(docName, await phone());
    a.write('Before the projector');
    const projector = await open(docName, await notesToken(ep, session.id, 'projector'));
    await waitFor(() => projector.paragraphs().length === 1);

    projector.write('Typed on the projector');
    projector.doc.getText('scratch').insert(0, 'projector');
    a.write('After the projector');
    await waitFor(() => projector.paragraphs().includes('After the projector'));
    await sleep(200);
    expect(a.paragraphs()).toEqual(['Before the projector', 'After the projector']);
    expect(a.doc.getText('scratch').toString()).toBe('');
    const latecomer = await open(docName, await phone('SENCO B'));
    expect(latecomer.paragraphs()).toEqual(['Before the projector', 'After the projector']);
    expect(paragraphsOf(notesOnDisk(server.dataDir, caseId))).toEqual(['Before the projector', 'After the projector']);

    // The EP's console writes.
    const consoleClient = await open(docName, await notesToken(ep, session.id, 'facilitator'));
    consoleClient.write('From the console');
    await waitFor(() => a.paragraphs().includes('From the console'));
  });

  it('sends phones away when the session ends, keeps the notes, and makes the console read-only', async () => {
    const { session, docName, caseId, phone } = await liveCase();
    const phoneToken = await phone();
    const a = await open(docName, phoneToken);
    const consoleClient = await open(docName, await notesToken(ep, session.id, 'facilitator'));
    a.write('Agreed: review in six weeks');
    await waitFor(() => consoleClient.paragraphs().length === 1);

    const facilitator = await connect(
      server.url,
      { sessionId: session.id, role: 'facilitator' },
      { cookie: ep.cookie },
    );
    expect((await facilitator.send({ type: 'session.end' })).ok).toBe(true);
    facilitator.close();

    await waitFor(() => a.closes.some((close) => close.code === NOTES_CLOSE.sessionEnded.code));
    expect(a.provider.shouldConnect).toBe(false); // 44xx: the stock provider stops knocking
    expect(await upgradeStatus(server.url, `/yjs/${docName}?token=${phoneToken}`)).toBe(403);

    consoleClient.write('Typed after the end');
    await sleep(200);
    expect(paragraphsOf(notesOnDisk(server.dataDir, caseId))).toEqual(['Agreed: review in six weeks']);

    // The EP can still open the notes afterwards, read-only.
    const afterwards = await open(docName, await notesToken(ep, session.id, 'facilitator'));
    expect(afterwards.paragraphs()).toEqual(['Agreed: review in six weeks']);
    afterwards.write('Also after the end');
    await sleep(200);
    expect(paragraphsOf(notesOnDisk(server.dataDir, caseId))).toEqual(['Agreed: review in six weeks']);
  });

  it('relays awareness to the others and the sender, and never stores it', async () => {
    const { docName, phone } = await liveCase();
    const a = await open(docName, await phone('SENCO A'));
    const b = await open(docName, await phone('SENCO B'));
    a.write('Something to store');
    await waitFor(() => b.paragraphs().length === 1);
    const db = openTestStore(server.dataDir).db;
    const rows = () => (db.prepare('SELECT COUNT(*) AS n FROM notes_updates').get() as { n: number }).n;
    const before = rows();
    a.provider.awareness.setLocalStateField('user', { name: 'SENCO A', colour: '#0b6' });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'SENCO A');
    for (let i = 0; i < 30; i++) a.provider.awareness.setLocalStateField('cursor', i);
    // Throttled, yet the last position arrives.
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID)?.cursor === 29, 3000);
    expect(rows()).toBe(before);
    db.close();

    // A phone that leaves takes its caret with it.
    a.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID));
  });

  it('closes a connection that sends a malformed frame with 4400, and no other', async () => {
    const { docName, phone } = await liveCase();
    const token = await phone();
    const healthy = await open(docName, await phone('SENCO B'));
    const cases: Uint8Array[] = [
      new Uint8Array([]),
      new Uint8Array([0xff, 0xff, 0xff]),
      new Uint8Array([7]),
      new Uint8Array([2, 0]), // an auth message: not something a client sends
      new Uint8Array([0, 9, 0]),
      new Uint8Array([0, 2, 10, 1, 2]), // truncated update
      new Uint8Array([0, 2, 2, 0, 1]), // an update whose delete set stops short
      frame(
        (e) => encoding.writeVarUint(e, 1),
        (e) => encoding.writeVarUint8Array(e, new Uint8Array([1, 5, 1, 3, 123, 120, 125])), // "{x}"
      ),
      new Uint8Array([0, 0, 1, 0, 0]), // a valid sync step 1 with a trailing byte
    ];
    for (const data of cases) {
      const { socket, closed } = await rawSocket(docName, token);
      socket.send(data);
      expect((await closed).code, `frame ${Array.from(data).join(',')}`).toBe(NOTES_CLOSE.malformed.code);
    }
    const text = await rawSocket(docName, token);
    text.socket.send('hello');
    expect((await text.closed).code).toBe(NOTES_CLOSE.malformed.code);

    healthy.write('Still here');
    const other = await open(docName, token);
    await waitFor(() => other.paragraphs().includes('Still here'));
  });

  it('closes a frame over the message limit with 1009, and an update past the document cap with 4413', async () => {
    const { docName, caseId, phone } = await liveCase();
    const token = await phone();
    const big = await rawSocket(docName, token);
    big.socket.send(new Uint8Array(NOTES_LIMITS.messageBytes + 1));
    expect((await big.closed).code).toBe(1009);

    // Fill the document close to its cap with updates just under the message limit.
    const writer = new Y.Doc();
    const { socket, closed } = await rawSocket(docName, token);
    const chunk = 'x'.repeat(NOTES_LIMITS.messageBytes - 1024);
    const sendUpdate = () => {
      const before = Y.encodeStateVector(writer);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(chunk)]);
      writer.getXmlFragment('stage:current-situation').push([paragraph]);
      const update = Y.encodeStateAsUpdate(writer, before);
      socket.send(
        frame(
          (e) => encoding.writeVarUint(e, 0),
          (e) => encoding.writeVarUint(e, 2),
          (e) => encoding.writeVarUint8Array(e, update),
        ),
      );
    };
    const fits = Math.floor(NOTES_LIMITS.documentBytes / NOTES_LIMITS.messageBytes);
    for (let i = 0; i < fits + 1; i++) sendUpdate();
    expect((await closed).code).toBe(NOTES_CLOSE.tooLarge.code);
    const stored = paragraphsOf(notesOnDisk(server.dataDir, caseId));
    expect(stored.join('').length).toBe(fits * chunk.length);
  });

  it('compacts the log when the room empties and frees the room after it has been idle', async () => {
    const { docName, caseId, phone } = await liveCase();
    const a = await open(docName, await phone());
    for (let i = 0; i < 20; i++) a.write(`Line ${i}`);
    await waitFor(() => paragraphsOf(notesOnDisk(server.dataDir, caseId)).length === 20);
    expect(server.notes.rooms.get(docName)).toBeDefined();
    a.destroy();
    await waitFor(() => server.notes.rooms.get(docName) === undefined, 3000);
    const db = openTestStore(server.dataDir).db;
    expect(notesRepo(db).logLength(docName)).toBe(0);
    db.close();
    const back = await open(docName, await phone());
    expect(back.paragraphs()).toHaveLength(20);
  });
});

describe('POST /api/sessions/:id/notes-token', () => {
  it('gives the EP a token, and refuses signed-out callers, other accounts and bad bodies', async () => {
    const session = await buildSession(world);
    const route = `/api/sessions/${session.id}/notes-token`;
    const ok = await ep.post(route, { role: 'facilitator' });
    expect(ok.status).toBe(200);
    expect(ok.json.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);

    const anon = await new Browser(server.url).post(route, { role: 'projector' });
    expect(anon.status).toBe(401);
    // The SENCO of the locality sees the session (to submit cases) but may not run it; the other locality's
    // EP and SENCO are not told it exists.
    expect((await world.north.senco.post(route, { role: 'projector' })).status).toBe(403);
    expect((await world.south.ep.post(route, { role: 'facilitator' })).status).toBe(404);
    expect((await world.south.senco.post(route, { role: 'projector' })).status).toBe(404);
    expect((await ep.post('/api/sessions/no-such-session/notes-token', { role: 'facilitator' })).status).toBe(404);

    for (const body of [{}, { role: 'participant' }, { role: 'facilitator', extra: 1 }, { role: 7 }, [], null]) {
      const refused = await ep.post(route, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
    }
    expect((await ep.post(route, 'role=facilitator', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await ep.post(route, { role: 'facilitator' }, { origin: 'https://elsewhere.example' })).status).toBe(403);
  });

  it('stores only the hash of the token, and an expired token opens nothing', async () => {
    const session = await buildSession(world);
    const token = await notesToken(ep, session.id, 'facilitator');
    const docName = notesDocName(session.cases[0]?.id as string);
    expect(await upgradeStatus(server.url, `/yjs/${docName}?token=${token}`)).toBe(101);
    const db = openTestStore(server.dataDir).db;
    const stored = db.prepare('SELECT token_hash, expires_at, created_at FROM notes_tokens').all() as {
      token_hash: string;
      expires_at: number;
      created_at: number;
    }[];
    expect(stored.some((row) => row.token_hash === token)).toBe(false);
    expect(stored.every((row) => row.expires_at - row.created_at === 12 * 60 * 60_000)).toBe(true);
    db.prepare('UPDATE notes_tokens SET expires_at = ?').run(Date.now() - 1);
    db.close();
    expect(await upgradeStatus(server.url, `/yjs/${docName}?token=${token}`)).toBe(401);
  });
});
