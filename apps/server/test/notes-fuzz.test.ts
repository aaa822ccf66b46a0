import { randomBytes } from 'node:crypto';
import { NOTES_LIMITS, notesDocName } from '@consultboard/domain';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { joinAsPhone } from './helpers/http.js';
import { type NotesClient, notesOnDisk, notesUrl, openNotes, paragraphsOf, sleep, waitFor } from './helpers/notes.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld } from './helpers/world.js';

const FRAMES = 4000;
const WORKERS = 8;
const STORM_MS = 12_000;

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer(undefined, { notes: { idleRoomMs: 200, compactAfterUpdates: 50 } });
});
afterAll(async () => {
  await server.close();
});

/** Valid messages of every kind, to cut short and to corrupt. */
function validMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment('stage:current-situation');
  for (let i = 0; i < 5; i++) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`Fuzz line ${i} from SENCO A`)]);
    fragment.push([paragraph]);
  }
  doc.getText('t').insert(0, 'some text');
  fragment.delete(1, 2);
  const messages = updates.map((update) => sync((e) => syncProtocol.writeUpdate(e, update)));
  messages.push(sync((e) => syncProtocol.writeSyncStep1(e, doc)));
  messages.push(sync((e) => syncProtocol.writeSyncStep2(e, doc)));
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name: 'SENCO A', colour: '#0b6' });
  messages.push(frame(1, encodeAwarenessUpdate(awareness, [doc.clientID])));
  awareness.destroy();
  return messages;
}

function sync(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const upTo = (n: number) => Math.floor(Math.random() * n);

type Bad = { data: Uint8Array | string; raw?: boolean };

const oversized = () => new Uint8Array(NOTES_LIMITS.messageBytes + 1 + upTo(1024));

/** One hostile frame: random, half valid, cut short, corrupted, oversized, text, or bytes below the WebSocket layer. */
function badFrame(valid: Uint8Array[]): Bad {
  const roll = Math.random();
  if (roll < 0.2) return { data: randomBytes(upTo(200)) };
  if (roll < 0.35) return { data: frame(0, upTo(4), randomBytes(upTo(120))) };
  if (roll < 0.45) return { data: frame(1, randomBytes(upTo(120))) };
  if (roll < 0.65) {
    const message = pick(valid);
    return { data: message.slice(0, upTo(message.length)) };
  }
  if (roll < 0.85) {
    const message = pick(valid).slice();
    for (let i = 0; i <= upTo(4); i++) message[upTo(message.length)] = upTo(256);
    return { data: message };
  }
  if (roll < 0.9) return { data: pick(valid) };
  if (roll < 0.94) return { data: `text ${Math.random()}` };
  if (roll < 0.97) return { data: randomBytes(upTo(64)), raw: true };
  if (roll < 0.975) return { data: oversized() };
  return { data: frame(0, 2, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])) };
}

/** Opens a raw socket, fires a burst of hostile frames at it, and waits until it is closed (or gives up). */
async function storm(
  url: string,
  valid: Uint8Array[],
  budget: { frames: number; connections: number; closes: Map<number, number> },
) {
  const socket = new WebSocket(url);
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const opened = await new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true));
    socket.once('close', () => resolve(false));
  });
  if (opened) {
    budget.connections += 1;
    const burst = 1 + upTo(4);
    for (let i = 0; i < burst && socket.readyState === WebSocket.OPEN; i++) {
      // Every hundredth connection opens with a frame over the message limit.
      const bad = i === 0 && budget.connections % 100 === 0 ? { data: oversized() } : badFrame(valid);
      budget.frames += 1;
      const underlying = (socket as unknown as { _socket?: { write(data: Uint8Array): void } })._socket;
      if (bad.raw && underlying) underlying.write(bad.data as Uint8Array);
      else socket.send(bad.data);
    }
    const code = await Promise.race([closed, sleep(150).then(() => -1)]);
    if (code === -1) socket.terminate();
    budget.closes.set(code, (budget.closes.get(code) ?? 0) + 1);
  }
  await closed;
}

describe('the notes endpoint under a storm of bad frames', () => {
  it('closes only the offending sockets while a healthy room keeps syncing, and stays up', async () => {
    const session = await buildSession(await buildWorld(server.url));
    const [healthyCase, fuzzCase] = session.cases.map((c) => c.id) as [string, string];
    const join = (name: string) => joinAsPhone(server.url, session.joinCode as string, name);
    const healthyDoc = notesDocName(healthyCase);
    const fuzzDoc = notesDocName(fuzzCase);
    const clients: NotesClient[] = [
      await openNotes(server.url, healthyDoc, await join('SENCO A')),
      await openNotes(server.url, healthyDoc, await join('SENCO B')),
    ];
    const [a, b] = clients as [NotesClient, NotesClient];
    const fuzzToken = await join('SENCO F');
    const valid = validMessages();

    // The healthy room keeps typing all through the storm.
    let typing = true;
    let written = 0;
    const typist = (async () => {
      while (typing) {
        a.write(`Healthy line ${written++}`);
        await sleep(25);
      }
    })();

    const started = Date.now();
    const budget = { frames: 0, connections: 0, closes: new Map<number, number>() };
    const url = `${notesUrl(server.url)}/${fuzzDoc}?token=${fuzzToken}`;
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (budget.frames < FRAMES && Date.now() - started < STORM_MS) await storm(url, valid, budget);
      }),
    );
    // A few hostile upgrades too: paths and tokens that are not ours.
    for (const path of ['/yjs/', `/yjs/${fuzzDoc}?token=${'x'.repeat(5000)}`, `/yjs/${'%'.repeat(40)}`]) {
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}${path}`);
      await new Promise((resolve) => {
        socket.on('error', resolve);
        socket.on('open', resolve);
      });
      socket.terminate();
    }
    typing = false;
    await typist;

    expect(budget.frames).toBeGreaterThanOrEqual(Math.min(FRAMES, 2000));
    // Malformed (4400) and over the message limit (1009) are among the ways the storm was answered.
    expect(budget.closes.get(4400) ?? 0).toBeGreaterThan(100);
    expect(budget.closes.get(1009) ?? 0).toBeGreaterThan(0);

    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);

    // The healthy clients were never disturbed and agree with each other and with the disk.
    await waitFor(() => b.paragraphs().length === written, 5000, 'the healthy clients did not converge');
    expect(b.paragraphs()).toEqual(a.paragraphs());
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
    await waitFor(() => paragraphsOf(notesOnDisk(server.dataDir, healthyCase)).length === written);
    expect(paragraphsOf(notesOnDisk(server.dataDir, healthyCase))).toEqual(a.paragraphs());
    expect(written).toBeGreaterThan(20);

    // Whatever the storm got stored in its own room still loads: no poisoned log.
    await waitFor(() => server.notes.rooms.get(fuzzDoc) === undefined, 3000, 'the fuzzed room was never freed');
    const after = await openNotes(server.url, fuzzDoc, await join('SENCO C'));
    clients.push(after);
    expect(after.synced).toBe(true);
    for (const client of clients) client.destroy();
  });
});
