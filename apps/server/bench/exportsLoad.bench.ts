/**
 * Exports against a live meeting: a real server in its own process (from source; EXPORT_WORKERS and the other
 * EXPORT_* settings pass through), a meeting of phones on real socket.io clients adding cards, and four people
 * exporting at once through the HTTP routes. Prints the card fan-out (time until every phone has the card) with
 * and without the exports running, and the exports' own latency.
 * Run: pnpm --filter @consultboard/server bench:exports-load   (PHONES=15 CARDS=200 GAP_MS=50 NOTES_KB=1024)
 */
import type { ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { caseWithLongNotes, caseWithLongRows } from '../test/helpers/exportLoad.js';
import { type Browser, joinAsPhone } from '../test/helpers/http.js';
import { freePort, kill, spawnServer } from '../test/helpers/serverProcess.js';
import { connect, type MeetingClient } from '../test/helpers/sockets.js';
import { tempDataDir } from '../test/helpers/testServer.js';
import { accept, buildSession, buildWorld, invite } from '../test/helpers/world.js';

const PHONES = Number(process.env.PHONES ?? 15);
const CARDS = Number(process.env.CARDS ?? 200);
/** A card every GAP_MS across the room (a busy meeting; each phone well under its rate limit). */
const GAP_MS = Number(process.env.GAP_MS ?? 50);
const NOTES_KB = Number(process.env.NOTES_KB ?? 1024);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(1).padStart(7);
  return `${label.padEnd(34)} n ${String(values.length).padStart(4)}  p50 ${fmt(percentile(sorted, 50))} ms  p95 ${fmt(percentile(sorted, 95))} ms  p99 ${fmt(percentile(sorted, 99))} ms  max ${fmt(sorted.at(-1) ?? Number.NaN)} ms`;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const child: ChildProcess = await spawnServer(tempDataDir(), port);
try {
  const world = await buildWorld(url);
  // Two SENCOs and the EP export, so no one person is past their own queue.
  const invited = await invite(world.admin, {
    role: 'senco',
    name: 'SENCO B',
    email: 'senco.b@eps.example',
    schoolId: world.north.school.id,
  });
  const otherSenco = await accept(url, invited.token);
  const notesCaseId = await caseWithLongNotes(url, world, { bytes: NOTES_KB * 1024 });
  const rowsCaseId = await caseWithLongRows(world.north.senco);

  const session = await buildSession(world, { cases: ['P6M'] });
  const ep = world.north.ep;
  const facilitator = await connect(url, { sessionId: session.id, role: 'facilitator' }, { cookie: ep.cookie });
  const phones: MeetingClient[] = [];
  for (let i = 0; i < PHONES; i++)
    phones.push(await connect(url, { token: await joinAsPhone(url, session.joinCode as string, `SENCO ${i}`) }));
  for (let i = 0; i < 4; i++) await facilitator.send({ type: 'stage.next' });
  const caseId = facilitator.state.cases[0]?.id as string;

  let cardNumber = 0;
  /** Adds cards one after another; stops early (saying why) if the meeting breaks down. */
  async function fanOut(cards: number): Promise<{ times: number[]; broke?: string }> {
    const times: number[] = [];
    try {
      for (let i = 0; i < cards; i++) {
        const sender = phones[cardNumber % PHONES] as MeetingClient;
        cardNumber += 1;
        const target = facilitator.state.seq + 1;
        const start = performance.now();
        const ack = await sender.send(
          {
            type: 'card.add',
            caseId,
            stageId: 'strategies-and-resources',
            kind: 'strategy',
            text: `Strategy ${cardNumber}: a visual timetable, checked with a key adult each morning`,
          },
          30_000,
        );
        if (!ack.ok) throw new Error(`card refused: ${ack.code}`);
        await Promise.all(phones.map((phone) => phone.until((state) => state.seq >= target, 30_000)));
        times.push(performance.now() - start);
        await sleep(GAP_MS);
      }
      return { times };
    } catch (error) {
      return { times, broke: error instanceof Error ? error.message : String(error) };
    }
  }

  const quiet = await fanOut(CARDS);

  // Four exports at all times: two of the 1 MB-notes case and two of the 30 long rows, each asked again as soon
  // as it arrives.
  const exportTimes: Record<string, number[]> = { 'notes PDF': [], 'long rows PDF': [], 'long rows Word': [] };
  let refused = 0;
  let failed = 0;
  let running = true;
  const loop = async (browser: Browser, kind: string, path: string) => {
    while (running) {
      const start = performance.now();
      const result = await browser.get(path).catch(() => null);
      // A connection dropped (a server that stalls past its keep-alive timeout resets the clients' next request).
      if (!result) {
        failed += 1;
        continue;
      }
      if (result.status === 503) {
        refused += 1;
        await sleep(200);
        continue;
      }
      if (result.status !== 200) throw new Error(`${kind}: ${result.status} ${JSON.stringify(result.json)}`);
      exportTimes[kind]?.push(performance.now() - start);
    }
  };
  const exporters = [
    loop(ep, 'notes PDF', `/api/cases/${notesCaseId}/plan.pdf`),
    loop(world.north.senco, 'long rows PDF', `/api/cases/${rowsCaseId}/plan.pdf`),
    loop(world.north.senco, 'long rows Word', `/api/cases/${rowsCaseId}/plan.docx`),
    loop(otherSenco, 'long rows PDF', `/api/cases/${rowsCaseId}/plan.pdf`),
  ];
  await sleep(500);
  const busy = await fanOut(CARDS);
  running = false;
  const stragglers = setTimeout(() => console.log('(waiting for the exports still running)'), 5000);
  await Promise.all(exporters);
  clearTimeout(stragglers);

  console.log(
    `Exports against a meeting: ${PHONES} phones, a card every ${GAP_MS} ms, ${CARDS} cards a phase; notes ${NOTES_KB} KB, EXPORT_WORKERS=${process.env.EXPORT_WORKERS ?? 'default'}`,
  );
  for (const [label, phase] of [
    ['card on every phone, no exports', quiet],
    ['card on every phone, 4 exports', busy],
  ] as const) {
    console.log(summary(label, phase.times));
    if (phase.broke) console.log(`  the meeting broke down after ${phase.times.length} cards: ${phase.broke}`);
  }
  for (const [kind, times] of Object.entries(exportTimes)) console.log(summary(`export: ${kind}`, times));
  console.log(`exports refused as busy (asked again after 200 ms): ${refused}; connections dropped: ${failed}`);
  for (const client of [facilitator, ...phones]) client.close();
} finally {
  await kill(child, 'SIGTERM');
}
