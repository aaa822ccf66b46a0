import { describe, expect, it } from 'vitest';
import { type QuotaSocket, SocketQuota } from './socketQuota.js';

/** A socket as the quota sees it: connected yet or not, over an engine connection open or not. */
function socket(state: { connected?: boolean; readyState?: string } = {}) {
  return { connected: state.connected ?? false, conn: { readyState: state.readyState ?? 'open' } } as {
    connected: boolean;
    conn: { readyState: string };
  } & QuotaSocket;
}

describe('SocketQuota', () => {
  it('holds a person to the limit, counting sockets still connecting, and frees a place on release', () => {
    const quota = new SocketQuota();
    const [a, b, c] = [socket(), socket({ connected: true }), socket()];
    expect(quota.take('p1', a, 2)).toBe(true);
    expect(quota.take('p1', b, 2)).toBe(true);
    expect(quota.take('p1', c, 2)).toBe(false);
    expect(quota.take('p2', c, 2)).toBe(true);
    quota.release('p1', a);
    expect(quota.take('p1', c, 2)).toBe(true);
    expect(quota.socketsOf('p1')).toEqual([b, c]);
  });

  it('gives back the place of a socket whose client went before it finished connecting', () => {
    const quota = new SocketQuota();
    const gone = socket();
    expect(quota.take('p1', gone, 1)).toBe(true);
    gone.conn.readyState = 'closed';
    expect(quota.take('p1', socket(), 1)).toBe(true);
    expect(quota.socketsOf('p1')).not.toContain(gone);
  });
});
