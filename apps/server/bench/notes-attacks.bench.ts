/**
 * The notes attacks of issue 8, against a real server in its own process (its event loop watched from inside by
 * notesLoopProbe.mjs, its health from outside):
 *  1. pending flood: 3,000 crafted frames that depend on edits never sent, from one phone on one socket, as fast
 *     as it can: the event loop's worst delay (the stall), the worst health latency, and how long until done;
 *  2. sync flood: 200 sync requests on a 1 MB document from one phone: bytes sent to it in 10 s, the worst delay;
 *  3. awareness flood: 20 sockets on one token, each 100 updates a second for 5 s: what one other phone is sent.
 * Run: pnpm --filter @consultboard/server bench:notes-attacks (the same script runs against older code, too).
 */
import { performance } from 'node:perf_hooks';
import { notesDocName } from '@consultboard/domain';
import * as decoding from 'lib0/decoding';
import { WebSocket } from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { joinAsPhone } from '../test/helpers/http.js';
import { notesUrl } from '../test/helpers/notes.js';
import { frame, pendingStructUpdate, seeded } from '../test/helpers/notesFuzz.js';
import { buildSession, buildWorld } from '../test/helpers/world.js';
import { healthProbe, mib, percentile, startProbedServer } from './notesServer.js';

const FRAMES = Number(process.env.FRAMES ?? 3000);
const SYNC_REQUESTS = Number(process.env.SYNC_REQUESTS ?? 200);
/** How long to wait for an attack to be dealt with before giving up on it. */
const LIMIT_MS = Number(process.env.LIMIT_MS ?? 120_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function socketTo(url: string) {
  const socket = new WebSocket(url);
  socket.on('error', () => {});
  const received = { bytes: 0, frames: [] as Buffer[], lastAt: performance.now() };
  socket.on('message', (data: Buffer) => {
    received.bytes += data.byteLength;
    received.frames.push(data);
    received.lastAt = performance.now();
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const opened = new Promise<void>((resolve) => socket.once('open', () => resolve()));
  return { socket, received, closed, opened };
}

const server = await startProbedServer();
const session = await buildSession(await buildWorld(server.url));
const [pendingCase, syncCase] = session.cases.map((c) => c.id) as [string, string];
const join = (name: string) => joinAsPhone(server.url, session.joinCode as string, name);
const lines: string[] = [];

// 1. Pending flood.
{
  const random = seeded(8);
  const frames = Array.from({ length: FRAMES }, () => frame(0, 2, pendingStructUpdate(random)));
  const bytes = frames.reduce((sum, data) => sum + data.byteLength, 0);
  const attacker = socketTo(`${notesUrl(server.url)}/${notesDocName(pendingCase)}?token=${await join('SENCO F')}`);
  await attacker.opened;
  const health = healthProbe(server.url);
  await sleep(300);
  const from = Date.now();
  const start = performance.now();
  for (const data of frames) attacker.socket.send(data);
  // A sync request after the flood: answered (or the socket closed) once the server has been through it all.
  attacker.socket.send(frame(0, 0, new Uint8Array([0])));
  const sentMs = performance.now() - start;
  const answered = new Promise<void>((resolve) => {
    const check = setInterval(() => {
      const last = attacker.received.frames.at(-1);
      if (last && last[0] === 0 && last[1] === 1 && attacker.received.frames.length > 1) {
        clearInterval(check);
        resolve();
      }
    }, 5);
  });
  const outcome = await Promise.race([
    attacker.closed.then((code) => `closed with ${code}`),
    answered.then(() => 'all accepted'),
    sleep(LIMIT_MS).then(() => `still busy after ${LIMIT_MS / 1000} s`),
  ]);
  const doneMs = performance.now() - start;
  await sleep(1000);
  const latencies = await health.stop();
  const loop = server.between(from, Date.now() + 1);
  attacker.socket.terminate();
  lines.push(
    `1. pending flood: ${FRAMES} frames (${(bytes / 1024).toFixed(0)} KB) sent in ${sentMs.toFixed(0)} ms on one socket: ${outcome} after ${doneMs.toFixed(0)} ms`,
    `   event loop: worst delay ${Math.max(...loop.map((s) => s.max)).toFixed(0)} ms (p99 of 200 ms windows ${percentile(
      loop.map((s) => s.p99),
      99,
    ).toFixed(1)} ms); health: worst ${Math.max(...latencies).toFixed(0)} ms over ${latencies.length} probes`,
  );
}

// 2. Sync flood on a 1 MB document.
{
  const docName = notesDocName(syncCase);
  const author = socketTo(`${notesUrl(server.url)}/${docName}?token=${await join('SENCO A')}`);
  await author.opened;
  const writer = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText('x'.repeat(1024 * 1024 - 2048))]);
  writer.getXmlFragment('stage:current-situation').push([paragraph]);
  author.socket.send(frame(0, 2, Y.encodeStateAsUpdate(writer)));
  await sleep(1000);

  const attacker = socketTo(`${notesUrl(server.url)}/${docName}?token=${await join('SENCO F2')}`);
  await attacker.opened;
  await sleep(300);
  const welcome = attacker.received.bytes;
  const health = healthProbe(server.url);
  const from = Date.now();
  const start = performance.now();
  const request = frame(0, 0, new Uint8Array([0]));
  for (let i = 0; i < SYNC_REQUESTS; i++) attacker.socket.send(request);
  // Ten seconds of it (longer if the answers are still coming).
  while (performance.now() - start < 10_000 || performance.now() - attacker.received.lastAt < 1000) await sleep(50);
  const latencies = await health.stop();
  const loop = server.between(from, Date.now() + 1);
  lines.push(
    `2. sync flood: ${SYNC_REQUESTS} sync requests (${SYNC_REQUESTS * request.byteLength} bytes) on a ${mib(
      Y.encodeStateAsUpdate(writer).byteLength,
    )} document: ${mib(attacker.received.bytes - welcome)} sent to the attacker in ${((performance.now() - start) / 1000).toFixed(1)} s`,
    `   event loop: worst delay ${Math.max(...loop.map((s) => s.max)).toFixed(0)} ms; health: worst ${Math.max(...latencies).toFixed(0)} ms`,
  );
  attacker.socket.terminate();
  author.socket.terminate();
}

// 3. Awareness flood: 20 sockets on one token, observed by another phone in the room.
{
  const docName = notesDocName(syncCase);
  const observer = socketTo(`${notesUrl(server.url)}/${docName}?token=${await join('SENCO O')}`);
  await observer.opened;
  const token = await join('SENCO F3');
  const flooders = Array.from({ length: 20 }, () => socketTo(`${notesUrl(server.url)}/${docName}?token=${token}`));
  await Promise.race([Promise.all(flooders.map((flooder) => flooder.opened)), sleep(2000)]);
  await sleep(200);
  const open = flooders.filter((flooder) => flooder.socket.readyState === WebSocket.OPEN);
  const speakers = open.map((flooder) => ({ flooder, awareness: new Awareness(new Y.Doc()) }));
  const ids = new Set(speakers.map(({ awareness }) => awareness.clientID));
  const before = observer.received.frames.length;
  const rssBefore = server.samples.at(-1)?.rss ?? 0;
  for (let tick = 0; tick < 500; tick++) {
    for (const { flooder, awareness } of speakers) {
      awareness.setLocalStateField('cursor', { tick, padding: 'p'.repeat(200) });
      flooder.socket.send(frame(1, encodeAwarenessUpdate(awareness, [awareness.clientID])));
    }
    await sleep(10);
  }
  await sleep(1500);
  const relayed = observer.received.frames.slice(before).filter((data) => {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== 1) return false;
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    decoding.readVarUint(update);
    return ids.has(decoding.readVarUint(update));
  });
  const relayedBytes = relayed.reduce((sum, data) => sum + data.byteLength, 0);
  lines.push(
    `3. awareness flood: ${flooders.length} sockets on one token (${open.length} admitted), 100 updates a second each for 5 s: ${relayed.length} relayed to another phone (${(relayedBytes / 1024).toFixed(0)} KB); server rss ${mib(rssBefore)} → ${mib(server.samples.at(-1)?.rss ?? 0)}`,
  );
  for (const { flooder, awareness } of speakers) {
    awareness.destroy();
    flooder.socket.terminate();
  }
  observer.socket.terminate();
}

await server.stop();
console.log(lines.join('\n'));
process.exit(0);
