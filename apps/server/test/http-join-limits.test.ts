import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from './helpers/http.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

// Issue 8, item 6: successful joins were not limited at all (300 in 1.1 s). A room of 15 with its reconnects must
// join; a burst of hundreds must not fill a meeting. The server trusts one proxy here so tests can be many addresses.

let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;

beforeAll(async () => {
  server = await startTestServer(undefined, { trustProxy: { hops: 1 } });
  world = await buildWorld(server.url);
});
afterAll(async () => {
  await server.close();
});

const join = (code: string, name: string, address: string) =>
  new Browser(server.url).post('/api/join', { code, name }, { 'x-forwarded-for': address });

function participantsOnDisk(sessionId: string): number {
  const db = openTestStore(server.dataDir).db;
  try {
    const row = db.prepare('SELECT count(*) AS n FROM participants WHERE session_id = ?').get(sessionId) as {
      n: number;
    };
    return row.n;
  } finally {
    db.close();
  }
}

async function burst(code: string, addressOf: (i: number) => string) {
  const results = await Promise.all(Array.from({ length: 300 }, (_, i) => join(code, `SENCO ${i}`, addressOf(i))));
  return {
    joined: results.filter((result) => result.status === 200).length,
    refused: results.filter((result) => result.status === 429),
    other: results.filter((result) => result.status !== 200 && result.status !== 429),
  };
}

describe('joining a session', () => {
  // Item 6 of issue 9: a wrongly typed code says what is wrong; a well-formed code that is not live says so.
  it('says which characters codes never use, and reads full-width look-alikes as their letters', async () => {
    const wrong = await join('GF7JT5', 'SENCO A', '198.51.100.90');
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toMatchObject({
      code: 'invalid_join_code',
      message: 'Join codes never use 0, 1, 2, 5, 8, B, I, L, O, S or Z. You typed 5.',
    });
    const notLive = await join('QQQQQQ', 'SENCO A', '198.51.100.90');
    expect(notLive.status).toBe(404);
    expect(notLive.json.error.message).toBe('That join code is not for a live session. Check it on the board.');
    const session = await buildSession(world);
    const fullWidth = [...(session.joinCode as string)]
      .map((character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0))
      .join('');
    const joined = await join(fullWidth, 'SENCO B', '198.51.100.91');
    expect(joined.status).toBe(200);
    expect(joined.json.sessionId).toBe(session.id);
  });

  it('lets a room of 15 on one school network join, and rejoin after reloading', async () => {
    const session = await buildSession(world);
    const code = session.joinCode as string;
    for (let i = 0; i < 15; i++) expect((await join(code, `SENCO ${i}`, '198.51.100.10')).status).toBe(200);
    for (let i = 0; i < 10; i++) expect((await join(code, `SENCO ${i}`, '198.51.100.10')).status).toBe(200);
    expect(participantsOnDisk(session.id)).toBe(25);
  });

  it('refuses most of 300 joins in a burst from one address, saying to wait', async () => {
    const session = await buildSession(world);
    const { joined, refused, other } = await burst(session.joinCode as string, () => '198.51.100.66');
    expect(other).toEqual([]);
    // 30 at once, and one more each two seconds the burst takes.
    expect(joined).toBeGreaterThanOrEqual(30);
    expect(joined).toBeLessThanOrEqual(35);
    expect(refused.length).toBe(300 - joined);
    expect(refused[0]?.json.error).toMatchObject({
      code: 'rate_limited',
      message: 'Too many people joined from this network just now. Wait a moment and try again.',
    });
    expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(participantsOnDisk(session.id)).toBe(joined);
  });

  it('refuses most of 300 joins in a burst with one code from 300 addresses', async () => {
    const session = await buildSession(world);
    const { joined, refused, other } = await burst(session.joinCode as string, (i) => `203.0.${i >> 8}.${i & 255}`);
    expect(other).toEqual([]);
    // 60 at once, and one more each second the burst takes.
    expect(joined).toBeGreaterThanOrEqual(60);
    expect(joined).toBeLessThanOrEqual(65);
    expect(refused[0]?.json.error).toMatchObject({
      code: 'rate_limited',
      message: 'Too many people joined with this code just now. Wait a moment and try again.',
    });
    expect(Number(refused[0]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(participantsOnDisk(session.id)).toBe(joined);
    // Another session's room is not held back by this one's flood.
    const elsewhere = await buildSession(world);
    expect((await join(elsewhere.joinCode as string, 'SENCO A', '198.51.100.11')).status).toBe(200);
  });
});
