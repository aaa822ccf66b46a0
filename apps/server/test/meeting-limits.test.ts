import { performance } from 'node:perf_hooks';
import { type CommandAck, LIMITS, REPLAY_PAGE } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MEETING_SETTINGS } from '../src/meeting/meetingSettings.js';
import { type Browser, joinAsPhone } from './helpers/http.js';
import { connect, MeetingClient } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 8, items 3 and 5: one phone token cannot fill a meeting or make the server send without limit. A real
 * server, real socket.io clients; the attacks as the issue reproduced them.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
let ep: Browser;
const open: MeetingClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
  ep = world.north.ep;
});
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});
afterAll(async () => {
  await server.close();
});

async function live(base = server, browser = ep, w = world) {
  const session = await buildSession(w);
  const facilitator = await connect(
    base.url,
    { sessionId: session.id, role: 'facilitator' },
    { cookie: browser.cookie },
  );
  open.push(facilitator);
  while (facilitator.state.stageIndex < 2) await facilitator.send({ type: 'stage.next' });
  const caseId = facilitator.state.cases[0]?.id as string;
  const card = (text: string) =>
    ({ type: 'card.add', caseId, stageId: 'clarifying-questions', kind: 'question', text }) as const;
  return { session, facilitator, caseId, card };
}

/** Runs a change and waits until the server has seen a socket leave (the console's presence list moves). */
async function facilitatorSees(sessionId: string, change: () => void) {
  const watcher = await connect(server.url, { sessionId, role: 'projector' }, { cookie: ep.cookie });
  open.push(watcher);
  await watcher.until(() => watcher.presences.length > 0);
  const seen = watcher.presences.length;
  change();
  await watcher.until(() => watcher.presences.length > seen);
}

/** Opens sockets at once on one set of credentials; resolves with those let in and the codes of those refused. */
async function openMany(url: string, auth: { token: string }, count: number) {
  const clients = Array.from({ length: count }, () => new MeetingClient(url, auth));
  open.push(...clients);
  const outcomes = await Promise.allSettled(clients.map((client) => client.ready()));
  const admitted = clients.filter((_, index) => outcomes[index]?.status === 'fulfilled');
  const refusals = outcomes.flatMap((outcome) =>
    outcome.status === 'rejected' ? [(outcome.reason as { data?: { code: string } }).data?.code ?? 'none'] : [],
  );
  return { clients, admitted, refusals };
}

describe('one phone token', () => {
  it('opens a few meeting sockets, not 150, and a closed one frees its place', async () => {
    const { session } = await live();
    const token = await joinAsPhone(server.url, session.joinCode as string, 'SENCO A');
    const { admitted, refusals } = await openMany(server.url, { token }, 150);
    expect(admitted).toHaveLength(MEETING_SETTINGS.socketsPerParticipant);
    expect(refusals).toHaveLength(150 - MEETING_SETTINGS.socketsPerParticipant);
    expect(new Set(refusals)).toEqual(new Set(['too_many_connections']));

    // The slack is for a phone that reconnects: once one of its sockets goes, a new one gets in.
    const leaving = admitted[0] as MeetingClient;
    await facilitatorSees(session.id, () => leaving.close());
    const again = await connect(server.url, { token });
    open.push(again);
    expect(again.state.status).toBe('live');
  });

  it('keeps a flood of cards over several sockets within the one participant’s budget', async () => {
    const { session, facilitator, card } = await live();
    const token = await joinAsPhone(server.url, session.joinCode as string, 'SENCO A');
    const { admitted } = await openMany(server.url, { token }, 10);
    const acks: CommandAck[] = await Promise.all(
      admitted.flatMap((socket, s) =>
        Array.from({ length: 30 }, (_, i) => socket.send(card(`Flood card ${s}-${i}`), 10_000)),
      ),
    );
    const accepted = acks.filter((ack) => ack.ok).length;
    expect(accepted).toBe(MEETING_SETTINGS.cards.limit);
    expect(acks.filter((ack) => !ack.ok && ack.code === 'rate_limited').length).toBe(acks.length - accepted);
    await facilitator.until((state) => state.cards.length === accepted);

    // Every command counts against the person, whatever it is and whichever socket it comes on.
    const other = await joinAsPhone(server.url, session.joinCode as string, 'SENCO B');
    const phones = (await openMany(server.url, { token: other }, 3)).admitted;
    const forbidden = await Promise.all(
      phones.flatMap((socket) => Array.from({ length: 20 }, () => socket.send({ type: 'stage.next' }))),
    );
    expect(forbidden.filter((ack) => !ack.ok && ack.code === 'forbidden')).toHaveLength(
      MEETING_SETTINGS.commands.limit,
    );
    // The EP is held to their own budget only: the flood does not stop the console.
    expect((await facilitator.send({ type: 'timer.start' })).ok).toBe(true);
  });
});

describe('a session with a long log', () => {
  // Filling a session takes thousands of commands: this server lets the console send them quickly.
  let big: Awaited<ReturnType<typeof startTestServer>>;
  let full: Awaited<ReturnType<typeof live>>;
  let token: string;

  /** A live session whose console added the cap's worth of 1,000-character cards (about 2 MB of log). */
  beforeAll(async () => {
    big = await startTestServer(undefined, { meeting: { commands: { limit: 1_000_000, windowMs: 1000 } } });
    const bigWorld = await buildWorld(big.url);
    full = await live(big, bigWorld.north.ep, bigWorld);
    const text = (i: number) => `Card ${i} `.padEnd(LIMITS.cardText.max, 'x');
    for (let batch = 0; batch < LIMITS.cardsPerSession; batch += 200) {
      const acks = await Promise.all(
        Array.from({ length: 200 }, (_, i) => full.facilitator.send(full.card(text(batch + i)), 30_000)),
      );
      if (!acks.every((ack) => ack.ok)) throw new Error('could not fill the session');
    }
    await full.facilitator.until((state) => state.cards.length === LIMITS.cardsPerSession, 30_000);
    token = await joinAsPhone(big.url, full.session.joinCode as string, 'SENCO A');
  });
  afterAll(async () => {
    full.facilitator.close();
    await big.close();
  });

  it('lets hidden cards make room under the 2,000-card cap', async () => {
    const { facilitator, card } = full;
    const phone = await connect(big.url, { token });
    open.push(phone);
    expect(await phone.send(card('One card too many'))).toMatchObject({ ok: false, code: 'too_many_cards' });
    const cardId = facilitator.state.cards[0]?.id as string;
    expect((await facilitator.send({ type: 'card.hide', cardId, hidden: true })).ok).toBe(true);
    expect(await phone.send(card('Room for this one now'))).toMatchObject({ ok: true });
    expect(await phone.send(card('But not for another'))).toMatchObject({ ok: false, code: 'too_many_cards' });
  });

  it('welcomes a phone with the first page of the log, and it asks for the rest a page at a time', async () => {
    const { facilitator } = full;
    // A phone joining now is welcomed with the first page, asks for the rest, and ends up with the console's state.
    const reader = await connect(big.url, { token });
    open.push(reader);
    expect(reader.welcomes[0]?.more).toBe(true);
    expect(reader.welcomes[0]?.events.length).toBeLessThanOrEqual(REPLAY_PAGE.events);
    expect(await reader.catchUpToEnd()).toBeGreaterThan(1);
    expect(reader.state.seq).toBe(facilitator.state.seq);
    // Only the console is sent who added each card (item 2 of issue 9); phones have the rest alike.
    const seen = (cards: typeof facilitator.state.cards) =>
      cards.filter((c) => !c.hidden).map(({ authorId: _authorId, ...card }) => card);
    expect(seen(reader.state.cards)).toEqual(seen(facilitator.state.cards));
  });

  it('answers 60 catch-ups from 0 within a budget of pages, with health answering fast throughout', async () => {
    // The attack of the issue: 60 catch-ups from 0 over the phone's sockets, with health polled throughout.
    const sockets = (await openMany(big.url, { token }, 3)).admitted;
    const healthMs: number[] = [];
    let flooding = true;
    const poll = (async () => {
      while (flooding) {
        const start = performance.now();
        await fetch(`${big.url}/api/health`);
        healthMs.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    let bytes = 0;
    const answers = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const answer = await (sockets[i % sockets.length] as MeetingClient).catchUp(0);
        bytes += Buffer.byteLength(JSON.stringify(answer));
        return answer;
      }),
    );
    flooding = false;
    await poll;
    const served = answers.filter((answer) => answer.ok);
    expect(served.length).toBeLessThanOrEqual(MEETING_SETTINGS.catchUps.limit);
    expect(answers.filter((answer) => !answer.ok && answer.code === 'rate_limited').length).toBe(60 - served.length);
    for (const answer of served) expect(answer.ok && answer.events.length).toBeLessThanOrEqual(REPLAY_PAGE.events);
    // Before: 60 × the whole 2 MB log, over 120 MB. Now at most the budget's worth of pages.
    expect(bytes).toBeLessThan(MEETING_SETTINGS.catchUps.limit * REPLAY_PAGE.bytes * 1.2);
    expect(Math.max(...healthMs)).toBeLessThan(200);
  });
});
