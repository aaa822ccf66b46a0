import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { DecodedUpdate } from './checkUpdate.js';

/**
 * The y-websocket wire format, as the stock `WebsocketProvider` speaks it: a varuint message type
 * (0 sync, 1 awareness), then for sync a varuint sync step (0 step 1, 1 step 2, 2 update) and a
 * length-prefixed payload. Every incoming frame is decoded in full here before anything acts on it.
 */
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** An awareness update larger than this is not a caret and a name: it is refused. */
export const AWARENESS_MAX_BYTES = 64 * 1024;
/** A stock provider speaks for itself (and, asked, for the few peers it knows): far fewer than this. */
const AWARENESS_MAX_CLIENTS = 256;

export type NotesMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'syncStep2'; update: Uint8Array; decoded: DecodedUpdate }
  | { kind: 'update'; update: Uint8Array; decoded: DecodedUpdate }
  | { kind: 'awareness'; update: Uint8Array; clients: number[] };

/** A frame that is not a well-formed y-websocket message; the connection that sent it is closed. */
export class MalformedMessage extends Error {}

/** Decodes one incoming frame, checking every layer (varints, lengths, Yjs structs, awareness JSON). */
export function parseNotesMessage(data: Uint8Array): NotesMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const message = readMessage(decoder);
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
    return message;
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(error instanceof Error ? error.message : 'undecodable');
  }
}

function readMessage(decoder: decoding.Decoder): NotesMessage {
  const type = decoding.readVarUint(decoder);
  if (type === MESSAGE_AWARENESS) {
    const update = decoding.readVarUint8Array(decoder);
    return { kind: 'awareness', update, clients: readAwarenessClients(update) };
  }
  if (type !== MESSAGE_SYNC) throw new MalformedMessage(`unknown message type ${type}`);
  const step = decoding.readVarUint(decoder);
  const payload = decoding.readVarUint8Array(decoder);
  switch (step) {
    case SYNC_STEP_1:
      Y.decodeStateVector(payload);
      return { kind: 'syncStep1', stateVector: payload };
    // Decoded in full here (a broken one throws now, not half-way into the room's document); the room checks
    // the structs against its own state before applying anything.
    case SYNC_STEP_2:
      return { kind: 'syncStep2', update: payload, decoded: Y.decodeUpdate(payload) };
    case SYNC_UPDATE:
      return { kind: 'update', update: payload, decoded: Y.decodeUpdate(payload) };
    default:
      throw new MalformedMessage(`unknown sync step ${step}`);
  }
}

/**
 * Reads an awareness update to the end (y-protocols would otherwise apply half of a broken one before
 * throwing) and returns the client ids it speaks for.
 */
function readAwarenessClients(update: Uint8Array): number[] {
  if (update.byteLength > AWARENESS_MAX_BYTES) throw new MalformedMessage('awareness update too large');
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > AWARENESS_MAX_CLIENTS) throw new MalformedMessage('awareness update names too many clients');
  const clients: number[] = [];
  for (let i = 0; i < count; i++) {
    clients.push(decoding.readVarUint(decoder));
    decoding.readVarUint(decoder); // clock
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new MalformedMessage('awareness state is not an object');
    }
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes in awareness update');
  return clients;
}

const frame = (write: (encoder: encoding.Encoder) => void): Uint8Array => {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
};

/** Our sync step 1: the server's state vector, so the client sends what the server lacks. */
export const syncStep1Message = (doc: Y.Doc) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, SYNC_STEP_1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(doc));
  });

/** The answer to a client's sync step 1: everything the server has that the client lacks. */
export const syncStep2Message = (doc: Y.Doc, stateVector: Uint8Array) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, SYNC_STEP_2);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc, stateVector));
  });

/** A document update, relayed to the other connections of a room. */
export const updateMessage = (update: Uint8Array) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_SYNC);
    encoding.writeVarUint(encoder, SYNC_UPDATE);
    encoding.writeVarUint8Array(encoder, update);
  });

/** An awareness update (carets and names), never stored. */
export const awarenessMessage = (update: Uint8Array) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, update);
  });

/** y-websocket's auth message (type 2), "permission denied" (0) with a reason: a stock provider logs it. */
const MESSAGE_AUTH = 2;
const PERMISSION_DENIED = 0;

/** Tells a writable connection its notes are over the cap and read-only until the EP clears a stage. */
export const notesFullMessage = (reason: string) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MESSAGE_AUTH);
    encoding.writeVarUint(encoder, PERMISSION_DENIED);
    encoding.writeVarString(encoder, reason);
  });

/** An awareness update about nobody: keeps the stock provider's 30-second silence watchdog fed. */
export const EMPTY_AWARENESS = awarenessMessage(new Uint8Array([0]));
