/**
 * Our notes endpoint beside Hocuspocus 3.4.4 (in memory, and with its SQLite extension) and the y-websocket 1.5.4
 * server: each server in its own process, the same load generator (rooms of 20 clients, 3 typing a small edit every
 * 330 ms, one of them measured), trials interleaved (each round runs every server at every room count, in a rotated
 * order). Prints, per room count and server, the medians over the rounds of the fan-out p50/p99 and of our
 * event loop's busy share, and the load average at each trial.
 * Run: pnpm bench:peers (ROOMS=1,50,100 ROUNDS=3 MEASURE_S=8 WARMUP_S=2 SERVERS=ours,hocuspocus,…; the servers are
 * ours, hocuspocus, hocuspocus-sqlite, y-websocket, and ours with the other ways to the disk: ours-full, ours-none)
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, NotesLoad, percentile } from './notesLoad.js';
import { loadAverage, SERVER_LABELS, type ServerKind, startNotesServer } from './notesServers.js';

const ROOMS = (process.env.ROOMS ?? '1,50,100').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const MEASURE_S = Number(process.env.MEASURE_S ?? 8);
const WARMUP_S = Number(process.env.WARMUP_S ?? 2);
const CLIENTS = Number(process.env.CLIENTS ?? 20);
const TYPISTS = Number(process.env.TYPISTS ?? 3);
const TYPE_EVERY_MS = Number(process.env.TYPE_EVERY_MS ?? 330);
const SERVERS = (process.env.SERVERS ?? 'ours,hocuspocus,hocuspocus-sqlite,y-websocket').split(',') as ServerKind[];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (SERVERS.includes('hocuspocus-sqlite')) {
  const ensure = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bench/peers/ensureSqlite3.mjs');
  execFileSync(process.execPath, [ensure], { stdio: 'inherit' });
}

export interface Trial {
  p50: number;
  p99: number;
  samples: number;
  /** The server's event loop: busy share (0–1) and delay p99 (ms) over the measured window. */
  busy: number;
  lagP99: number;
  /** The server process's CPU time (all threads) per update the typists sent in the window, in µs. */
  cpuPerUpdate: number;
  load: string;
  closes: number;
}

export async function runTrial(kind: ServerKind, rooms: number, env: Record<string, string> = {}): Promise<Trial> {
  const server = await startNotesServer(kind, env);
  let load: NotesLoad | null = null;
  try {
    load = new NotesLoad({
      protocol: server.protocol,
      rooms: await server.rooms(rooms, CLIENTS),
      clientsPerRoom: CLIENTS,
      typistsPerRoom: TYPISTS,
      typeEveryMs: TYPE_EVERY_MS,
    });
    await load.connect();
    load.start();
    await sleep(WARMUP_S * 1000);
    server.startWindow();
    load.record(true);
    await sleep(MEASURE_S * 1000);
    load.record(false);
    const window = await server.stopWindow();
    return {
      p50: percentile(load.latencies, 50),
      p99: percentile(load.latencies, 99),
      samples: load.latencies.length,
      busy: window.busy,
      cpuPerUpdate: (window.cpu * 1000) / Math.max(1, load.updatesSent),
      lagP99: window.p99,
      load: loadAverage(),
      closes: load.unexpectedCloses,
    };
  } finally {
    await load?.close();
    await server.stop();
  }
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
const pct = (share: number) => `${Math.round(share * 100)} %`;

async function main() {
  console.log(
    `Notes fan-out: rooms of ${CLIENTS} clients, ${TYPISTS} typing every ${TYPE_EVERY_MS} ms, one measured; ` +
      `${ROUNDS} interleaved rounds of ${WARMUP_S} s warm-up + ${MEASURE_S} s measured. Load average at start: ${loadAverage()}`,
  );
  const results = new Map<string, Trial[]>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const rooms of ROOMS) {
      const order = SERVERS.map((_, i) => SERVERS[(i + round) % SERVERS.length] as ServerKind);
      for (const kind of order) {
        const trial = await runTrial(kind, rooms);
        const key = `${rooms}|${kind}`;
        results.set(key, [...(results.get(key) ?? []), trial]);
        console.log(
          `  round ${round + 1}, ${String(rooms).padStart(3)} rooms, ${SERVER_LABELS[kind].padEnd(26)} fan-out p50 ${fmt(trial.p50).padStart(9)}  p99 ${fmt(trial.p99).padStart(9)}  (${trial.samples} deliveries)  server CPU ${Math.round(trial.cpuPerUpdate)} µs/update, loop busy ${pct(trial.busy)}, lag p99 ${fmt(trial.lagP99)}${trial.closes ? `  ${trial.closes} clients closed` : ''}  load ${trial.load}`,
        );
      }
    }
  }
  console.log('\nMedians over the rounds (fan-out p99; p50 in brackets; ours: event loop busy):');
  printFanOut(results);
  console.log('\nServer CPU time per update (µs, the whole process: all threads), medians over the rounds:');
  console.log(`| rooms | ${SERVERS.map((kind) => SERVER_LABELS[kind]).join(' | ')} |`);
  console.log(`|---|${SERVERS.map(() => '---').join('|')}|`);
  for (const rooms of ROOMS) {
    const cpu = (kind: ServerKind) =>
      median((results.get(`${rooms}|${kind}`) ?? []).map((trial) => trial.cpuPerUpdate));
    console.log(`| ${rooms} | ${SERVERS.map((kind) => Math.round(cpu(kind))).join(' | ')} |`);
  }
  console.log(`Goal: ours ≤ 0.8 × the best peer at each room count. Load average at the end: ${loadAverage()}`);
}

/** The fan-out table: per room count and server, the medians of p99 (p50), and ours against the best peer. */
function printFanOut(results: Map<string, Trial[]>): void {
  console.log(
    `| rooms | ${SERVERS.map((kind) => SERVER_LABELS[kind]).join(' | ')} | ours ÷ best peer | ours: loop busy |`,
  );
  console.log(`|---|${SERVERS.map(() => '---').join('|')}|---|---|`);
  for (const rooms of ROOMS) {
    const p99 = (kind: ServerKind) => median((results.get(`${rooms}|${kind}`) ?? []).map((trial) => trial.p99));
    const p50 = (kind: ServerKind) => median((results.get(`${rooms}|${kind}`) ?? []).map((trial) => trial.p50));
    const peers = SERVERS.filter((kind) => !kind.startsWith('ours')).map(p99);
    const best = Math.min(...peers);
    const ours = results.get(`${rooms}|ours`) ?? [];
    const ratio = SERVERS.includes('ours') && peers.length > 0 ? (p99('ours') / best).toFixed(2) : '–';
    console.log(
      `| ${rooms} | ${SERVERS.map((kind) => `${fmt(p99(kind))} (${fmt(p50(kind))})`).join(' | ')} | ${ratio} | ${ours.length ? pct(median(ours.map((trial) => trial.busy))) : '–'} |`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
