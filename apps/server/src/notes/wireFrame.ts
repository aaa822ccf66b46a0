import { WebSocket } from 'ws';

/** The largest payload a frame here carries (the notes' messages are far smaller; ws refuses more anyway). */
const MAX_PAYLOAD = 2 ** 32 - 1;

/**
 * One unmasked, final, binary WebSocket frame (RFC 6455 §5.2) holding `payload`: header and payload in one buffer.
 * A server's frames are not masked, so the same bytes go to every receiver: a relay builds its frame once.
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  if (length > MAX_PAYLOAD) throw new RangeError('a frame this large is never sent');
  const head = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(head + length);
  frame[0] = 0x82; // FIN, opcode 2 (binary); no RSV bits: permessage-deflate is off on the notes socket
  if (length < 126) frame[1] = length;
  else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(0, 2);
    frame.writeUInt32BE(length, 6);
  }
  frame.set(payload, head);
  return frame;
}

/** The frames already built, by message: a relayed message is one object for all its receivers. */
const built = new WeakMap<Uint8Array, Buffer>();

function frameOf(message: Uint8Array): Buffer {
  let frame = built.get(message);
  if (!frame) {
    frame = binaryFrame(message);
    built.set(message, frame);
  }
  return frame;
}

type Sender = { sendFrame(list: Buffer[], cb?: (error?: Error) => void): void };

/**
 * A writer of ready-made frames for a `ws` server socket with no extension (permessage-deflate off), through its
 * sender's `sendFrame` (one socket write of the frame built once for every receiver, where `send` would build a
 * header and write header and payload per receiver); null for anything else, which then takes `send`.
 */
export function frameWriter(socket: unknown): ((message: Uint8Array) => void) | null {
  if (!(socket instanceof WebSocket) || socket.extensions !== '') return null;
  const sender = (socket as unknown as { _sender?: Partial<Sender> })._sender;
  if (typeof sender?.sendFrame !== 'function') return null;
  const send = sender.sendFrame.bind(sender);
  return (message) => send([frameOf(message)]);
}
