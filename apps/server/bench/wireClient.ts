/**
 * A lean WebSocket client for the load generator: the opening handshake, masked binary frames out, and frames in
 * read straight off the TCP stream (pings answered, fragments joined, a close answered). The `ws` client's stream
 * machinery cost the generator as much CPU as the server it measured once 4,000 sockets shared this machine's two
 * cores, and its delays counted as the server's fan-out; this one does the same work on the wire with less. The
 * same client drives every server the benchmarks compare.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { Socket } from 'node:net';

const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;

/** Emits 'open', 'message' (Buffer), 'close' and 'error', as the `ws` client does. */
export class WireClient extends EventEmitter {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 3;
  readyState = WireClient.CONNECTING;
  private socket: Socket | null = null;
  private pending: Buffer | null = null;
  private fragments: Buffer[] = [];

  constructor(url: string) {
    super();
    const address = new URL(url);
    const request = http.request({
      host: address.hostname,
      port: address.port,
      path: address.pathname + address.search,
      agent: false,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        'Sec-WebSocket-Version': '13',
      },
    });
    request.on('upgrade', (_response, socket: Socket, head: Buffer) => {
      this.socket = socket;
      socket.setNoDelay(true);
      this.readyState = WireClient.OPEN;
      socket.on('data', (chunk: Buffer) => this.read(chunk));
      socket.on('close', () => this.closed());
      socket.on('error', (error) => this.emit('error', error));
      this.emit('open');
      if (head.length > 0) this.read(head);
    });
    request.on('response', (response) => {
      response.resume();
      this.emit('error', new Error(`the server answered ${response.statusCode} instead of switching protocols`));
      this.closed();
    });
    request.on('error', (error) => {
      this.emit('error', error);
      this.closed();
    });
    request.end();
  }

  /** Sends one binary message as a single masked frame. */
  send(data: Uint8Array): void {
    this.frame(OP_BINARY, data);
  }

  /** Drops the connection at once (no closing handshake). */
  terminate(): void {
    this.socket?.destroy();
    this.closed();
  }

  private closed(): void {
    if (this.readyState === WireClient.CLOSED) return;
    this.readyState = WireClient.CLOSED;
    this.emit('close');
  }

  private frame(opcode: number, payload: Uint8Array): void {
    const socket = this.socket;
    if (!socket || this.readyState !== WireClient.OPEN) return;
    const length = payload.length;
    const lengthBytes = length < 126 ? 0 : length < 65_536 ? 2 : 8;
    const frame = Buffer.allocUnsafe(2 + lengthBytes + 4 + length);
    frame[0] = 0x80 | opcode;
    if (lengthBytes === 0) frame[1] = 0x80 | length;
    else if (lengthBytes === 2) {
      frame[1] = 0x80 | 126;
      frame.writeUInt16BE(length, 2);
    } else {
      frame[1] = 0x80 | 127;
      frame.writeBigUInt64BE(BigInt(length), 2);
    }
    const maskAt = 2 + lengthBytes;
    randomBytes(4).copy(frame, maskAt);
    const dataAt = maskAt + 4;
    for (let i = 0; i < length; i++) frame[dataAt + i] = (payload[i] as number) ^ (frame[maskAt + (i & 3)] as number);
    socket.write(frame);
  }

  /** Reads every whole frame in what has arrived; keeps a partial one for the next chunk. */
  private read(chunk: Buffer): void {
    let data = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = null;
    while (data.length >= 2) {
      const first = data[0] as number;
      const second = data[1] as number;
      let length = second & 0x7f;
      let at = 2;
      if (length === 126) {
        if (data.length < 4) break;
        length = data.readUInt16BE(2);
        at = 4;
      } else if (length === 127) {
        if (data.length < 10) break;
        length = Number(data.readBigUInt64BE(2));
        at = 10;
      }
      // A server's frames are never masked; a masked one is a broken server, and the client leaves.
      if (second & 0x80) {
        this.terminate();
        return;
      }
      if (data.length < at + length) break;
      const payload = data.subarray(at, at + length);
      data = data.subarray(at + length);
      this.take(first & 0x80, first & 0x0f, payload);
      if (this.readyState === WireClient.CLOSED) return;
    }
    if (data.length > 0) this.pending = Buffer.from(data);
  }

  private take(fin: number, opcode: number, payload: Buffer): void {
    if (opcode === OP_PING) {
      this.frame(OP_PONG, payload);
      return;
    }
    if (opcode === OP_CLOSE) {
      this.frame(OP_CLOSE, payload.subarray(0, 2));
      this.socket?.end();
      this.closed();
      return;
    }
    if (opcode !== OP_BINARY && opcode !== OP_TEXT && opcode !== OP_CONTINUATION) return;
    if (!fin) {
      this.fragments.push(Buffer.from(payload));
      return;
    }
    if (this.fragments.length === 0) {
      this.emit('message', payload);
      return;
    }
    const whole = Buffer.concat([...this.fragments, payload]);
    this.fragments = [];
    this.emit('message', whole);
  }
}
