/**
 * The long fuzz run of the notes endpoint: a real server in its own process, phones firing hostile frames of
 * every kind (random, cut short, corrupted, pending structs, pending deletes, off-schema, oversized, below the
 * WebSocket layer) at one case's notes while two stock clients keep typing in another, for as long as asked.
 * Prints frames sent, how the server closed the sockets, whether it crashed, its memory before and after, its
 * event-loop delay (p99 and worst) and health latency, and whether what it stored is clean.
 *
 * Run: pnpm fuzz (60 s), FUZZ_SECONDS=600 pnpm fuzz, or pnpm --filter @consultboard/server fuzz -- 300.
 * Replay a run's frames with NOTES_FUZZ_SEED=<the seed it printed>.
 */
import { notesDocName } from '@consultboard/domain';
import * as Y from 'yjs';
import { checkUpdate } from '../src/notes/checkUpdate.js';
import { joinAsPhone } from '../test/helpers/http.js';
import { type NotesClient, notesOnDisk, notesUrl, openNotes } from '../test/helpers/notes.js';
import { FuzzFrames, fuzzSeed, newTally, seeded, storm } from '../test/helpers/notesFuzz.js';
import { buildSession, buildWorld } from '../test/helpers/world.js';
import { healthProbe, mib, percentile, startProbedServer } from './notesServer.js';

const SECONDS = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? process.env.FUZZ_SECONDS ?? 60);
const WORKERS = Number(process.env.FUZZ_WORKERS ?? 6);
const SEED = fuzzSeed();

// Each stock provider adds a process 'exit' listener.
process.setMaxListeners(0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

console.log(`notes fuzz: ${SECONDS} s, ${WORKERS} phones, seed ${SEED} (replay with NOTES_FUZZ_SEED=${SEED})`);
const server = await startProbedServer();
const session = await buildSession(await buildWorld(server.url));
const [healthyCase, fuzzCase] = session.cases.map((c) => c.id) as [string, string];
const join = (name: string) => joinAsPhone(server.url, session.joinCode as string, name);
const a = await openNotes(server.url, notesDocName(healthyCase), await join('SENCO A'));
const b = await openNotes(server.url, notesDocName(healthyCase), await join('SENCO B'));
const tokens = await Promise.all(Array.from({ length: WORKERS }, (_, i) => join(`SENCO F${i}`)));
await sleep(1000);
const rssBefore = server.samples.at(-1)?.rss ?? Number.NaN;

let written = 0;
let running = true;
const typist = (async () => {
  while (running) {
    a.write(`Healthy line ${written++}`);
    await sleep(50);
  }
})();
const health = healthProbe(server.url);
const from = Date.now();
const deadline = from + SECONDS * 1000;
const tally = newTally();
let lastReport = from;
await Promise.all(
  tokens.map(async (token, worker) => {
    const url = `${notesUrl(server.url)}/${notesDocName(fuzzCase)}?token=${token}`;
    const frames = new FuzzFrames(seeded(SEED + worker));
    while (Date.now() < deadline && server.alive()) {
      await storm(url, frames, tally);
      if (worker === 0 && Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        const loop = server.between(lastReport - 10_000, lastReport);
        console.log(
          `  ${Math.round((lastReport - from) / 1000)} s: ${tally.frames} frames, rss ${mib(loop.at(-1)?.rss ?? 0)}, loop worst ${Math.max(0, ...loop.map((s) => s.max)).toFixed(0)} ms`,
        );
      }
    }
  }),
);
running = false;
await typist;
await sleep(2000);
const latencies = await health.stop();
const loop = server.between(from, Date.now());
const alive = server.alive();
const healthAfter = alive ? (await fetch(`${server.url}/api/health`)).status : 0;
const rssAfter = server.samples.at(-1)?.rss ?? Number.NaN;

// Integrity: the healthy room converged; the fuzzed notes on disk hold no pending data and nothing off-schema.
const converged = b.paragraphs().length === written && a.closes.length === 0 && b.closes.length === 0;
const stored = notesOnDisk(server.dataDir, fuzzCase);
const clean =
  stored.store.pendingStructs === null &&
  stored.store.pendingDs === null &&
  checkUpdate(new Y.Doc(), Y.decodeUpdate(Y.encodeStateAsUpdate(stored))).ok;
for (const client of [a, b] as NotesClient[]) client.destroy();
await server.stop();

const closes = [...tally.closes]
  .sort((x, y) => y[1] - x[1])
  .map(([code, n]) => `${code === -1 ? 'left open' : code}: ${n}`);
const healthy = latencies.filter(Number.isFinite);
console.log(
  [
    `frames sent: ${tally.frames} over ${tally.connections} connections (${(tally.frames / SECONDS).toFixed(0)} a second)`,
    `  kinds: ${[...tally.kinds].map(([kind, n]) => `${kind} ${n}`).join(', ')}`,
    `  closed with: ${closes.join(', ')}`,
    `crashes: ${alive ? 0 : 1} (server ${alive ? 'alive' : 'DEAD'}, health after the run: ${healthAfter || 'no answer'})`,
    `memory: rss ${mib(rssBefore)} before, ${mib(rssAfter)} after (${rssAfter >= rssBefore ? '+' : ''}${mib(rssAfter - rssBefore)})`,
    `event-loop delay: p99 ${percentile(
      loop.map((s) => s.p99),
      99,
    ).toFixed(1)} ms, worst ${Math.max(...loop.map((s) => s.max)).toFixed(0)} ms`,
    `health latency: p99 ${percentile(healthy, 99).toFixed(1)} ms, worst ${Math.max(...healthy).toFixed(0)} ms, ${latencies.length - healthy.length} failed of ${latencies.length}`,
    `healthy room: ${written} lines typed, ${converged ? 'converged' : 'DID NOT CONVERGE'}; fuzzed notes on disk: ${clean ? 'clean' : 'NOT CLEAN'}`,
  ].join('\n'),
);
process.exit(alive && healthAfter === 200 && converged && clean ? 0 : 1);
