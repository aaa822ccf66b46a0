/** Stand-ins for the notes unit tests: a store in memory, peers and sockets that record what they get. */
import { EventEmitter } from 'node:events';
import * as Y from 'yjs';
import type { StoredNotes } from '../db/notes.js';
import type { NotesSocket } from './notesConnection.js';
import type { NotesPeer, NotesStore } from './room.js';

/** A store in memory that counts its calls; `load` can be held back or made to fail. */
export class MemoryStore implements NotesStore {
  readonly docs = new Map<string, { snapshot: Uint8Array | null; updates: { id: number; data: Uint8Array }[] }>();
  loads = 0;
  appends = 0;
  compactions = 0;
  transactions = 0;
  nextId = 1;
  /** Set to hold every load until `release()` (or `fail()`). */
  gate: { promise: Promise<void>; release: () => void; fail: (error: Error) => void } | null = null;

  hold(): void {
    let release = () => {};
    let fail: (error: Error) => void = () => {};
    const promise = new Promise<void>((resolve, reject) => {
      release = resolve;
      fail = reject;
    });
    this.gate = { promise, release, fail };
  }

  async load(docName: string): Promise<StoredNotes> {
    this.loads += 1;
    if (this.gate) await this.gate.promise;
    const doc = this.docs.get(docName);
    const updates = doc?.updates ?? [];
    return {
      snapshot: doc?.snapshot ?? null,
      updates: updates.map((update) => update.data),
      lastId: updates.at(-1)?.id ?? 0,
      bytes: (doc?.snapshot?.byteLength ?? 0) + updates.reduce((sum, update) => sum + update.data.byteLength, 0),
    };
  }

  append(docName: string, updates: readonly Uint8Array[]): number {
    this.appends += 1;
    const doc = this.docs.get(docName) ?? { snapshot: null, updates: [] };
    this.docs.set(docName, doc);
    for (const data of updates) doc.updates.push({ id: this.nextId++, data });
    return this.nextId - 1;
  }

  /** All or nothing, as SQLite's: what a failing run appended is taken back. */
  transaction(run: () => void): void {
    const before = new Map([...this.docs].map(([name, doc]) => [name, { ...doc, updates: [...doc.updates] }]));
    const nextId = this.nextId;
    try {
      run();
      this.transactions += 1;
    } catch (error) {
      this.docs.clear();
      for (const [name, doc] of before) this.docs.set(name, doc);
      this.nextId = nextId;
      throw error;
    }
  }

  compact(docName: string, state: Uint8Array, uptoId: number): void {
    this.compactions += 1;
    const doc = this.docs.get(docName) ?? { snapshot: null, updates: [] };
    this.docs.set(docName, { snapshot: state, updates: doc.updates.filter((update) => update.id > uptoId) });
  }

  /** Everything stored for a document, as a fresh Yjs document. */
  stored(docName: string): Y.Doc {
    const doc = new Y.Doc();
    const stored = this.docs.get(docName);
    if (stored?.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored?.updates ?? []) Y.applyUpdate(doc, update.data);
    return doc;
  }
}

/** A peer that records what it is sent and how it was closed. */
export class RecordingPeer implements NotesPeer {
  readonly sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;
  constructor(
    public readOnly = false,
    private readonly onSend?: (message: Uint8Array) => void,
  ) {}
  send(message: Uint8Array): void {
    this.onSend?.(message);
    this.sent.push(message);
  }
  close(code: number, reason: string): void {
    this.closedWith ??= { code, reason };
  }
}

/** A socket that records what the connection sends; the test plays the client by emitting frames. */
export class FakeSocket extends EventEmitter implements NotesSocket {
  readyState = 1;
  bufferedAmount = 0;
  readonly sent: Uint8Array[] = [];
  closedWith: { code: number; reason: string } | null = null;

  send(data: Uint8Array): void {
    this.sent.push(data);
  }

  close(code = 1000, reason = ''): void {
    if (this.readyState !== 1) return;
    this.closedWith = { code, reason };
    this.readyState = 3;
    queueMicrotask(() => this.emit('close', code, Buffer.from(reason)));
  }

  /** The client sends a binary frame. */
  receive(data: Uint8Array): void {
    this.emit('message', Buffer.from(data), true);
  }
}

/** An update that writes a paragraph into a stage's notes, as a client's editor would make it. */
export function paragraphUpdate(doc: Y.Doc, text: string, stageId = 'current-situation'): Uint8Array {
  const before = Y.encodeStateVector(doc);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(`stage:${stageId}`).push([paragraph]);
  return Y.encodeStateAsUpdate(doc, before);
}

/** The text of a stage's notes in a document. */
export function notesText(doc: Y.Doc, stageId = 'current-situation'): string {
  return doc.getXmlFragment(`stage:${stageId}`).toString();
}
