/**
 * Live rooms held by one node and by two (issue 14): PostgreSQL, Redis, node processes and nginx with
 * deploy/nginx.conf, all on this machine. Each room is a live session with 21 clients through nginx (the EP's console
 * and 20 phones), 3 of the phones adding a card every 4 s (their cards-per-minute budget allows 20). Fan-out: from a
 * phone sending a card to each other client of the room folding it (one clock: this process). Loop lag: the nodes'
 * event-loop delay p99 over the measured window (the worst node). A step holds when fan-out p99 < 30 ms and loop lag
 * p99 < 50 ms. Prints each step for 1 node and for 2, the largest that holds for each, and their ratio.
 *
 * Run: pnpm --filter @consultboard/server bench:cluster (STEPS=10,20,40 MEASURE_S=10 ROUNDS=1). Needs PostgreSQL
 * (TEST_DATABASE_URL), Debian's redis-server and nginx. The two nodes share this machine's two cores, so the ratio
 * here says what a second node costs, not what a second machine gives.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROTOCOL_VERSION } from '@consultboard/domain';
import { io, type Socket } from 'socket.io-client';
import { Browser } from '../test/helpers/http.js';
import { TestNginx } from '../test/helpers/nginx.js';
import { createTestDatabase } from '../test/helpers/postgres.js';
import { TestRedis } from '../test/helpers/redis.js';
import { freePort } from '../test/helpers/serverProcess.js';
import { tempDataDir } from '../test/helpers/testServer.js';
import { buildSession, buildWorld, type World } from '../test/helpers/world.js';

const STEPS = (process.env.STEPS ?? '10,20,40').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 1);
const MEASURE_S = Number(process.env.MEASURE_S ?? 10);
const PHONES = 20;
const TYPISTS = 3;
const CARD_EVERY_MS = 4000;
const FANOUT_LIMIT_MS = 30;
const LAG_LIMIT_MS = 50;
const STRATEGIES = 'strategies-and-resources';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverDir = path.resolve(here, '..');
const probe = path.join(here, 'loopProbe.mjs');
const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

interface NodeProcess {
  port: number;
  child: ChildProcess;
  window(kind: 'window-start' | 'window-stop'): Promise<{ p99: number; max: number; busy: number; cpu: number }>;
}

async function startNode(env: Record<string, string>): Promise<NodeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_OPTIONS: `--import=${probe}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: tempDataDir(),
      WEB_DIST: '',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on port')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`node exited (${code}): ${output}`)));
  });
  // The probe's lines are not needed here: only its windows (over IPC).
  child.stdout?.removeAllListeners('data');
  child.stdout?.resume();
  return {
    port,
    child,
    window: (kind) =>
      new Promise((resolve) => {
        if (kind === 'window-start') {
          child.send(kind);
          resolve({ p99: 0, max: 0, busy: 0, cpu: 0 });
          return;
        }
        const onMessage = (message: unknown) => {
          const window = (message as { window?: { p99: number; max: number; busy: number; cpu: number } }).window;
          if (!window) return;
          child.off('message', onMessage);
          resolve(window);
        };
        child.on('message', onMessage);
        child.send(kind);
      }),
  };
}

interface Room {
  sessionId: string;
  caseId: string;
  sockets: Socket[];
}

function socketFor(url: string, sessionId: string, auth: object, cookie?: string): Promise<Socket> {
  const socket = io(url, {
    path: '/socket.io',
    transports: ['websocket'],
    reconnection: false,
    query: { session: sessionId },
    auth: { protocol: PROTOCOL_VERSION, lastSeq: 0, ...auth },
    extraHeaders: cookie ? { cookie } : {},
  });
  return new Promise((resolve, reject) => {
    socket.once('welcome', () => resolve(socket));
    socket.once('connect_error', (error) => reject(error));
  });
}

/** A live session at the Strategies stage with its console and 20 phones connected through nginx. */
async function openRoom(url: string, world: World, index: number): Promise<Room> {
  // Named by letters: a topic may not hold a number that could be a pupil's.
  const name = [...index.toString(26)].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 26))).join('');
  const session = await buildSession(world, { cases: [`Year 3 transition group ${name}`] });
  const caseId = session.cases[0]?.id as string;
  const ep = world.north.ep;
  const console_ = await socketFor(url, session.id, { sessionId: session.id, role: 'facilitator' }, ep.cookie);
  for (let i = 0; i < 4; i++) {
    const ack = await console_.timeout(5000).emitWithAck('command', {
      id: `stage-${index}-${i}`,
      type: 'stage.next',
    } as never);
    if (!(ack as { ok: boolean }).ok) throw new Error(`stage.next refused: ${JSON.stringify(ack)}`);
  }
  const sockets = [console_];
  for (let i = 0; i < PHONES; i++) {
    // A school network of its own per room (the join limits count per address: nginx passes ours on).
    const address = `10.${(index >> 8) & 255}.${index & 255}.${i + 1}`;
    let joined = await new Browser(url).post(
      '/api/join',
      { code: session.joinCode, name: `SENCO ${i + 1}` },
      { 'x-forwarded-for': address },
    );
    while (joined.status === 429) {
      await sleep(1000);
      joined = await new Browser(url).post(
        '/api/join',
        { code: session.joinCode, name: `SENCO ${i + 1}` },
        { 'x-forwarded-for': address },
      );
    }
    if (joined.status !== 200) throw new Error(`join failed: ${JSON.stringify(joined.json)}`);
    sockets.push(await socketFor(url, session.id, { token: joined.json.token }));
  }
  return { sessionId: session.id, caseId, sockets };
}

async function trial(nodeCount: number, rooms: number) {
  const database = await createTestDatabase();
  const redis = await TestRedis.start();
  const nginxPort = await freePort();
  const clusterName = `bench-${process.pid}-${Date.now().toString(36)}`;
  const nodes: NodeProcess[] = [];
  for (let i = 0; i < nodeCount; i++)
    nodes.push(
      await startNode({
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        CLUSTER_NAME: clusterName,
        NODE_NAME: `node-${i + 1}`,
        PUBLIC_URL: `http://127.0.0.1:${nginxPort}`,
        // nginx appends the address it saw to the bench's own X-Forwarded-For: the second from the right is ours.
        TRUST_PROXY: '2',
      }),
    );
  // Each client holds two of nginx's connections (its own and the node's), and every room has 21 clients.
  const nginx = await TestNginx.start(
    nodes.map((node) => node.port),
    nginxPort,
    Math.max(1024, rooms * (PHONES + 1) * 2 + 256),
  );
  const opened: Room[] = [];
  try {
    const world = await buildWorld(nginx.url);
    for (let i = 0; i < rooms; i++) opened.push(await openRoom(nginx.url, world, i));
    // Fan-out: each card's text names its send time; every other client of the room notes when it folds it.
    const fanOut: number[] = [];
    let measuring = false;
    for (const room of opened)
      for (const socket of room.sockets)
        socket.on('event', (event: { type: string; card?: { text: string } }) => {
          if (!measuring || event.type !== 'card.added' || !event.card) return;
          const sent = Number(/@(\d+(?:\.\d+)?)$/.exec(event.card.text)?.[1]);
          if (Number.isFinite(sent)) fanOut.push(performance.now() - sent);
        });
    let typing = true;
    const typists = opened.flatMap((room) =>
      room.sockets.slice(1, 1 + TYPISTS).map(async (socket, t) => {
        // Spread over the interval, so the room's cards do not all start together.
        await sleep(Math.random() * CARD_EVERY_MS);
        for (let n = 0; typing; n++) {
          const text = `Visual timetable ${t}.${n} @${performance.now()}`;
          socket.emit('command', {
            id: `${room.sessionId}-${t}-${n}`,
            type: 'card.add',
            caseId: room.caseId,
            stageId: STRATEGIES,
            kind: 'strategy',
            text,
          });
          await sleep(CARD_EVERY_MS);
        }
      }),
    );
    await sleep(2000);
    measuring = true;
    await Promise.all(nodes.map((node) => node.window('window-start')));
    await sleep(MEASURE_S * 1000);
    measuring = false;
    const windows = await Promise.all(nodes.map((node) => node.window('window-stop')));
    typing = false;
    await Promise.all(typists);
    const fanoutP99 = percentile(fanOut, 99);
    const lagP99 = Math.max(...windows.map((window) => window.p99));
    const busy = windows.map((window) => `${Math.round(window.busy * 100)} %`).join(' / ');
    return {
      fanoutP99,
      fanoutP50: percentile(fanOut, 50),
      received: fanOut.length,
      lagP99,
      busy,
      holds: fanoutP99 < FANOUT_LIMIT_MS && lagP99 < LAG_LIMIT_MS,
    };
  } finally {
    for (const room of opened) for (const socket of room.sockets) socket.disconnect();
    await nginx.stop();
    for (const node of nodes) node.child.kill('SIGKILL');
    await redis.down();
    await sleep(500);
    await database.drop();
  }
}

console.log(
  `Live rooms through nginx, ${PHONES + 1} clients each (${TYPISTS} phones adding a card every ${CARD_EVERY_MS / 1000} s); holds when card fan-out p99 < ${FANOUT_LIMIT_MS} ms and loop lag p99 < ${LAG_LIMIT_MS} ms. ${ROUNDS} round(s), ${MEASURE_S} s measured. Load average: ${load()}`,
);
const largest: Record<number, number> = { 1: 0, 2: 0 };
for (let round = 1; round <= ROUNDS; round++) {
  for (const rooms of STEPS) {
    // Interleaved: one node, then two, at each step.
    for (const nodeCount of [1, 2]) {
      const result = await trial(nodeCount, rooms);
      if (result.holds) largest[nodeCount] = Math.max(largest[nodeCount] ?? 0, rooms);
      console.log(
        `  round ${round}, ${nodeCount} node${nodeCount > 1 ? 's' : ''}, ${rooms} rooms: card fan-out p50 ${result.fanoutP50.toFixed(1)} ms, p99 ${result.fanoutP99.toFixed(1)} ms (${result.received} receipts); loop lag p99 ${result.lagP99.toFixed(1)} ms; busy ${result.busy}; ${result.holds ? 'holds' : 'does not hold'}  load ${load()}`,
      );
    }
  }
}
const ratio = largest[1] ? ((largest[2] ?? 0) / largest[1]).toFixed(2) : 'n/a';
console.log(
  `Largest room count that holds: 1 node ${largest[1] || 'none tried'}, 2 nodes ${largest[2] || 'none tried'}; ratio 2 nodes ÷ 1 node: ${ratio}. Load average: ${load()}`,
);
process.exit(0);
