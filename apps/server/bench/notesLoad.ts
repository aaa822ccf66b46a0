/**
 * The notes load generator shared by bench:peers and bench:scale: rooms of clients over raw WebSockets, a few of
 * them typing a small edit at a steady pace, one of those the measured writer. It speaks y-websocket's protocol
 * (ours, the y-websocket server) or Hocuspocus's (its document name before each message, an auth message first),
 * and does the same work for every server: typists keep a Y.Doc to make real updates; the others only read frames.
 * Every client is a `WireClient` (bench/wireClient.ts): the generator's own cost is kept small, since it shares the
 * machine with the server it measures.
 * Fan-out latency: from the measured writer's send until each other client of its room has the frame.
 */
import { performance } from 'node:perf_hooks';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { WireClient } from './wireClient.js';

export type Protocol = 'y-websocket' | 'hocuspocus';

export interface RoomSpec {
  /** The WebSocket address a client of this room connects to. */
  url: (client: number) => string;
  /** The document name (Hocuspocus puts it in every message). */
  docName: string;
}

export interface LoadOptions {
  protocol: Protocol;
  rooms: RoomSpec[];
  clientsPerRoom: number;
  typistsPerRoom: number;
  /** Each typist's pause between edits. */
  typeEveryMs: number;
}

const MARK = Buffer.from('#M#');

function frame(protocol: Protocol, docName: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  if (protocol === 'hocuspocus') encoding.writeVarString(encoder, docName);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const syncStep1 = (protocol: Protocol, docName: string, doc: Y.Doc) =>
  frame(protocol, docName, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc));
  });
const updateFrame = (protocol: Protocol, docName: string, update: Uint8Array) =>
  frame(protocol, docName, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });
/** Hocuspocus: an auth message (type 2, token 0) with an empty token; no hook checks it. */
const authFrame = (docName: string) =>
  frame('hocuspocus', docName, (e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, 'bench');
  });

/** Reads the measured writer's sequence number from a frame that carries one (`#M#<n>;` in its text). */
function markOf(data: Buffer): number | null {
  const at = data.indexOf(MARK);
  if (at < 0) return null;
  let n = 0;
  let i = at + MARK.length;
  for (; i < data.length && data[i] !== 0x3b; i++) {
    const digit = (data[i] as number) - 0x30;
    if (digit < 0 || digit > 9) return null;
    n = n * 10 + digit;
  }
  return i < data.length && i > at + MARK.length ? n : null;
}

class Typist {
  readonly doc = new Y.Doc();
  private text: Y.XmlText;
  private pending: Uint8Array[] = [];

  constructor() {
    this.doc.on('update', (update: Uint8Array) => this.pending.push(update));
    const paragraph = new Y.XmlElement('paragraph');
    this.text = new Y.XmlText('');
    paragraph.insert(0, [this.text]);
    this.doc.getXmlFragment('stage:current-situation').push([paragraph]);
  }

  /** Types `chars` at the end of its own paragraph; returns the updates to send (the first holds the paragraph). */
  type(chars: string): Uint8Array[] {
    this.text.insert(this.text.length, chars);
    const out = this.pending;
    this.pending = [];
    return out;
  }
}

interface Client {
  ws: WireClient;
  room: number;
  typist: Typist | null;
  measured: boolean;
  /** Hocuspocus: authenticated; y-websocket: open. */
  ready: boolean;
  closed: boolean;
}

export class NotesLoad {
  private readonly clients: Client[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  /** Per room: when each of the measured writer's edits was sent. */
  private readonly sentAt: Map<number, number>[] = [];
  private readonly seen: Set<number>[] = [];
  private seq: number[] = [];
  private recording = false;
  readonly latencies: number[] = [];
  /** Updates the typists sent while recording (what the server's CPU time is divided by). */
  updatesSent = 0;
  unexpectedCloses = 0;

  constructor(private readonly options: LoadOptions) {}

  /** Opens every client (a few at a time), and resolves once all are ready. */
  async connect(concurrency = 40): Promise<void> {
    const { rooms, clientsPerRoom, typistsPerRoom } = this.options;
    const jobs: (() => Promise<void>)[] = [];
    rooms.forEach((_room, r) => {
      this.sentAt[r] = new Map();
      this.seq[r] = 0;
      for (let k = 0; k < clientsPerRoom; k++) jobs.push(() => this.open(r, k, k < typistsPerRoom, k === 0));
    });
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < jobs.length) await (jobs[next++] as () => Promise<void>)();
      }),
    );
  }

  private open(r: number, k: number, types: boolean, measured: boolean): Promise<void> {
    const { protocol, rooms } = this.options;
    const room = rooms[r] as RoomSpec;
    const ws = new WireClient(room.url(k));
    const client: Client = { ws, room: r, typist: types ? new Typist() : null, measured, ready: false, closed: false };
    this.clients.push(client);
    const index = this.seen.push(new Set()) - 1;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`client ${r}/${k} did not connect`)), 30_000);
      const ready = () => {
        if (client.ready) return;
        client.ready = true;
        clearTimeout(timer);
        resolve();
      };
      ws.on('open', () => {
        if (protocol === 'hocuspocus') ws.send(authFrame(room.docName));
        ws.send(syncStep1(protocol, room.docName, client.typist?.doc ?? new Y.Doc()));
        if (protocol === 'y-websocket') ready();
      });
      ws.on('message', (data: Buffer) => {
        // Hocuspocus answers the auth message with "authenticated" (type 2, then 2).
        if (!client.ready && protocol === 'hocuspocus') ready();
        if (!this.recording || client.measured) return;
        const n = markOf(data);
        if (n === null) return;
        const sent = this.sentAt[client.room]?.get(n);
        const seen = this.seen[index] as Set<number>;
        if (sent === undefined || seen.has(n)) return;
        seen.add(n);
        this.latencies.push(performance.now() - sent);
      });
      ws.on('close', () => {
        if (!client.closed) this.unexpectedCloses += 1;
        client.closed = true;
        reject(new Error(`client ${r}/${k} was closed`));
      });
      ws.on('error', () => {});
    });
  }

  /** Every typist types every `typeEveryMs`, each at its own phase. */
  start(): void {
    const { protocol, rooms, typeEveryMs } = this.options;
    for (const client of this.clients) {
      const typist = client.typist;
      if (!typist) continue;
      const docName = (rooms[client.room] as RoomSpec).docName;
      const tick = () => {
        if (client.closed || client.ws.readyState !== WireClient.OPEN) return;
        let chars = 'ab';
        let n = -1;
        if (client.measured) {
          n = ++(this.seq[client.room] as number);
          chars = `#M#${n};`;
        }
        const updates = typist.type(chars);
        if (n >= 0) this.sentAt[client.room]?.set(n, performance.now());
        if (this.recording) this.updatesSent += updates.length;
        for (const update of updates) client.ws.send(updateFrame(protocol, docName, update));
      };
      const phase = setTimeout(() => {
        tick();
        this.timers.push(setInterval(tick, typeEveryMs));
      }, Math.random() * typeEveryMs);
      this.timers.push(phase);
    }
  }

  /** Latencies are kept only while recording (after the warm-up). */
  record(on: boolean): void {
    this.recording = on;
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const client of this.clients) {
      client.closed = true;
      client.ws.terminate();
    }
  }
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const median = (values: readonly number[]) => percentile(values, 50);
