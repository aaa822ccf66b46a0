import { cardsOfStage, currentStage, LIMITS, type SessionView } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, joinAsPhone } from './helpers/http.js';
import { commandId, connect, MeetingClient } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

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

/** A live session with its console, its projector and two phones connected. */
async function room(overrides: Parameters<typeof buildSession>[1] = {}) {
  const session = await buildSession(world, overrides);
  const cookie = ep.cookie as string;
  const facilitator = await connect(server.url, { sessionId: session.id, role: 'facilitator' }, { cookie });
  const projector = await connect(server.url, { sessionId: session.id, role: 'projector' }, { cookie });
  const phoneA = await connect(server.url, {
    token: await joinAsPhone(server.url, session.joinCode as string, 'SENCO A'),
  });
  const phoneB = await connect(server.url, {
    token: await joinAsPhone(server.url, session.joinCode as string, 'SENCO B'),
  });
  open.push(facilitator, projector, phoneA, phoneB);
  return { session, facilitator, projector, phoneA, phoneB };
}

async function goToStage(facilitator: MeetingClient, stageId: string) {
  while (currentStage(facilitator.state)?.id !== stageId) {
    const ack = await facilitator.send({ type: 'stage.next' });
    if (!ack.ok) throw new Error(ack.code);
  }
}

describe('the command path', () => {
  it('welcomes every screen with the session so far and its join details for the room', async () => {
    const { session, facilitator, projector, phoneA } = await room();
    expect(facilitator.state.status).toBe('live');
    expect(facilitator.state.cases.map((c) => c.reference)).toEqual(['J5M', 'Year 3 transition']);
    expect(projector.welcomes[0]?.join).toEqual({ code: session.joinCode, url: session.joinUrl });
    expect(phoneA.welcomes[0]?.join).toBeNull();
    expect(phoneA.welcomes[0]?.role).toBe('participant');
    expect(Math.abs((phoneA.welcomes[0]?.serverNow ?? 0) - Date.now())).toBeLessThan(5000);
  });

  it('moves every screen through the stages, and each screen folds the same state', async () => {
    const { facilitator, projector, phoneA, phoneB } = await room();
    const names: string[] = [];
    for (;;) {
      names.push(currentStage(facilitator.state)?.name ?? '');
      const ack = await facilitator.send({ type: 'stage.next' });
      if (!ack.ok) {
        expect(ack.code).toBe('at_last_stage');
        break;
      }
      // Arriving at the Action plan stage also drafts the case's plan: one more event straight after.
      const drafted = currentStage(facilitator.state)?.id === 'action-plan' ? 1 : 0;
      expect(facilitator.state.seq).toBe(ack.seq + drafted);
      expect(facilitator.received.find((event) => event.seq === ack.seq)?.type).toBe('stage.changed');
    }
    expect(names).toEqual([
      'Preparation',
      'Current situation',
      'Clarifying questions',
      'Desired situation',
      'Strategies and resources',
      'Feedback',
      'Action plan',
    ]);
    const seq = facilitator.state.seq;
    for (const screen of [projector, phoneA, phoneB]) {
      await screen.until((state) => state.seq === seq);
      expect(screen.state).toEqual(facilitator.state);
    }
    expect((await facilitator.send({ type: 'stage.previous' })).ok).toBe(true);
    await phoneA.until((state) => state.seq === seq + 1);
    expect(currentStage(phoneA.state)?.name).toBe('Feedback');
  });

  it('broadcasts a phone card to every screen, with its author, and marks it helpful in Feedback', async () => {
    const { facilitator, projector, phoneA, phoneB } = await room();
    await goToStage(facilitator, 'strategies-and-resources');
    const caseId = facilitator.state.cases[0]?.id as string;
    const ack = await phoneA.send({
      type: 'card.add',
      caseId,
      stageId: 'strategies-and-resources',
      kind: 'strategy',
      text: '  Visual timetable at the start of each day  ',
    });
    expect(ack).toMatchObject({ ok: true, duplicate: false });
    for (const screen of [facilitator, projector, phoneB]) {
      await screen.until((state) => state.cards.length === 1);
      expect(cardsOfStage(screen.state, 'strategies-and-resources')[0]).toMatchObject({
        text: 'Visual timetable at the start of each day',
        author: 'SENCO A',
        kind: 'strategy',
        helpful: false,
      });
    }
    const cardId = facilitator.state.cards[0]?.id as string;
    await goToStage(facilitator, 'feedback');
    expect((await facilitator.send({ type: 'card.helpful', cardId, helpful: true })).ok).toBe(true);
    expect((await facilitator.send({ type: 'card.spotlight', cardId })).ok).toBe(true);
    await projector.until((state) => state.spotlightCardId === cardId);
    expect(projector.state.cards[0]?.helpful).toBe(true);
    expect((await facilitator.send({ type: 'card.hide', cardId, hidden: true })).ok).toBe(true);
    await phoneB.until((state) => state.cards[0]?.hidden === true);
    expect(phoneB.state.spotlightCardId).toBeNull();
  });

  it('runs the timer from an end time set by the server, paused and extended', async () => {
    const { facilitator, phoneA } = await room();
    const suggested = 5 * 60_000;
    expect(facilitator.state.timer).toEqual({ status: 'stopped', remainingMs: suggested });
    const before = Date.now();
    expect((await facilitator.send({ type: 'timer.start' })).ok).toBe(true);
    await phoneA.until((state) => state.timer.status === 'running');
    const timer = phoneA.state.timer as { status: 'running'; endsAt: number };
    expect(timer.endsAt).toBeGreaterThanOrEqual(before + suggested);
    expect(timer.endsAt).toBeLessThanOrEqual(Date.now() + suggested);
    expect((await facilitator.send({ type: 'timer.start' })).ok).toBe(false);
    expect((await facilitator.send({ type: 'timer.extend' })).ok).toBe(true);
    await phoneA.until((state) => state.timer.status === 'running' && state.timer.endsAt >= timer.endsAt + 119_000);
    expect((await facilitator.send({ type: 'timer.pause' })).ok).toBe(true);
    await phoneA.until((state) => state.timer.status === 'stopped');
    const paused = phoneA.state.timer as { status: 'stopped'; remainingMs: number };
    expect(paused.remainingMs).toBeGreaterThan(suggested + 110_000);
    expect(paused.remainingMs).toBeLessThanOrEqual(suggested + 120_000);
  });

  it('moves to the next case at its first stage, and refuses past the last', async () => {
    const { facilitator } = await room();
    await goToStage(facilitator, 'feedback');
    expect((await facilitator.send({ type: 'case.next' })).ok).toBe(true);
    expect(facilitator.state.caseIndex).toBe(1);
    expect(currentStage(facilitator.state)?.id).toBe('preparation');
    expect(await facilitator.send({ type: 'case.next' })).toMatchObject({ ok: false, code: 'no_next_case' });
  });

  it('shows who is connected, and who has left', async () => {
    const { facilitator, phoneB } = await room();
    await facilitator.until(() => facilitator.people.length === 4);
    expect(facilitator.people.map((p) => `${p.role}:${p.name}`).sort()).toEqual([
      'facilitator:EP North',
      'participant:SENCO A',
      'participant:SENCO B',
      'projector:Projector',
    ]);
    phoneB.close();
    await facilitator.until(() => facilitator.people.length === 3);
  });
});

describe('refusals change nothing', () => {
  it('refuses commands a role may not send, unknown commands and wrong shapes, with clear codes', async () => {
    const { facilitator, projector, phoneA } = await room();
    await goToStage(facilitator, 'clarifying-questions');
    const caseId = facilitator.state.cases[0]?.id as string;
    const seq = facilitator.state.seq;
    const card = {
      type: 'card.add' as const,
      caseId,
      stageId: 'clarifying-questions',
      kind: 'question' as const,
      text: 'What helps?',
    };

    expect(await phoneA.send({ type: 'stage.next' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await phoneA.send({ type: 'session.end' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await projector.send(card)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await projector.send({ type: 'stage.next' })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await phoneA.sendRaw({ id: commandId(), type: 'stage.jump' })).toMatchObject({
      ok: false,
      code: 'unknown_command',
    });
    expect(await phoneA.sendRaw('stage.next')).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await phoneA.sendRaw(null)).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await phoneA.sendRaw({ ...card, id: 'x' })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await phoneA.sendRaw({ ...card, id: commandId(), text: 42 })).toMatchObject({ code: 'invalid_payload' });
    expect(await phoneA.sendRaw({ ...card, id: commandId(), extra: 1 })).toMatchObject({ code: 'invalid_payload' });
    expect(await phoneA.send({ ...card, text: '   ' })).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(await phoneA.send({ ...card, text: 'x'.repeat(LIMITS.cardText.max + 1) })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    expect(await phoneA.send({ ...card, kind: 'strategy' })).toMatchObject({
      ok: false,
      code: 'stage_takes_no_such_card',
    });
    expect(await phoneA.send({ ...card, caseId: 'another-case' })).toMatchObject({ ok: false, code: 'no_such_case' });
    expect(await facilitator.send({ type: 'card.hide', cardId: 'nope', hidden: true })).toMatchObject({
      code: 'no_such_card',
    });

    const accepted = await phoneA.send({ ...card, text: 'x'.repeat(LIMITS.cardText.max) });
    expect(accepted.ok).toBe(true);
    expect(accepted.ok && accepted.seq).toBe(seq + 1);
    await phoneA.until((state) => state.seq === seq + 1);
  });

  it('closes a connection that sends a message over 64 KB, and the rest of the room carries on', async () => {
    const { facilitator, phoneA, phoneB } = await room();
    const closed = new Promise<string>((resolve) => phoneA.socket.on('disconnect', (reason) => resolve(reason)));
    (phoneA.socket as any).emit('command', { id: commandId(), type: 'card.add', text: 'x'.repeat(100_000) });
    expect(await closed).toBe('transport close');
    expect((await facilitator.send({ type: 'stage.next' })).ok).toBe(true);
    await phoneB.until((state) => state.stageIndex === 1);
  });

  it('refuses a flood of commands from one socket', async () => {
    const { phoneA } = await room();
    const acks = await Promise.all(Array.from({ length: 45 }, () => phoneA.send({ type: 'stage.next' })));
    expect(acks.filter((ack) => !ack.ok && ack.code === 'rate_limited').length).toBeGreaterThan(0);
  });
});

describe('retries and reconnects', () => {
  it('applies a retried command once, and answers the retry like the first', async () => {
    const { facilitator, phoneA, phoneB } = await room();
    await goToStage(facilitator, 'strategies-and-resources');
    const caseId = facilitator.state.cases[0]?.id as string;
    const command = {
      id: commandId(),
      type: 'card.add' as const,
      caseId,
      stageId: 'strategies-and-resources',
      kind: 'resource' as const,
      text: 'Local autism outreach team',
    };
    const first = await phoneA.send(command);
    const retry = await phoneA.send(command);
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(retry).toMatchObject({ ok: true, duplicate: true, seq: first.ok ? first.seq : -1 });
    await phoneB.until((state) => state.cards.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(phoneB.state.cards).toHaveLength(1);
    expect(phoneB.received.filter((event) => event.type === 'card.added')).toHaveLength(1);
  });

  it('sends a reconnecting client exactly the events it missed', async () => {
    const { session, facilitator, phoneA } = await room();
    const seenBefore = phoneA.state.seq;
    phoneA.close();
    for (let i = 0; i < 3; i++) expect((await facilitator.send({ type: 'stage.next' })).ok).toBe(true);
    phoneA.socket.connect();
    const welcome = await phoneA.ready();
    expect(welcome.events.map((event) => event.seq)).toEqual([seenBefore + 1, seenBefore + 2, seenBefore + 3]);
    expect(phoneA.state).toEqual(facilitator.state);
    expect(session.id).toBe(welcome.sessionId);
  });

  it('fills a gap on request (catch-up)', async () => {
    const { facilitator, phoneA } = await room();
    await facilitator.send({ type: 'stage.next' });
    const result = await phoneA.catchUp(0);
    expect(result.ok && result.events.map((event) => event.seq)).toEqual([1, 2]);
    expect(await (phoneA.socket.timeout(2000) as any).emitWithAck('catchUp', { after: -1 })).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
  });
});

describe('who may connect', () => {
  it('refuses a socket without credentials, with a bad token, or from another account', async () => {
    const session = await buildSession(world);
    await expect(connect(server.url, { token: 'not-a-token' })).rejects.toMatchObject({
      data: { code: 'unauthenticated' },
    });
    await expect(connect(server.url, { sessionId: session.id, role: 'facilitator' })).rejects.toMatchObject({
      data: { code: 'unauthenticated' },
    });
    await expect(
      connect(server.url, { sessionId: 'no-such-session', role: 'facilitator' }, { cookie: ep.cookie }),
    ).rejects.toMatchObject({ data: { code: 'forbidden' } });
    const wrongProtocol = new MeetingClient(server.url, { token: 'x' });
    wrongProtocol.socket.auth = { protocol: 99, lastSeq: 0, token: 'x' };
    wrongProtocol.socket.connect();
    await expect(wrongProtocol.ready()).rejects.toMatchObject({ data: { code: 'protocol_mismatch' } });
    wrongProtocol.close();
  });

  it('refuses a browser socket from another site', async () => {
    const session: SessionView = await buildSession(world);
    const { io } = await import('socket.io-client');
    const socket = io(server.url, {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { origin: 'https://evil.example', cookie: ep.cookie as string },
      auth: { protocol: 1, lastSeq: 0, sessionId: session.id, role: 'facilitator' },
    });
    const outcome = await new Promise<string>((resolve) => {
      socket.on('connect', () => resolve('connected'));
      socket.on('connect_error', () => resolve('refused'));
    });
    socket.close();
    expect(outcome).toBe('refused');
  });

  it('ends the session: phones are told, then dropped, and their tokens stop working', async () => {
    const { session, facilitator, projector, phoneA } = await room();
    const dropped = new Promise<void>((resolve) => phoneA.socket.on('disconnect', () => resolve()));
    expect((await facilitator.send({ type: 'session.end' })).ok).toBe(true);
    await dropped;
    expect(phoneA.state.status).toBe('ended');
    await projector.until((state) => state.status === 'ended');
    phoneA.socket.connect();
    await expect(phoneA.ready()).rejects.toMatchObject({ data: { code: 'session_not_live' } });
    expect(await facilitator.send({ type: 'stage.next' })).toMatchObject({ ok: false, code: 'session_not_live' });
    const rejoin = await fetch(`${server.url}/api/join`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: session.joinCode, name: 'Late SENCO' }),
    });
    expect(rejoin.status).toBe(404);
    expect((await ep.get(`/api/sessions/${session.id}`)).json.session.status).toBe('ended');
  });

  it('lets a projector watch a session before it starts, and sees it start', async () => {
    const session = await buildSession(world, { start: false });
    const projector = await connect(server.url, { sessionId: session.id, role: 'projector' }, { cookie: ep.cookie });
    open.push(projector);
    expect(projector.state.status).toBe('waiting');
    await ep.post(`/api/sessions/${session.id}/start`);
    await projector.until((state) => state.status === 'live');
  });
});
