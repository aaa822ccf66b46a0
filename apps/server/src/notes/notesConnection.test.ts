import { NOTES_CLOSE, NOTES_LIMITS } from '@consultboard/domain';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { NotesIdentity } from './notesAuth.js';
import { NotesConnection } from './notesConnection.js';
import { connectionBudgets } from './notesHolders.js';
import { EMPTY_AWARENESS } from './notesProtocol.js';
import { Rooms } from './rooms.js';
import { FakeSocket, MemoryStore, notesText, paragraphUpdate } from './testing.js';

const DOC = 'case:c-1';
const UNINTEGRABLE = new Uint8Array([
  1, 4, 1, 0, 4, 1, 1, 116, 3, 97, 98, 48, 68, 1, 0, 3, 97, 98, 49, 68, 1, 3, 1, 97, 193, 1, 97, 1, 3, 2, 1, 1, 1, 7, 2,
]);

function identity(overrides: Partial<NotesIdentity> = {}): NotesIdentity {
  return {
    docName: DOC,
    caseId: 'c-1',
    sessionId: 's-1',
    role: 'participant',
    personId: 'p-1',
    writable: true,
    ...overrides,
  };
}

function setUp() {
  const store = new MemoryStore();
  const rooms = new Rooms({ store, documentBytes: 1 << 20, compactAfterUpdates: 500, idleRoomMs: 1000 });
  const connect = (overrides: Partial<NotesIdentity> = {}) => {
    const socket = new FakeSocket();
    const connection = new NotesConnection(socket, identity(overrides), rooms, connectionBudgets(NOTES_LIMITS));
    return { socket, connection };
  };
  return { store, rooms, connect };
}

const syncFrame = (write: (encoder: encoding.Encoder) => void) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
};
const updateFrame = (update: Uint8Array) => syncFrame((e) => syncProtocol.writeUpdate(e, update));
const step1Frame = (doc: Y.Doc) => syncFrame((e) => syncProtocol.writeSyncStep1(e, doc));
const awarenessFrame = (update: Uint8Array) => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
};

/** Applies what the server sent to a client document, the way the stock provider reads it. */
function applyToClient(doc: Y.Doc, frames: Uint8Array[]): string[] {
  const seen: string[] = [];
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) !== 0) {
      seen.push('awareness');
      continue;
    }
    const type = syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'server');
    seen.push(['step1', 'step2', 'update'][type] ?? '?');
  }
  return seen;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('NotesConnection', () => {
  it('buffers what a client sends while its room loads, then answers and applies it in order', async () => {
    const { store, rooms, connect } = setUp();
    store.hold();
    const client = new Y.Doc();
    const { socket } = connect();
    socket.receive(step1Frame(client));
    socket.receive(updateFrame(paragraphUpdate(client, 'Sent before the room loaded')));
    socket.receive(updateFrame(paragraphUpdate(client, 'And another')));
    await tick();
    expect(socket.sent).toHaveLength(0);
    expect(store.appends).toBe(0);

    store.gate?.release();
    await tick();
    rooms.commits.flush();
    // Our step 1 first, then the answer to the client's step 1.
    expect(applyToClient(new Y.Doc(), socket.sent)).toEqual(['step1', 'step2']);
    // Both updates in one group commit.
    expect(store.appends).toBe(1);
    expect(store.transactions).toBe(1);
    expect(notesText(store.stored(DOC))).toBe(
      '<paragraph>Sent before the room loaded</paragraph><paragraph>And another</paragraph>',
    );
    expect(socket.closedWith).toBeNull();
  });

  it('closes a client with 4503 when its room cannot load', async () => {
    const { store, connect } = setUp();
    store.hold();
    const { socket } = connect();
    socket.receive(updateFrame(paragraphUpdate(new Y.Doc(), 'Never stored')));
    store.gate?.fail(new Error('unreadable'));
    await tick();
    expect(socket.closedWith?.code).toBe(NOTES_CLOSE.unavailable.code);
    expect(store.appends).toBe(0);
  });

  it('relays one client’s edit to the other and closes only the one that sends a malformed frame', async () => {
    const { rooms, connect } = setUp();
    const a = connect();
    const b = connect({ personId: 'p-2' });
    await tick();
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    applyToClient(docB, b.socket.sent.splice(0));
    a.socket.receive(updateFrame(paragraphUpdate(docA, 'From A')));
    expect(b.socket.sent).toHaveLength(0); // not before its commit
    rooms.commits.flush();
    applyToClient(docB, b.socket.sent.splice(0));
    expect(notesText(docB)).toBe('<paragraph>From A</paragraph>');

    a.socket.receive(new Uint8Array([0, 2, 40, 1]));
    expect(a.socket.closedWith?.code).toBe(NOTES_CLOSE.malformed.code);
    expect(b.socket.closedWith).toBeNull();
    b.socket.receive(updateFrame(paragraphUpdate(docB, 'From B')));
    expect(b.socket.closedWith).toBeNull();
  });

  it('closes with 4400 on a text frame, and with 4422 on an update Yjs would throw on half-way', async () => {
    const { connect } = setUp();
    const text = connect();
    await tick();
    text.socket.emit('message', Buffer.from('{"hello":1}'), false);
    expect(text.socket.closedWith?.code).toBe(NOTES_CLOSE.malformed.code);

    // Found by fuzzing: Yjs decodes this update but throws while integrating it.
    const bad = connect({ personId: 'p-2' });
    await tick();
    expect(() => Y.decodeUpdate(UNINTEGRABLE)).not.toThrow();
    bad.socket.receive(updateFrame(UNINTEGRABLE));
    expect(bad.socket.closedWith?.code).toBe(NOTES_CLOSE.refused.code);
  });

  it('answers a read-only client, but drops its updates and its carets', async () => {
    const { store, connect } = setUp();
    const projector = connect({ role: 'projector', writable: false });
    const phone = connect({ personId: 'p-2' });
    await tick();
    const doc = new Y.Doc();
    projector.socket.sent.length = 0;
    phone.socket.sent.length = 0;
    projector.socket.receive(step1Frame(doc));
    projector.socket.receive(updateFrame(paragraphUpdate(doc, 'Typed on the projector')));
    projector.socket.receive(syncFrame((e) => syncProtocol.writeSyncStep2(e, doc)));
    const awareness = new Awareness(doc);
    projector.socket.receive(awarenessFrame(encodeAwarenessUpdate(awareness, [doc.clientID])));
    awareness.destroy();

    expect(applyToClient(new Y.Doc(), projector.socket.sent.slice(0, 1))).toEqual(['step2']);
    expect(projector.socket.sent.at(-1)).toEqual(EMPTY_AWARENESS);
    expect(projector.socket.closedWith).toBeNull();
    expect(phone.socket.sent).toHaveLength(0);
    expect(store.appends).toBe(0);
  });

  it('stops applying a connection’s edits once it is made read-only', async () => {
    const { store, rooms, connect } = setUp();
    const { socket, connection } = connect({ role: 'facilitator' });
    await tick();
    const doc = new Y.Doc();
    socket.receive(updateFrame(paragraphUpdate(doc, 'While live')));
    connection.makeReadOnly();
    socket.receive(updateFrame(paragraphUpdate(doc, 'After the end')));
    rooms.commits.flush();
    expect(notesText(store.stored(DOC))).toBe('<paragraph>While live</paragraph>');
  });

  it('closes with 4413 an update that would take the document past its cap', async () => {
    const store = new MemoryStore();
    const rooms = new Rooms({ store, documentBytes: 4000, compactAfterUpdates: 500, idleRoomMs: 1000 });
    const socket = new FakeSocket();
    new NotesConnection(socket, identity(), rooms, connectionBudgets(NOTES_LIMITS));
    await tick();
    const doc = new Y.Doc();
    socket.receive(updateFrame(paragraphUpdate(doc, 'x'.repeat(3000))));
    socket.receive(updateFrame(paragraphUpdate(doc, 'y'.repeat(3000))));
    expect(socket.closedWith?.code).toBe(NOTES_CLOSE.tooLarge.code);
    expect(notesText(store.stored(DOC))).not.toContain('y');
  });

  it('throttles a client’s carets and forwards the latest', async () => {
    const { rooms, connect } = setUp();
    const a = connect();
    const b = connect({ personId: 'p-2' });
    await tick();
    b.socket.sent.length = 0;
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    for (let i = 0; i < 40; i++) {
      awareness.setLocalStateField('cursor', i);
      a.socket.receive(awarenessFrame(encodeAwarenessUpdate(awareness, [doc.clientID])));
    }
    expect(b.socket.sent.length).toBeLessThanOrEqual(NOTES_LIMITS.awarenessPerSecond);
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(b.socket.sent.length).toBeLessThanOrEqual(NOTES_LIMITS.awarenessPerSecond + 3);
    expect(rooms.get(DOC)?.awareness.getStates().get(doc.clientID)).toEqual({ cursor: 39 });
    awareness.destroy();
  });
});
