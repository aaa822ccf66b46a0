import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOTES_CLOSE, notesDocName } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from './helpers/http.js';
import { type NotesClient, notesToken, openNotes, waitFor } from './helpers/notes.js';
import { TestRedis } from './helpers/redis.js';
import { freePort } from './helpers/serverProcess.js';
import { connect, type MeetingClient } from './helpers/sockets.js';
import { startTestServer, tempDataDir } from './helpers/testServer.js';
import { accept, buildSession, buildWorld, invite, type World } from './helpers/world.js';

/**
 * Issue 14: several nodes joined through Redis. The nodes here share one SQLite file (one machine's stand-in for
 * the shared database): what is under test is what crosses between nodes, which only Redis carries. SQLite's alone:
 * on SQLite every node may serve a session, so one account can hold connections of one session on two nodes, which
 * is what a deactivation must reach; on PostgreSQL one node runs each session (cluster-ownership.pg.test.ts).
 */
type Node = Awaited<ReturnType<typeof startTestServer>>;

let redis: TestRedis;
let dataDir: string;
let a: Node;
let b: Node;
/** A node of the same service that did not join the cluster: what nothing reaches. */
let alone: Node;
let world: World;
const clusterName = `test-${process.pid}-${Date.now().toString(36)}`;

beforeAll(async () => {
  redis = await TestRedis.start();
  dataDir = tempDataDir();
  a = await startTestServer(dataDir, { redisUrl: redis.url, clusterName });
  world = await buildWorld(a.url);
  b = await startTestServer(dataDir, { redisUrl: redis.url, clusterName });
  alone = await startTestServer(dataDir);
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.close(), b?.close(), alone?.close()]);
  await redis?.down();
});

/** The same signed-in person, talking to another node (the sign-in is in the shared database). */
function on(node: Node, browser: Browser): Browser {
  const there = new Browser(node.url);
  there.cookie = browser.cookie;
  return there;
}

let people = 0;
/** A fresh EP of the north locality, signed in, with a live session of their own. */
async function freshEp() {
  people += 1;
  const invited = await invite(world.admin, {
    role: 'ep',
    name: `EP Cluster ${people}`,
    email: `ep.cluster${people}@eps.example`,
    localityIds: [world.north.locality.id],
  });
  const ep = await accept(a.url, invited.token);
  const session = await buildSession({ ...world, north: { ...world.north, ep } }, { cases: ['J5M'] });
  return { ep, userId: invited.person.id as string, session };
}

/** The EP's console socket and notes on a node. */
async function liveOn(node: Node, ep: Browser, sessionId: string, caseId: string) {
  const console_ = await connect(node.url, { sessionId, role: 'facilitator' }, { cookie: ep.cookie });
  const token = await notesToken(on(node, ep), sessionId, 'facilitator');
  const notes = await openNotes(node.url, notesDocName(caseId), token);
  return { console_, notes };
}

const disconnected = (client: MeetingClient) =>
  new Promise<string>((resolve) => client.socket.once('disconnect', (reason) => resolve(reason)));
const notesClosed = (notes: NotesClient) => notes.closes.some((close) => close.code === NOTES_CLOSE.forbidden.code);
const health = async (node: Node) => (await (await fetch(`${node.url}/api/health`)).json()) as { cluster: string };

describe('a cluster of nodes through Redis', () => {
  it('says in its health how it stands with the others', async () => {
    expect(await health(a)).toEqual({ ok: true, cluster: 'connected', running: 0 });
    expect(await health(alone)).toEqual({ ok: true, cluster: 'off' });
  });

  it('closes on every node the console and notes of an account deactivated on one', async () => {
    const { ep, userId, session } = await freshEp();
    const caseId = session.cases[0]?.id as string;
    const onB = await liveOn(b, ep, session.id, caseId);
    const onAlone = await liveOn(alone, ep, session.id, caseId);
    const goneFromB = disconnected(onB.console_);

    expect((await world.admin.post(`/api/people/${userId}/deactivate`)).status).toBe(200);

    expect(await goneFromB).toBe('io server disconnect');
    await waitFor(() => notesClosed(onB.notes), 5000, 'the notes on node B stayed open');
    // The node outside the cluster heard nothing: without Redis a deactivation stays on its own node.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(onAlone.console_.socket.connected).toBe(true);
    expect(notesClosed(onAlone.notes)).toBe(false);
    for (const client of [onB, onAlone]) {
      client.console_.close();
      client.notes.destroy();
    }
  });

  it('carries on alone while Redis is away, then catches up with what it missed', async () => {
    const first = await freshEp();
    const second = await freshEp();
    const caseOf = (s: typeof first) => s.session.cases[0]?.id as string;
    const firstOnB = await liveOn(b, first.ep, first.session.id, caseOf(first));
    const secondOnB = await liveOn(b, second.ep, second.session.id, caseOf(second));

    await redis.down();
    for (const node of [a, b]) {
      const deadline = Date.now() + 10_000;
      while ((await health(node)).cluster !== 'degraded') {
        if (Date.now() > deadline) throw new Error('the node never noticed that Redis went away');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    // The meeting on node B goes on: a command is applied and acknowledged.
    const ack = await firstOnB.console_.send({ type: 'stage.next' });
    expect(ack.ok).toBe(true);
    // Deactivated on A while Redis is away: B cannot hear of it yet.
    const goneFromB = disconnected(firstOnB.console_);
    expect((await world.admin.post(`/api/people/${first.userId}/deactivate`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(firstOnB.console_.socket.connected).toBe(true);

    // Redis is back: B closes what was deactivated meanwhile, and the cluster works as before.
    await redis.up();
    expect(await goneFromB).toBe('io server disconnect');
    await waitFor(() => notesClosed(firstOnB.notes), 10_000, 'the notes deactivated meanwhile stayed open');
    const deadline = Date.now() + 10_000;
    while ((await health(a)).cluster !== 'connected' || (await health(b)).cluster !== 'connected') {
      if (Date.now() > deadline) throw new Error('the nodes never rejoined');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const secondGone = disconnected(secondOnB.console_);
    expect((await world.admin.post(`/api/people/${second.userId}/deactivate`)).status).toBe(200);
    expect(await secondGone).toBe('io server disconnect');
    for (const client of [firstOnB, secondOnB]) {
      client.console_.close();
      client.notes.destroy();
    }
  }, 60_000);
});

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Starts the real entry point and waits for it to end; what it printed on stderr, line by line. */
function startExpectingFailure(env: Record<string, string>) {
  return new Promise<{ code: number | null; lines: string[]; stdout: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: tempDataDir(), WEB_DIST: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the node did not stop: ${stdout} ${stderr}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, lines: stderr.split('\n').filter((line) => line.trim() !== '') });
    });
  });
}

describe('a node that cannot reach its database', () => {
  it('stops at start with one clear line, never a password, and never listens', async () => {
    const port = await freePort();
    const unreachable = await startExpectingFailure({
      DATABASE_URL: `postgres://consultboard:hunter2-secret@127.0.0.1:${port}/consultboard`,
    });
    expect(unreachable.code).toBe(1);
    expect(unreachable.lines).toHaveLength(1);
    expect(unreachable.lines[0]).toMatch(
      new RegExp(
        `^Consultboard could not start: DATABASE_URL: cannot connect to postgres://127\\.0\\.0\\.1:${port}/consultboard \\(`,
      ),
    );
    expect(unreachable.lines[0]).not.toContain('hunter2');
    expect(unreachable.stdout).not.toContain('listening');
    const wrong = await startExpectingFailure({ DATABASE_URL: 'mysql://127.0.0.1/consultboard' });
    expect(wrong.code).toBe(1);
    expect(wrong.lines).toHaveLength(1);
    expect(wrong.lines[0]).toMatch(/^Consultboard could not start: DATABASE_URL: must start with postgres:\/\//);
  }, 45_000);
});

describe('a node that cannot join its cluster', () => {
  it('stops at start with one clear line, never a password, and never listens', async () => {
    const port = await freePort();
    const unreachable = await startExpectingFailure({ REDIS_URL: `redis://:hunter2-secret@127.0.0.1:${port}` });
    expect(unreachable.code).toBe(1);
    expect(unreachable.lines).toHaveLength(1);
    expect(unreachable.lines[0]).toMatch(
      new RegExp(`^Consultboard could not start: REDIS_URL: cannot connect to redis://127\\.0\\.0\\.1:${port} \\(`),
    );
    expect(unreachable.lines[0]).not.toContain('hunter2');
    expect(unreachable.stdout).not.toContain('listening');

    const malformed = await startExpectingFailure({ REDIS_URL: 'http://127.0.0.1:6379' });
    expect(malformed.code).toBe(1);
    expect(malformed.lines).toEqual([
      'Consultboard could not start: REDIS_URL must be a redis:// or rediss:// URL, not "http://127.0.0.1:6379"',
    ]);
  }, 45_000);
});
