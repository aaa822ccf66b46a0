/**
 * Meeting gateway benchmark: a real server over a real SQLite file, a room of phones on real socket.io clients.
 * Prints acknowledgement and fan-out latency percentiles, and the server's memory. Run: pnpm bench
 */
import { performance } from 'node:perf_hooks';
import { joinAsPhone } from '../test/helpers/http.js';
import { connect, type MeetingClient } from '../test/helpers/sockets.js';
import { startTestServer } from '../test/helpers/testServer.js';
import { buildSession, buildWorld } from '../test/helpers/world.js';

const PHONES = Number(process.env.PHONES ?? 30);
const CARDS = Number(process.env.CARDS ?? 300);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(2).padStart(7);
  return `${label.padEnd(28)} p50 ${fmt(percentile(sorted, 50))} ms  p95 ${fmt(percentile(sorted, 95))} ms  p99 ${fmt(percentile(sorted, 99))} ms  max ${fmt(sorted.at(-1) ?? Number.NaN)} ms`;
}

const server = await startTestServer();
const world = await buildWorld(server.url);
const ep = world.north.ep;
const session = await buildSession(world);
const facilitator = await connect(server.url, { sessionId: session.id, role: 'facilitator' }, { cookie: ep.cookie });
const phones: MeetingClient[] = [];
for (let i = 0; i < PHONES; i++) {
  phones.push(
    await connect(server.url, { token: await joinAsPhone(server.url, session.joinCode as string, `SENCO ${i}`) }),
  );
}
for (let i = 0; i < 4; i++) await facilitator.send({ type: 'stage.next' });
const caseId = facilitator.state.cases[0]?.id as string;
const heapBefore = process.memoryUsage();

const ackMs: number[] = [];
const fanOutMs: number[] = [];
for (let i = 0; i < CARDS; i++) {
  // Round-robin across phones keeps each socket under its rate limit, as a real room would.
  const sender = phones[i % PHONES] as MeetingClient;
  const target = facilitator.state.seq + 1;
  const start = performance.now();
  const ack = await sender.send({
    type: 'card.add',
    caseId,
    stageId: 'strategies-and-resources',
    kind: 'strategy',
    text: `Strategy ${i}: a visual timetable, checked with a key adult each morning`,
  });
  ackMs.push(performance.now() - start);
  if (!ack.ok) throw new Error(`refused: ${ack.code}`);
  await Promise.all(phones.map((phone) => phone.until((state) => state.seq >= target, 10_000)));
  fanOutMs.push(performance.now() - start);
}

const reconnectMs: number[] = [];
for (const phone of phones.slice(0, 10)) {
  phone.close();
  const start = performance.now();
  phone.socket.connect();
  await phone.ready();
  reconnectMs.push(performance.now() - start);
}

const memory = process.memoryUsage();
console.log(`Meeting gateway: ${PHONES} phones, ${CARDS} cards (SQLite synchronous=FULL, one process)`);
console.log(summary('card acknowledged', ackMs));
console.log(summary(`card on all ${PHONES} phones`, fanOutMs));
console.log(summary('reconnect + catch-up', reconnectMs));
console.log(
  `memory: rss ${(memory.rss / 1048576).toFixed(1)} MiB, heap used ${(memory.heapUsed / 1048576).toFixed(1)} MiB (before the cards ${(heapBefore.heapUsed / 1048576).toFixed(1)} MiB)`,
);
for (const client of [facilitator, ...phones]) client.close();
await server.close();
