/**
 * Hostile notes frames for the fuzz test and the long fuzz run (`pnpm fuzz`), drawn from a seeded generator
 * so a failing run can be replayed with NOTES_FUZZ_SEED=<seed>.
 */
import { NOTES_LIMITS } from '@consultboard/domain';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { sleep } from './notes.js';

/** The seed of this run: NOTES_FUZZ_SEED if set, else a fresh one (print it, so a failure can be replayed). */
export function fuzzSeed(): number {
  const fromEnv = Number.parseInt(process.env.NOTES_FUZZ_SEED ?? '', 10);
  return Number.isInteger(fromEnv) ? fromEnv : Math.floor(Math.random() * 2 ** 31);
}

/** A small seeded generator (mulberry32): the same seed gives the same frames. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const STAGE = 'stage:current-situation';

/** A frame of the y-websocket protocol from its parts (numbers as varuints, bytes length-prefixed). */
export function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeVarUint(encoder, part);
    else encoding.writeVarUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

/** A sync update frame carrying a Yjs update. */
export const updateFrame = (update: Uint8Array) => frame(0, 2, update);

function paragraph(text: string, marks?: Record<string, unknown>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph');
  const content = new Y.XmlText();
  content.insert(0, text, marks);
  element.insert(0, [content]);
  return element;
}

/** What one edit of a fresh client document sends. */
function editOf(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  change(doc);
  return Y.encodeStateAsUpdate(doc);
}

/**
 * An update whose structs wait for an edit nobody sends: the second of a client's two edits, or an edit made
 * after receiving another client's edit the server never got. `size` pads the text (to fill memory).
 */
export function pendingStructUpdate(random: () => number, size = 8): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(STAGE);
  if (random() < 0.5) {
    fragment.push([paragraph('never sent')]);
    const before = Y.encodeStateVector(doc);
    fragment.push([paragraph(`waits for the first ${'x'.repeat(size)}`)]);
    return Y.encodeStateAsUpdate(doc, before);
  }
  const other = new Y.Doc();
  other.getXmlFragment(STAGE).push([paragraph('the server never got this')]);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
  const before = Y.encodeStateVector(doc);
  ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(3, `after it ${'y'.repeat(size)}`);
  return Y.encodeStateAsUpdate(doc, before);
}

/** An update that deletes clocks nobody has written (a client id and clocks out of thin air). */
export function pendingDeleteUpdate(random: () => number): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  encoding.writeVarUint(encoder.restEncoder, 0); // no structs
  const clients = 1 + Math.floor(random() * 3);
  encoding.writeVarUint(encoder.restEncoder, clients);
  for (let i = 0; i < clients; i++) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(encoder.restEncoder, 1 + Math.floor(random() * 2 ** 30));
    encoding.writeVarUint(encoder.restEncoder, 1);
    encoder.writeDsClock(Math.floor(random() * 1000));
    encoder.writeDsLen(1 + Math.floor(random() * 1000));
  }
  return encoder.toUint8Array();
}

/** An update the notes' schema does not allow: a script element, a javascript: link, another top-level type… */
export function schemaViolation(random: () => number): Uint8Array {
  const pick = Math.floor(random() * 5);
  return editOf((doc) => {
    const fragment = doc.getXmlFragment(STAGE);
    if (pick === 0) {
      const script = new Y.XmlElement('script');
      script.insert(0, [new Y.XmlText('alert(1)')]);
      fragment.push([script]);
    } else if (pick === 1) fragment.push([paragraph('Click me', { link: { href: 'javascript:alert(1)' } })]);
    else if (pick === 2) doc.getText('scratch').insert(0, 'not the notes');
    else if (pick === 3) {
      const element = paragraph('Handled');
      element.setAttribute('onclick', 'alert(1)');
      fragment.push([element]);
    } else fragment.push([paragraph('Underlined', { underline: {} })]);
  });
}

/** Valid messages of every kind, to send as they are, cut short, or corrupt. */
export function validMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment(STAGE);
  for (let i = 0; i < 5; i++) fragment.push([paragraph(`Fuzz line ${i} from SENCO A`)]);
  fragment.delete(1, 2);
  const messages = updates.map(updateFrame);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  messages.push(encoding.toUint8Array(encoder));
  const step2 = encoding.createEncoder();
  encoding.writeVarUint(step2, 0);
  syncProtocol.writeSyncStep2(step2, doc);
  messages.push(encoding.toUint8Array(step2));
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name: 'SENCO A', colour: '#0b6' });
  messages.push(frame(1, encodeAwarenessUpdate(awareness, [doc.clientID])));
  awareness.destroy();
  return messages;
}

export type Bad = { data: Uint8Array | string; raw?: boolean; kind: string };

/** Draws hostile frames of every kind from a seeded generator. */
export class FuzzFrames {
  private readonly valid = validMessages();
  constructor(readonly random: () => number) {}

  private upTo(n: number): number {
    return Math.floor(this.random() * n);
  }

  private bytes(n: number): Uint8Array {
    return Uint8Array.from({ length: n }, () => this.upTo(256));
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.upTo(items.length)] as T;
  }

  oversized(): Bad {
    return { data: new Uint8Array(NOTES_LIMITS.messageBytes + 1 + this.upTo(1024)), kind: 'oversized' };
  }

  /** One hostile frame: random, half valid, cut short, corrupted, pending, off-schema, text, or below WebSocket. */
  next(): Bad {
    const roll = this.random();
    if (roll < 0.12) return { data: this.bytes(this.upTo(200)), kind: 'random' };
    if (roll < 0.22) return { data: frame(0, this.upTo(4), this.bytes(this.upTo(120))), kind: 'random sync' };
    if (roll < 0.28) return { data: frame(1, this.bytes(this.upTo(120))), kind: 'random awareness' };
    if (roll < 0.4) {
      const message = this.pick(this.valid);
      return { data: message.slice(0, this.upTo(message.length)), kind: 'cut short' };
    }
    if (roll < 0.52) {
      const message = this.pick(this.valid).slice();
      for (let i = 0; i <= this.upTo(4); i++) message[this.upTo(message.length)] = this.upTo(256);
      return { data: message, kind: 'corrupted' };
    }
    if (roll < 0.64) return { data: updateFrame(pendingStructUpdate(this.random)), kind: 'pending structs' };
    if (roll < 0.72) return { data: updateFrame(pendingDeleteUpdate(this.random)), kind: 'pending deletes' };
    if (roll < 0.82) return { data: updateFrame(schemaViolation(this.random)), kind: 'off schema' };
    if (roll < 0.88) return { data: this.pick(this.valid), kind: 'valid' };
    if (roll < 0.92) return { data: `text ${this.random()}`, kind: 'text' };
    if (roll < 0.96) return { data: this.bytes(this.upTo(64)), raw: true, kind: 'raw' };
    if (roll < 0.965) return this.oversized();
    return { data: frame(0, 2, new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f])), kind: 'huge varint' };
  }
}

export type Tally = { frames: number; connections: number; closes: Map<number, number>; kinds: Map<string, number> };

export const newTally = (): Tally => ({ frames: 0, connections: 0, closes: new Map(), kinds: new Map() });

/** Opens a raw socket, fires a burst of hostile frames at it, and waits until it is closed (or gives up). */
export async function storm(url: string, frames: FuzzFrames, tally: Tally): Promise<void> {
  const socket = new WebSocket(url);
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  const opened = await new Promise<boolean>((resolve) => {
    socket.once('open', () => resolve(true));
    socket.once('close', () => resolve(false));
  });
  if (opened) {
    tally.connections += 1;
    const burst = 1 + Math.floor(frames.random() * 4);
    for (let i = 0; i < burst && socket.readyState === WebSocket.OPEN; i++) {
      // Every hundredth connection opens with a frame over the message limit.
      const bad = i === 0 && tally.connections % 100 === 0 ? frames.oversized() : frames.next();
      tally.frames += 1;
      tally.kinds.set(bad.kind, (tally.kinds.get(bad.kind) ?? 0) + 1);
      const underlying = (socket as unknown as { _socket?: { write(data: Uint8Array): void } })._socket;
      if (bad.raw && underlying) underlying.write(bad.data as Uint8Array);
      else socket.send(bad.data);
    }
    const code = await Promise.race([closed, sleep(150).then(() => -1)]);
    if (code === -1) socket.terminate();
    tally.closes.set(code, (tally.closes.get(code) ?? 0) + 1);
  }
  await closed;
}
