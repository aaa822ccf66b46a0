import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from './helpers/testServer.js';

/** Issue 14: with NODE_NAME, every HTTP answer of the node names it, for an operator reading the balancer. */
let named: Awaited<ReturnType<typeof startTestServer>>;
let unnamed: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  named = await startTestServer(undefined, { nodeName: 'node-a' });
  unnamed = await startTestServer();
});
afterAll(async () => {
  await Promise.all([named?.close(), unnamed?.close()]);
});

const nodeOf = async (url: string) => {
  const response = await fetch(url);
  await response.arrayBuffer();
  return { status: response.status, node: response.headers.get('x-consultboard-node') };
};

describe('X-Consultboard-Node', () => {
  it('is on the API, its errors, the pages and the meeting socket’s long-polling', async () => {
    expect(await nodeOf(`${named.url}/api/health`)).toEqual({ status: 200, node: 'node-a' });
    expect(await nodeOf(`${named.url}/api/no-such-route`)).toEqual({ status: 404, node: 'node-a' });
    expect(await nodeOf(`${named.url}/api/sessions`)).toEqual({ status: 401, node: 'node-a' });
    expect(await nodeOf(`${named.url}/`)).toEqual({ status: 200, node: 'node-a' });
    expect(await nodeOf(`${named.url}/socket.io/?EIO=4&transport=polling`)).toEqual({ status: 200, node: 'node-a' });
  });

  it('is absent without NODE_NAME', async () => {
    expect(await nodeOf(`${unnamed.url}/api/health`)).toEqual({ status: 200, node: null });
    expect(await nodeOf(`${unnamed.url}/socket.io/?EIO=4&transport=polling`)).toEqual({ status: 200, node: null });
  });
});
