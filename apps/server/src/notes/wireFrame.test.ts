import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import * as wsModule from 'ws';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame, frameWriter } from './wireFrame.js';

/** ws's own frame builder (exported at run time, missing from its types). */
const { Sender } = wsModule as unknown as {
  Sender: { frame(data: Buffer, options: Record<string, unknown>): Buffer[] };
};

const payload = (length: number) => Uint8Array.from({ length }, (_, i) => (i * 7 + 3) & 255);

describe('frames built once for every receiver', () => {
  const servers: WebSocketServer[] = [];
  afterEach(async () => {
    for (const server of servers.splice(0)) {
      for (const client of server.clients) client.terminate();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('are the bytes ws itself writes for a binary message, at every length encoding', () => {
    for (const length of [0, 1, 125, 126, 127, 65_535, 65_536, 200_000]) {
      const data = payload(length);
      const theirs = Buffer.concat(
        Sender.frame(Buffer.from(data), { fin: true, mask: false, opcode: 2, readOnly: true, rsv1: false }),
      );
      expect(binaryFrame(data).equals(theirs), `length ${length}`).toBe(true);
    }
  });

  it('reach a real client whole, in order, and only for a socket without permessage-deflate', async () => {
    for (const perMessageDeflate of [false, true]) {
      const server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate });
      servers.push(server);
      await once(server, 'listening');
      const port = (server.address() as AddressInfo).port;
      const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate });
      const [[socket]] = (await Promise.all([once(server, 'connection'), once(client, 'open')])) as [
        [WebSocket],
        unknown,
      ];
      const write = frameWriter(socket);
      if (perMessageDeflate) {
        expect(write).toBeNull();
        client.terminate();
        continue;
      }
      expect(write).not.toBeNull();
      const received: Buffer[] = [];
      client.on('message', (data: Buffer, isBinary: boolean) => {
        expect(isBinary).toBe(true);
        received.push(data);
      });
      const shared = payload(300);
      const messages = [payload(5), shared, payload(70_000), shared];
      for (const message of messages) write?.(message);
      await new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (received.length === messages.length) resolve(clearInterval(check));
        }, 5);
      });
      expect(received.map((data) => Buffer.from(data).toString('hex'))).toEqual(
        messages.map((message) => Buffer.from(message).toString('hex')),
      );
      client.terminate();
    }
  });

  it('refuse what is not a ws socket', () => {
    expect(frameWriter({ send() {} })).toBeNull();
  });
});
