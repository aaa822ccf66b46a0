/**
 * What one hostile phone can cost the meeting gateway (issue 8, items 3 and 5), measured on a real server over a
 * real SQLite file with real socket.io clients. Prints, it asserts nothing. Run: pnpm bench:meeting-attacks
 */
import { performance } from 'node:perf_hooks';
import { LIMITS } from '@consultboard/domain';
import { joinAsPhone } from '../test/helpers/http.js';
import { connect, MeetingClient } from '../test/helpers/sockets.js';
import { startTestServer } from '../test/helpers/testServer.js';
import { buildSession, buildWorld } from '../test/helpers/world.js';

const CATCH_UPS = Number(process.env.CATCH_UPS ?? 60);
const PHONES = Number(process.env.PHONES ?? 30);
/** Cards sent on each socket the token holds. */
const FLOOD = Number(process.env.FLOOD ?? 100);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function opened(clients: MeetingClient[]) {
  const outcomes = await Promise.allSettled(clients.map((client) => client.ready()));
  return clients.filter((_, index) => outcomes[index]?.status === 'fulfilled');
}

// The console fills the session quickly; the phones run under the gateway's ordinary budgets.
const server = await startTestServer(undefined, { meeting: { commands: { limit: 1_000_000, windowMs: 1000 } } });
const world = await buildWorld(server.url);
const session = await buildSession(world);
const code = session.joinCode as string;
const facilitator = await connect(
  server.url,
  { sessionId: session.id, role: 'facilitator' },
  { cookie: world.north.ep.cookie },
);
for (let i = 0; i < 2; i++) await facilitator.send({ type: 'stage.next' });
const caseId = facilitator.state.cases[0]?.id as string;
const card = (text: string) =>
  ({ type: 'card.add', caseId, stageId: 'clarifying-questions', kind: 'question', text }) as const;

// 1. 150 sockets on one phone token.
const token = await joinAsPhone(server.url, code, 'SENCO A');
const many = Array.from({ length: 150 }, () => new MeetingClient(server.url, { token }));
const admitted = await opened(many);
console.log(`150 sockets on one token: ${admitted.length} admitted`);

// 2. A flood of cards from that token over every socket it holds.
const acks = await Promise.all(
  admitted.flatMap((socket, s) =>
    Array.from({ length: FLOOD }, (_, i) => socket.send(card(`Flood ${s}-${i}`), 60_000)),
  ),
);
console.log(`card.add flood: ${acks.filter((ack) => ack.ok).length} of ${acks.length} accepted`);
for (const client of many) client.close();

// 3. The cap's worth of 1,000-character cards, then catch-ups from 0 with health polled throughout.
const existing = facilitator.state.cards.length;
for (let done = existing; done < LIMITS.cardsPerSession; done += 200) {
  const batch = Math.min(200, LIMITS.cardsPerSession - done);
  await Promise.all(
    Array.from({ length: batch }, (_, i) =>
      facilitator.send(card(`Card ${done + i} `.padEnd(LIMITS.cardText.max, 'x')), 30_000),
    ),
  );
}
const reader = await opened([1, 2, 3].map(() => new MeetingClient(server.url, { token })));
const healthMs: number[] = [];
let flooding = true;
const poll = (async () => {
  while (flooding) {
    const start = performance.now();
    await fetch(`${server.url}/api/health`);
    healthMs.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
})();
let bytes = 0;
const started = performance.now();
const answers = await Promise.all(
  Array.from({ length: CATCH_UPS }, async (_, i) => {
    const answer = await (reader[i % reader.length] as MeetingClient).socket
      .timeout(60_000)
      .emitWithAck('catchUp', { after: 0 });
    bytes += Buffer.byteLength(JSON.stringify(answer));
    return answer;
  }),
);
const tookMs = performance.now() - started;
flooding = false;
await poll;
console.log(
  `${CATCH_UPS} catch-ups from 0 over a ${facilitator.state.seq}-event log: ${answers.filter((a) => a.ok).length} answered, ` +
    `${(bytes / 1048576).toFixed(1)} MiB sent in ${tookMs.toFixed(0)} ms; ` +
    `health p50 ${percentile(healthMs, 50).toFixed(1)} ms, max ${Math.max(...healthMs).toFixed(1)} ms`,
);
for (const client of reader) client.close();

// 4. A storm of phones connecting and leaving: how many presence lists the console receives.
const tokens: string[] = [];
for (let i = 0; i < PHONES; i++) tokens.push(await joinAsPhone(server.url, code, `SENCO ${i}`));
const before = facilitator.presences.length;
const phones = await opened(tokens.map((phoneToken) => new MeetingClient(server.url, { token: phoneToken })));
for (const phone of phones) phone.close();
await new Promise((resolve) => setTimeout(resolve, 1000));
console.log(
  `${PHONES} phones connecting and leaving: ${facilitator.presences.length - before} presence lists to the console`,
);

facilitator.close();
await server.close();
