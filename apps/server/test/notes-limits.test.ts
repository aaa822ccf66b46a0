import { NOTES_CLOSE, NOTES_LIMITS, notesDocName } from '@consultboard/domain';
import * as decoding from 'lib0/decoding';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { joinAsPhone } from './helpers/http.js';
import { NotesClient, notesToken, notesUrl, sleep, waitFor } from './helpers/notes.js';
import { frame } from './helpers/notesFuzz.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 8, items 3 and 5 (the notes' part): a token holds only so many notes connections, and what one token
 * can make the server send (answers to sync requests, relayed awareness) is budgeted per token, not per socket.
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

/** A raw socket that counts what it receives; resolves once open, or with the close code if refused at once. */
async function rawSocket(docName: string, token: string) {
  const socket = new WebSocket(`${notesUrl(server.url)}/${docName}?token=${encodeURIComponent(token)}`);
  sockets.push(socket);
  socket.on('error', () => {});
  const received = { bytes: 0, frames: [] as Uint8Array[] };
  socket.on('message', (data: Buffer) => {
    received.bytes += data.byteLength;
    received.frames.push(new Uint8Array(data));
  });
  let closedWith: number | null = null;
  const closed = new Promise<number>((resolve) =>
    socket.on('close', (code) => {
      closedWith = code;
      resolve(code);
    }),
  );
  await new Promise((resolve) => socket.once('open', resolve).once('close', resolve));
  // A refusal comes as a close right after the upgrade.
  await sleep(50);
  return { socket, closed, received, open: () => closedWith === null && socket.readyState === WebSocket.OPEN };
}

describe('notes connections per token', () => {
  it('lets a phone hold one per case on the agenda and two more; the next is closed with 4429', async () => {
    const session = await buildSession(world);
    const [first, second] = session.cases.map((c) => notesDocName(c.id)) as [string, string];
    const token = await joinAsPhone(server.url, session.joinCode as string, 'SENCO A');
    const most = session.cases.length + NOTES_LIMITS.connectionsSlack;
    const held = [];
    for (let i = 0; i < most; i++) held.push(await rawSocket(i % 2 ? second : first, token));
    expect(held.every((socket) => socket.open())).toBe(true);
    const refused = await rawSocket(second, token);
    expect(await refused.closed).toBe(NOTES_CLOSE.tooManyConnections.code);
    // The stock provider takes 44xx as final: it does not knock again.
    const stock = new NotesClient(server.url, first, token);
    clients.push(stock);
    await waitFor(() => stock.closes.length > 0);
    expect(stock.closes[0]?.code).toBe(NOTES_CLOSE.tooManyConnections.code);
    expect(stock.provider.shouldConnect).toBe(false);

    // Another phone is not affected, and one closed connection makes room for another.
    const other = await rawSocket(first, await joinAsPhone(server.url, session.joinCode as string, 'SENCO B'));
    expect(other.open()).toBe(true);
    held[0]?.socket.close();
    await held[0]?.closed;
    await waitFor(() => server.notes.connectionCount === most);
    expect((await rawSocket(first, token)).open()).toBe(true);
  });

  it('holds the console’s and the projector’s notes to the same limit', async () => {
    const session = await buildSession(world);
    const docName = notesDocName(session.cases[0]?.id as string);
    const most = session.cases.length + NOTES_LIMITS.connectionsSlack;
    const token = await notesToken(world.north.ep, session.id, 'facilitator');
    for (let i = 0; i < most; i++) expect((await rawSocket(docName, token)).open()).toBe(true);
    expect(await (await rawSocket(docName, token)).closed).toBe(NOTES_CLOSE.tooManyConnections.code);
    // A fresh token for the same account and role buys no more connections.
    const fresh = await notesToken(world.north.ep, session.id, 'facilitator');
    expect(await (await rawSocket(docName, fresh)).closed).toBe(NOTES_CLOSE.tooManyConnections.code);
    const projector = await notesToken(world.north.ep, session.id, 'projector');
    expect((await rawSocket(docName, projector)).open()).toBe(true);
  });
});

describe('sync requests', () => {
  it('are answered a few at a time: 200 requests on a 1 MB document no longer send hundreds of MB', async () => {
    const session = await buildSession(world);
    const docName = notesDocName(session.cases[0]?.id as string);
    const join = (name: string) => joinAsPhone(server.url, session.joinCode as string, name);
    const writer = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('x'.repeat(NOTES_LIMITS.messageBytes - 1024))]);
    writer.getXmlFragment('stage:current-situation').push([paragraph]);
    const author = await rawSocket(docName, await join('SENCO A'));
    author.socket.send(frame(0, 2, Y.encodeStateAsUpdate(writer)));
    await waitFor(() => (server.notes.rooms.get(docName)?.storedBytes ?? 0) > 1_000_000);

    // One phone asks 200 times on one socket, and 50 times on each of three more: 800 bytes of requests.
    const token = await join('SENCO F');
    const attackers = [await rawSocket(docName, token)];
    for (let i = 0; i < 3; i++) attackers.push(await rawSocket(docName, token));
    const askForEverything = frame(0, 0, new Uint8Array([0]));
    for (const [i, attacker] of attackers.entries()) {
      for (let n = 0; n < (i === 0 ? 200 : 50); n++) attacker.socket.send(askForEverything);
    }
    await sleep(3000);
    const received = attackers.reduce((sum, attacker) => sum + attacker.received.bytes, 0);
    // Each socket's burst (3) and the token's (12) at most, a megabyte each: not 350 MB.
    expect(received).toBeLessThan(16 * 1024 * 1024);
    expect(received).toBeGreaterThan(1024 * 1024);
    expect(attackers.every((attacker) => attacker.open())).toBe(true);

    // A stock provider that resyncs often still syncs and follows the edits.
    const stock = new NotesClient(server.url, docName, await join('SENCO B'), { resyncInterval: 200 });
    clients.push(stock);
    await stock.whenSynced();
    const more = new Y.Doc();
    Y.applyUpdate(more, Y.encodeStateAsUpdate(writer));
    const line = new Y.XmlElement('paragraph');
    line.insert(0, [new Y.XmlText('After the flood')]);
    const before = Y.encodeStateVector(more);
    more.getXmlFragment('stage:current-situation').push([line]);
    author.socket.send(frame(0, 2, Y.encodeStateAsUpdate(more, before)));
    await waitFor(() => stock.paragraphs().includes('After the flood'));
  }, 30_000);
});

describe('awareness', () => {
  it('is budgeted per token: twenty sockets flooding relay no more than one would', async () => {
    const session = await buildSession(world);
    const docName = notesDocName(session.cases[0]?.id as string);
    const join = (name: string) => joinAsPhone(server.url, session.joinCode as string, name);
    const observer = await rawSocket(docName, await join('SENCO O'));
    const token = await join('SENCO F');
    const flooders = [];
    for (let i = 0; i < 20; i++) flooders.push(await rawSocket(docName, token));
    const open = flooders.filter((flooder) => flooder.open());

    // Each open socket speaks for a client of its own, a hundred times a second for two seconds.
    const speakers = open.map((flooder) => {
      const awareness = new Awareness(new Y.Doc());
      return { flooder, awareness };
    });
    const attackerIds = new Set(speakers.map(({ awareness }) => awareness.clientID));
    const start = observer.received.frames.length;
    for (let tick = 0; tick < 200; tick++) {
      for (const { flooder, awareness } of speakers) {
        awareness.setLocalStateField('cursor', tick);
        flooder.socket.send(frame(1, encodeAwarenessUpdate(awareness, [awareness.clientID])));
      }
      await sleep(10);
    }
    await sleep(1200);
    const relayed = observer.received.frames.slice(start).filter((data) => {
      const decoder = decoding.createDecoder(data);
      if (decoding.readVarUint(decoder) !== 1) return false;
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
      decoding.readVarUint(update);
      return attackerIds.has(decoding.readVarUint(update));
    }).length;
    for (const { awareness } of speakers) awareness.destroy();
    // About three seconds at the token's budget, plus its burst: not one budget per socket.
    const budget = NOTES_LIMITS.awarenessPerSecond * 4 + NOTES_LIMITS.awarenessPerSecond;
    expect(relayed).toBeGreaterThan(NOTES_LIMITS.awarenessPerSecond);
    expect(relayed).toBeLessThanOrEqual(budget);
    expect(open.length).toBe(session.cases.length + NOTES_LIMITS.connectionsSlack);
  }, 30_000);
});
