import { notesDocName } from '@consultboard/domain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from './helpers/http.js';
import { NotesClient, notesToken } from './helpers/notes.js';
import { createTestDatabase, databaseUrl } from './helpers/postgres.js';
import { TestRedis } from './helpers/redis.js';
import { connect, MeetingClient } from './helpers/sockets.js';
import { startTestServer, tempDataDir } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 14, item 3: each live session is run by one node at a time, the one holding its advisory lock in
 * PostgreSQL. Two real nodes on one PostgreSQL database (always PostgreSQL here, whatever TEST_STORE says).
 */
type Node = Awaited<ReturnType<typeof startTestServer>>;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let a: Node;
let b: Node;
let world: World;
const open: { close(): void }[] = [];

/** A node on the shared database (its data folder holds nothing but what SQLite would). */
const node = () => startTestServer(tempDataDir(), { databaseUrl: database.url });

beforeAll(async () => {
  database = await createTestDatabase();
  a = await node();
  b = await node();
  world = await buildWorld(a.url);
}, 60_000);
afterAll(async () => {
  for (const client of open) client.close();
  await Promise.all([a?.close(), b?.close()]);
  await database?.drop();
});

/** The same signed-in person, talking to another node. */
function on(target: Node, browser: Browser): Browser {
  const there = new Browser(target.url);
  there.cookie = browser.cookie;
  return there;
}

async function consoleOn(target: Node, sessionId: string): Promise<MeetingClient> {
  const client = await connect(target.url, { sessionId, role: 'facilitator' }, { cookie: world.north.ep.cookie });
  open.push(client);
  return client;
}

/** What the node answers to a console of the session: its welcome, or the code it refused with. */
async function tryConsole(target: Node, sessionId: string): Promise<string> {
  const client = new MeetingClient(target.url, { sessionId, role: 'facilitator' }, { cookie: world.north.ep.cookie });
  open.push(client);
  try {
    await client.ready();
    return 'welcomed';
  } catch (error) {
    return (error as { data?: { code: string } }).data?.code ?? String(error);
  } finally {
    client.close();
  }
}

describe('one node runs each live session', () => {
  it('refuses on the other node the sockets, notes and writes of a session one node runs, and reads it afresh', async () => {
    const session = await buildSession(world, { cases: ['J5M'] });
    const caseId = session.cases[0]?.id as string;
    const facilitator = await consoleOn(a, session.id);

    // Node B neither serves the session's sockets nor its notes: the client is told to come back.
    expect(await tryConsole(b, session.id)).toBe('session_elsewhere');
    const token = await notesToken(on(b, world.north.ep), session.id, 'facilitator');
    const notes = new NotesClient(b.url, notesDocName(caseId), token);
    open.push({ close: () => notes.destroy() });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(notes.synced).toBe(false);
    notes.destroy();
    // Nor does it write to the session: the SENCO's plan saved through B while A runs the meeting is refused whole.
    const put = await on(b, world.north.senco).put(`/api/cases/${caseId}/plan`, { version: 0, rows: [] });
    expect(put.json.error?.code, JSON.stringify(put.json)).toBe('session_elsewhere');
    expect(put.status).toBe(503);

    // B still answers what it reads, from the log as it is: the room A locked is locked for a join on B.
    expect((await facilitator.send({ type: 'room.lock', locked: true })).ok).toBe(true);
    const join = await new Browser(b.url).post('/api/join', { code: session.joinCode, name: 'SENCO B' });
    expect(join.status).toBe(403);
    expect(join.json.error.code).toBe('room_locked');
    expect((await facilitator.send({ type: 'room.lock', locked: false })).ok).toBe(true);
    const joined = await new Browser(b.url).post('/api/join', { code: session.joinCode, name: 'SENCO B' });
    expect(joined.status).toBe(200);
    expect(joined.json.meeting.locked).toBe(false);
  });

  it('hands the session to the other node once the first lets it go, which carries on from the log', async () => {
    const session = await buildSession(world, { cases: ['J5M'] });
    const first = await consoleOn(a, session.id);
    expect((await first.send({ type: 'stage.next' })).ok).toBe(true);
    first.close();
    // Unused on A for two sweeps (5 s each), the session is released; B then takes it.
    const deadline = Date.now() + 20_000;
    let answer = await tryConsole(b, session.id);
    while (answer === 'session_elsewhere' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      answer = await tryConsole(b, session.id);
    }
    expect(answer).toBe('welcomed');
    const second = await consoleOn(b, session.id);
    expect(second.state.stageIndex).toBe(1);
    expect((await second.send({ type: 'stage.next' })).ok).toBe(true);
    expect(second.state.stageIndex).toBe(2);
    // And now A is the other node.
    expect(await tryConsole(a, session.id)).toBe('session_elsewhere');
  }, 40_000);

  it("drops a node's sessions the moment its database connection goes, so another node may run them", async () => {
    const session = await buildSession(world, { cases: ['J5M'] });
    const held = await consoleOn(a, session.id);
    const gone = new Promise<string>((resolve) => held.socket.once('disconnect', (reason) => resolve(reason)));
    // PostgreSQL ends A's connection (as it does when a node's machine or network fails): its locks go with it.
    const admin = new pg.Client({ connectionString: databaseUrl('postgres', database.url) });
    await admin.connect();
    try {
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database =
           (SELECT oid FROM pg_database WHERE datname = $1)`,
        [database.name],
      );
    } finally {
      await admin.end();
    }
    expect(await gone).toBe('io server disconnect');
    const taken = await consoleOn(b, session.id);
    expect((await taken.send({ type: 'stage.next' })).ok).toBe(true);
  }, 30_000);
});

describe('a session asked for by the node its clients now come to', () => {
  it('is handed over: its clients leave the node that ran it and are welcomed where they now come', async () => {
    const redis = await TestRedis.start();
    const clusterName = `own-${process.pid}-${Date.now().toString(36)}`;
    const joined = () =>
      startTestServer(tempDataDir(), { databaseUrl: database.url, redisUrl: redis.url, clusterName });
    const c = await joined();
    const d = await joined();
    try {
      // Started on C, which runs it from then on.
      const northOnC = { ...world.north, ep: on(c, world.north.ep), senco: on(c, world.north.senco) };
      const session = await buildSession({ ...world, north: northOnC }, { cases: ['J5M'] });
      const onC = await consoleOn(c, session.id);
      expect((await onC.send({ type: 'stage.next' })).ok).toBe(true);
      const left = new Promise<string>((resolve) => onC.socket.once('disconnect', (reason) => resolve(reason)));
      // A client of the session comes to D (as the balancer sends it once C's node is back up): D asks C for it.
      expect(await tryConsole(d, session.id)).toBe('session_elsewhere');
      expect(await left).toBe('io server disconnect');
      const deadline = Date.now() + 10_000;
      let answer = await tryConsole(d, session.id);
      while (answer !== 'welcomed' && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        answer = await tryConsole(d, session.id);
      }
      expect(answer).toBe('welcomed');
      const onD = await consoleOn(d, session.id);
      expect(onD.state.stageIndex).toBe(1);
      expect((await onD.send({ type: 'stage.next' })).ok).toBe(true);
    } finally {
      await Promise.all([c.close(), d.close()]);
      await redis.down();
    }
  }, 40_000);
});
