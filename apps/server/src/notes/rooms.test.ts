import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NOTES_CLOSE, NOTES_LIMITS } from '@consultboard/domain';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { openDatabase } from '../db/database.js';
import { notesRepo, toDoc } from '../db/notes.js';
import type { Room } from './room.js';
import { Rooms, type RoomsOptions } from './rooms.js';
import { MemoryStore, notesText, paragraphUpdate, RecordingPeer } from './testing.js';

const DOC = 'case:c-1';

function rooms(store: RoomsOptions['store'], overrides: Partial<RoomsOptions> = {}) {
  return new Rooms({
    store,
    documentBytes: NOTES_LIMITS.documentBytes,
    compactAfterUpdates: NOTES_LIMITS.compactAfterUpdates,
    idleRoomMs: 1000,
    ...overrides,
  });
}

/** The kinds of message a peer was sent: 'sync:0' our step 1, 'sync:2' an update, 'awareness'. */
const kinds = (peer: RecordingPeer) =>
  peer.sent.map((message) => {
    const decoder = decoding.createDecoder(message);
    return decoding.readVarUint(decoder) === 0 ? `sync:${decoding.readVarUint(decoder)}` : 'awareness';
  });

afterEach(() => {
  vi.useRealTimers();
});

describe('Rooms', () => {
  it('loads a document once however many connect at the same moment', async () => {
    const store = new MemoryStore();
    store.hold();
    const registry = rooms(store);
    const peers = Array.from({ length: 20 }, () => new RecordingPeer());
    const entered = peers.map((peer) => registry.enter(DOC, peer));
    await Promise.resolve();
    store.gate?.release();
    const all = await Promise.all(entered);
    expect(store.loads).toBe(1);
    expect(new Set(all).size).toBe(1);
    expect(all[0]?.peers.size).toBe(20);
    expect(registry.size).toBe(1);
  });

  it('closes everyone with 4503 when the load fails, writes nothing, and tries again on the next connect', async () => {
    const store = new MemoryStore();
    store.hold();
    const registry = rooms(store);
    const peers = [new RecordingPeer(), new RecordingPeer(), new RecordingPeer()];
    const entered = peers.map((peer) => registry.enter(DOC, peer));
    store.gate?.fail(new Error('disk on fire'));
    for (const attempt of entered) await expect(attempt).rejects.toThrow('disk on fire');
    for (const peer of peers) expect(peer.closedWith?.code).toBe(NOTES_CLOSE.unavailable.code);
    expect(store.appends).toBe(0);
    expect(store.compactions).toBe(0);
    expect(registry.size).toBe(0);

    store.gate = null;
    const room = await registry.enter(DOC, new RecordingPeer());
    expect(store.loads).toBe(2);
    expect(room.status).toBe('ready');
  });

  it('never turns a stored document it cannot read into an empty one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-notes-'));
    const db = openDatabase(dir);
    const repo = notesRepo(db);
    const writer = new Y.Doc();
    repo.append(DOC, [paragraphUpdate(writer, 'Kept safe')]);
    repo.append(DOC, [new Uint8Array([0, 1])]); // damaged on disk
    const registry = rooms(repo, { compactAfterUpdates: 1 });
    const peer = new RecordingPeer();
    await expect(registry.enter(DOC, peer)).rejects.toThrow();
    expect(peer.closedWith?.code).toBe(NOTES_CLOSE.unavailable.code);
    expect(repo.logLength(DOC)).toBe(2);
    expect(db.prepare('SELECT COUNT(*) AS n FROM notes_snapshots').get()).toEqual({ n: 0 });
    db.close();
  });

  it('applies the messages that arrive while loading, once loaded (they wait, not vanish)', async () => {
    const store = new MemoryStore();
    store.hold();
    const registry = rooms(store);
    const writer = new Y.Doc();
    const peer = new RecordingPeer();
    const entering = registry.enter(DOC, peer);
    const early = paragraphUpdate(writer, 'Typed while the room loaded');
    store.gate?.release();
    const room = await entering;
    expect(room.applyUpdate(early, peer)).toBe('applied');
    registry.commits.flush();
    expect(notesText(store.stored(DOC))).toContain('Typed while the room loaded');
  });

  it('stores the updates of one turn in one transaction before relaying any, to the other peers only', async () => {
    const store = new MemoryStore();
    const registry = rooms(store);
    const writer = new Y.Doc();
    const from = new RecordingPeer();
    const storedWhenRelayed: number[] = [];
    const other = new RecordingPeer(false, () => storedWhenRelayed.push(store.docs.get(DOC)?.updates.length ?? 0));
    const room = await registry.enter(DOC, from);
    await registry.enter(DOC, other);
    for (let i = 1; i <= 3; i++) expect(room.applyUpdate(paragraphUpdate(writer, `Line ${i}`), from)).toBe('applied');
    // Accepted, not yet stored: nobody has been sent anything.
    expect(store.docs.get(DOC)?.updates ?? []).toHaveLength(0);
    expect(other.sent).toHaveLength(0);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.transactions).toBe(1);
    expect(storedWhenRelayed).toEqual([3, 3, 3]);
    expect(kinds(from)).toEqual([]);
    expect(kinds(other)).toEqual(['sync:2', 'sync:2', 'sync:2']);
    // An update the room already has changes nothing, and nothing is stored or relayed.
    expect(room.applyUpdate(Y.encodeStateAsUpdate(writer), from)).toBe('applied');
    registry.commits.flush();
    expect(store.docs.get(DOC)?.updates).toHaveLength(3);
    expect(other.sent).toHaveLength(3);
  });

  it('answers a sync request only once the edits the room holds are stored', async () => {
    const store = new MemoryStore();
    const registry = rooms(store);
    const writer = new Y.Doc();
    const from = new RecordingPeer();
    const room = await registry.enter(DOC, from);
    room.applyUpdate(paragraphUpdate(writer, 'Not on disk yet'), from);
    const answers: Uint8Array[] = [];
    room.whenCommitted(() => answers.push(room.syncStep2(Y.encodeStateVector(new Y.Doc()))));
    expect(answers).toHaveLength(0);
    registry.commits.flush();
    expect(answers).toHaveLength(1);
    expect(notesText(store.stored(DOC))).toContain('Not on disk yet');
  });

  it('refuses an update Yjs would throw on half-way before it touches the document', async () => {
    const store = new MemoryStore();
    const registry = rooms(store);
    const from = new RecordingPeer();
    const other = new RecordingPeer();
    const room = await registry.enter(DOC, from);
    await registry.enter(DOC, other);
    expect(room.applyUpdate(paragraphUpdate(new Y.Doc(), 'Before the bad one'), other)).toBe('applied');
    registry.commits.flush();
    const before = Y.encodeStateAsUpdate(room.doc);
    from.sent.length = 0;
    // Found by fuzzing: Yjs decodes this update but throws while integrating it (a struct whose left
    // neighbour is a later clock of its own client), having integrated part of it.
    const bad = new Uint8Array([
      1, 4, 1, 0, 4, 1, 1, 116, 3, 97, 98, 48, 68, 1, 0, 3, 97, 98, 49, 68, 1, 3, 1, 97, 193, 1, 97, 1, 3, 2, 1, 1, 1,
      7, 2,
    ]);
    expect(() => Y.applyUpdate(new Y.Doc(), bad)).toThrow();
    expect(room.applyUpdate(bad, from)).toBe('refused');
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    expect(store.docs.get(DOC)?.updates).toHaveLength(1);
    expect(from.sent).toHaveLength(0);
    // The room carries on.
    expect(room.applyUpdate(paragraphUpdate(new Y.Doc(), 'After the bad one'), other)).toBe('applied');
    expect(notesText(room.doc)).toContain('After the bad one');
  });

  it('refuses an update that would take the document past its cap, and stores none of it', async () => {
    const store = new MemoryStore();
    const registry = rooms(store, { documentBytes: 2000 });
    const writer = new Y.Doc();
    const peer = new RecordingPeer();
    const room = await registry.enter(DOC, peer);
    expect(room.applyUpdate(paragraphUpdate(writer, 'a'.repeat(1500)), peer)).toBe('applied');
    expect(room.applyUpdate(paragraphUpdate(writer, 'b'.repeat(600)), peer)).toBe('tooLarge');
    expect(notesText(store.stored(DOC))).not.toContain('b');
    expect(notesText(room.doc)).not.toContain('b');
  });

  it('compacts the log into a snapshot that holds exactly the same notes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-notes-'));
    const db = openDatabase(dir);
    const repo = notesRepo(db);
    const registry = rooms(repo, { compactAfterUpdates: 10 });
    const writer = new Y.Doc();
    const peer = new RecordingPeer();
    const room = await registry.enter(DOC, peer);
    for (let i = 0; i < 35; i++) {
      room.applyUpdate(paragraphUpdate(writer, `Line ${i}`, i % 2 ? 'current-situation' : 'desired-situation'), peer);
      if (i % 7 === 0) {
        const before = Y.encodeStateVector(writer);
        writer.getXmlFragment('stage:desired-situation').delete(0, 1);
        room.applyUpdate(Y.encodeStateAsUpdate(writer, before), peer);
      }
      registry.commits.flush();
    }
    expect(repo.logLength(DOC)).toBeLessThan(10);
    const stored = repo.load(DOC);
    expect(stored.snapshot).not.toBeNull();
    for (const stage of ['current-situation', 'desired-situation']) {
      expect(notesText(toDoc(stored), stage)).toBe(notesText(writer, stage));
    }

    registry.leave(DOC, peer);
    expect(repo.logLength(DOC)).toBe(0);
    expect(notesText(repo.readNotes('c-1'))).toBe(notesText(writer));
    registry.close();
    db.close();
  });

  it('compacts a room when the last one leaves, and frees it once it has been idle', async () => {
    vi.useFakeTimers();
    const store = new MemoryStore();
    const registry = rooms(store, { idleRoomMs: 1000 });
    const writer = new Y.Doc();
    const peer = new RecordingPeer();
    const room = await registry.enter(DOC, peer);
    room.applyUpdate(paragraphUpdate(writer, 'Before leaving'), peer);
    registry.leave(DOC, peer);
    // The last one left before the edit's commit: the room is compacted right after it, never before.
    expect(store.compactions).toBe(0);
    registry.commits.flush();
    expect(store.compactions).toBe(1);
    expect(store.docs.get(DOC)?.updates).toHaveLength(0);

    // Someone coming back in time keeps the room in memory.
    vi.advanceTimersByTime(900);
    const back = new RecordingPeer();
    expect(await registry.enter(DOC, back)).toBe(room);
    vi.advanceTimersByTime(5000);
    expect(registry.get(DOC)).toBe(room);

    registry.leave(DOC, back);
    vi.advanceTimersByTime(999);
    expect(registry.get(DOC)).toBe(room);
    vi.advanceTimersByTime(1);
    expect(registry.get(DOC)).toBeUndefined();
    expect(room.status).toBe('closed');
    expect(store.loads).toBe(1);
    expect(notesText(store.stored(DOC))).toContain('Before leaving');
  });

  it('drops the room, closing everyone with 4503, when an update cannot be stored', async () => {
    const store = new MemoryStore();
    const registry = rooms(store);
    const writer = new Y.Doc();
    const a = new RecordingPeer();
    const b = new RecordingPeer();
    const room = await registry.enter(DOC, a);
    await registry.enter(DOC, b);
    store.append = () => {
      throw new Error('disk full');
    };
    expect(room.applyUpdate(paragraphUpdate(writer, 'Lost in memory'), a)).toBe('applied');
    expect(a.closedWith).toBeNull();
    registry.commits.flush();
    expect(a.closedWith?.code).toBe(NOTES_CLOSE.unavailable.code);
    expect(b.closedWith?.code).toBe(NOTES_CLOSE.unavailable.code);
    expect(b.sent).toHaveLength(0);
    expect(registry.size).toBe(0);
  });

  it("relays awareness to everyone, and lets no peer speak for another's client", async () => {
    const store = new MemoryStore();
    const registry = rooms(store);
    const a = new RecordingPeer();
    const b = new RecordingPeer();
    const room: Room = await registry.enter(DOC, a);
    await registry.enter(DOC, b);
    const clientDoc = new Y.Doc();
    const awareness = new Awareness(clientDoc);
    awareness.setLocalStateField('user', { name: 'SENCO A' });
    const update = encodeAwarenessUpdate(awareness, [clientDoc.clientID]);
    room.applyAwareness(update, [clientDoc.clientID], a);
    // A second change in the same turn goes out in the same relay, as its latest state.
    awareness.setLocalStateField('user', { name: 'SENCO A', typing: true });
    room.applyAwareness(encodeAwarenessUpdate(awareness, [clientDoc.clientID]), [clientDoc.clientID], a);
    expect(kinds(b)).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(kinds(a)).toEqual(['awareness']);
    expect(kinds(b)).toEqual(['awareness']);
    const seen = new Awareness(new Y.Doc());
    const relayed = decoding.createDecoder(b.sent[0] as Uint8Array);
    decoding.readVarUint(relayed);
    applyAwarenessUpdate(seen, decoding.readVarUint8Array(relayed), null);
    expect(seen.getStates().get(clientDoc.clientID)).toEqual({ user: { name: 'SENCO A', typing: true } });
    seen.destroy();

    // b claims a's client: ignored.
    awareness.setLocalState(null);
    room.applyAwareness(encodeAwarenessUpdate(awareness, [clientDoc.clientID]), [clientDoc.clientID], b);
    expect(room.awareness.getStates().get(clientDoc.clientID)).toEqual({ user: { name: 'SENCO A', typing: true } });

    // a leaves: its caret goes with it, and b is told.
    registry.leave(DOC, a);
    expect(room.awareness.getStates().has(clientDoc.clientID)).toBe(false);
    await new Promise((resolve) => setImmediate(resolve));
    expect(kinds(b)).toEqual(['awareness', 'awareness']);
    awareness.destroy();
    registry.close();
  });
});
