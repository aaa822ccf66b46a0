import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { AWARENESS_MAX_BYTES, MalformedMessage, parseNotesMessage } from './notesProtocol.js';

function message(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

function docWithNotes(): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment('stage:current-situation').push([new Y.XmlText('SENCO A: reading is a strength')]);
  return doc;
}

const awarenessFrame = (update: Uint8Array) =>
  message((e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, update);
  });

/** An awareness update by hand: [clientId, clock, JSON] entries. */
function awarenessUpdate(entries: [number, number, string][]): Uint8Array {
  return message((e) => {
    encoding.writeVarUint(e, entries.length);
    for (const [client, clock, json] of entries) {
      encoding.writeVarUint(e, client);
      encoding.writeVarUint(e, clock);
      encoding.writeVarString(e, json);
    }
  });
}

describe('parseNotesMessage', () => {
  it('reads the three sync messages exactly as y-protocols writes them', () => {
    const doc = docWithNotes();
    const step1 = parseNotesMessage(
      message((e) => {
        encoding.writeVarUint(e, 0);
        syncProtocol.writeSyncStep1(e, doc);
      }),
    );
    expect(step1).toEqual({ kind: 'syncStep1', stateVector: Y.encodeStateVector(doc) });
    const step2 = parseNotesMessage(
      message((e) => {
        encoding.writeVarUint(e, 0);
        syncProtocol.writeSyncStep2(e, doc);
      }),
    );
    expect(step2.kind).toBe('syncStep2');
    const update = parseNotesMessage(
      message((e) => {
        encoding.writeVarUint(e, 0);
        syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
      }),
    );
    expect(update).toMatchObject({ kind: 'update', update: Y.encodeStateAsUpdate(doc) });
    // Decoded once, here: the room checks the structs without decoding them again.
    expect(update.kind === 'update' && update.decoded.structs.length).toBeGreaterThan(0);
  });

  it('reads an awareness update and names the clients it speaks for', () => {
    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    awareness.setLocalStateField('user', { name: 'SENCO A' });
    const parsed = parseNotesMessage(awarenessFrame(encodeAwarenessUpdate(awareness, [doc.clientID])));
    expect(parsed).toMatchObject({ kind: 'awareness', clients: [doc.clientID] });
    awareness.destroy();
    // A client leaving says so with a null state.
    expect(parseNotesMessage(awarenessFrame(awarenessUpdate([[7, 3, 'null']])))).toMatchObject({ clients: [7] });
  });

  const bad: [string, Uint8Array][] = [
    ['an empty frame', new Uint8Array([])],
    ['a varint that never ends', new Uint8Array([0xff, 0xff, 0xff, 0xff])],
    ['a varint past the safe integers', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])],
    ['an auth message', new Uint8Array([2, 0, 0])],
    ['an awareness query', new Uint8Array([3])],
    ['an unknown message type', new Uint8Array([42, 0])],
    ['an unknown sync step', new Uint8Array([0, 3, 0])],
    ['a sync step 1 without its state vector', new Uint8Array([0, 0])],
    ['a state vector cut short', new Uint8Array([0, 0, 2, 1, 5])],
    ['a length past the end', new Uint8Array([0, 2, 50, 0, 0])],
    ['an update whose delete set stops short', new Uint8Array([0, 2, 2, 0, 1])],
    ['a trailing byte', new Uint8Array([0, 0, 1, 0, 9])],
    ['an awareness update that is not JSON', awarenessFrame(awarenessUpdate([[1, 1, '{name:']]))],
    ['an awareness state that is a list', awarenessFrame(awarenessUpdate([[1, 1, '[1,2]']]))],
    ['an awareness state that is a number', awarenessFrame(awarenessUpdate([[1, 1, '42']]))],
    ['an awareness update with fewer entries than it says', awarenessFrame(new Uint8Array([2, 1, 1, 2, 123, 125]))],
    ['an awareness update with bytes after it', awarenessFrame(new Uint8Array([1, 1, 1, 2, 123, 125, 0]))],
    [
      'an awareness update that names a crowd',
      awarenessFrame(
        awarenessUpdate(Array.from({ length: 300 }, (_, i) => [i + 1, 1, '{}'] as [number, number, string])),
      ),
    ],
    [
      'an awareness update too large to be a caret',
      awarenessFrame(awarenessUpdate([[1, 1, JSON.stringify({ name: 'x'.repeat(AWARENESS_MAX_BYTES) })]])),
    ],
  ];

  it.each(bad)('refuses %s', (_name, data) => {
    expect(() => parseNotesMessage(data)).toThrow(MalformedMessage);
  });

  it('refuses every truncation of a valid update', () => {
    const doc = docWithNotes();
    const full = message((e) => {
      encoding.writeVarUint(e, 0);
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(doc));
    });
    expect(() => parseNotesMessage(full)).not.toThrow();
    for (let length = 0; length < full.length; length++) {
      expect(() => parseNotesMessage(full.slice(0, length)), `cut at ${length}`).toThrow(MalformedMessage);
    }
  });
});
