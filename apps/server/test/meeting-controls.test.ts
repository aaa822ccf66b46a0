import { cardsOfStage, currentCase, currentStage, type MeetingState } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { joinAsPhone } from './helpers/http.js';
import { connect, type MeetingClient } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 9, item 4 and "Show join code": controls that forgive a slip (Previous case, Go to a case, Merge, Unmerge)
 * and the board's join panel, as commands through the one reducer, sent by the EP's console only.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
const open: MeetingClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
});
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});
afterAll(async () => {
  await server.close();
});

async function room() {
  const session = await buildSession(world, { cases: ['J5M', 'K2F', 'T3M'] });
  const cookie = world.north.ep.cookie as string;
  const facilitator = await connect(server.url, { sessionId: session.id, role: 'facilitator' }, { cookie });
  const projector = await connect(server.url, { sessionId: session.id, role: 'projector' }, { cookie });
  const phoneA = await connect(server.url, {
    token: await joinAsPhone(server.url, session.joinCode as string, 'SENCO A'),
  });
  const phoneB = await connect(server.url, {
    token: await joinAsPhone(server.url, session.joinCode as string, 'SENCO B'),
  });
  open.push(facilitator, projector, phoneA, phoneB);
  const caseIds = session.cases.map((listed) => listed.id);
  return { facilitator, projector, phoneA, phoneB, caseIds, screens: [facilitator, projector, phoneA, phoneB] };
}

async function forward(facilitator: MeetingClient, stages: number) {
  for (let i = 0; i < stages; i++) expect(await facilitator.send({ type: 'stage.next' })).toMatchObject({ ok: true });
}

function seenEverywhere(screens: MeetingClient[], seq: number, check: (state: MeetingState) => boolean) {
  return Promise.all(screens.map((screen) => screen.until((state) => state.seq >= seq && check(state))));
}

describe('Previous case and Go to a case', () => {
  it('reopens a case where it was left, with its cards, on every screen', async () => {
    const { facilitator, phoneA, caseIds, screens } = await room();
    await forward(facilitator, 2);
    expect(
      await phoneA.send({
        type: 'card.add',
        caseId: caseIds[0] as string,
        stageId: 'clarifying-questions',
        kind: 'question',
        text: 'What helps at lunchtime?',
      }),
    ).toMatchObject({ ok: true });
    await forward(facilitator, 2);
    expect(await facilitator.send({ type: 'case.next' })).toMatchObject({ ok: true });
    const back = await facilitator.send({ type: 'case.previous' });
    expect(back).toMatchObject({ ok: true });
    const states = await seenEverywhere(screens, back.ok ? back.seq : 0, () => true);
    for (const state of states) {
      expect(currentCase(state)?.reference).toBe('J5M');
      expect(currentStage(state)?.name).toBe('Strategies and resources');
      expect(cardsOfStage(state, 'clarifying-questions').map((card) => card.text)).toEqual([
        'What helps at lunchtime?',
      ]);
    }
    const jump = await facilitator.send({ type: 'case.goTo', caseId: caseIds[2] as string });
    expect(jump).toMatchObject({ ok: true });
    for (const state of await seenEverywhere(screens, jump.ok ? jump.seq : 0, () => true)) {
      expect(currentCase(state)?.reference).toBe('T3M');
      expect(state.stageIndex).toBe(0);
    }
  });

  it('is the console’s alone: a phone or the board going to a case is refused and nothing moves', async () => {
    const { facilitator, projector, phoneA, caseIds } = await room();
    expect(await facilitator.send({ type: 'case.next' })).toMatchObject({ ok: true });
    const seq = (await facilitator.until((state) => state.caseIndex === 1)).seq;
    for (const screen of [phoneA, projector]) {
      expect(await screen.send({ type: 'case.previous' })).toMatchObject({ ok: false, code: 'forbidden' });
      expect(await screen.send({ type: 'case.goTo', caseId: caseIds[2] as string })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(await facilitator.send({ type: 'case.goTo', caseId: 'no-such-case' })).toMatchObject({
      ok: false,
      code: 'no_such_case',
    });
    expect(await facilitator.send({ type: 'case.goTo', caseId: caseIds[1] as string })).toMatchObject({
      ok: false,
      code: 'already_current_case',
    });
    expect(
      await facilitator.send({ type: 'case.goTo', caseId: caseIds[1] as string, extra: 1 } as never),
    ).toMatchObject({
      ok: false,
      code: 'invalid_payload',
    });
    expect(facilitator.state.seq).toBe(seq);
    expect(facilitator.state.caseIndex).toBe(1);
  });
});

describe('Merge and Unmerge', () => {
  async function twoCards() {
    const built = await room();
    await forward(built.facilitator, 4);
    const add = (phone: MeetingClient, text: string) =>
      phone.send({
        type: 'card.add',
        caseId: built.caseIds[0] as string,
        stageId: 'strategies-and-resources',
        kind: 'strategy',
        text,
      });
    const first = await add(built.phoneA, 'Visual timetable for transitions');
    const second = await add(built.phoneB, 'A visual timetable at each change of lesson');
    expect([first.ok, second.ok]).toEqual([true, true]);
    const state = await built.facilitator.until((now) => now.cards.length === 2);
    const [into, merged] = state.cards.map((card) => card.id) as [string, string];
    return { ...built, into, merged };
  }

  it('shows one card with both texts on every screen, and Unmerge gives both back', async () => {
    const { facilitator, screens, into, merged } = await twoCards();
    const ack = await facilitator.send({ type: 'card.merge', cardId: merged, intoCardId: into });
    expect(ack).toMatchObject({ ok: true });
    for (const state of await seenEverywhere(screens, ack.ok ? ack.seq : 0, () => true)) {
      const shown = cardsOfStage(state, 'strategies-and-resources');
      expect(shown.map((card) => [card.text, card.merged?.map((part) => part.text)])).toEqual([
        ['Visual timetable for transitions', ['A visual timetable at each change of lesson']],
      ]);
    }
    const undo = await facilitator.send({ type: 'card.unmerge', cardId: merged });
    expect(undo).toMatchObject({ ok: true });
    for (const state of await seenEverywhere(screens, undo.ok ? undo.seq : 0, () => true))
      expect(cardsOfStage(state, 'strategies-and-resources')).toHaveLength(2);
  });

  it('is refused to a phone and to the board, and for a hidden card, changing nothing', async () => {
    const { facilitator, projector, phoneA, into, merged } = await twoCards();
    for (const screen of [phoneA, projector]) {
      expect(await screen.send({ type: 'card.merge', cardId: merged, intoCardId: into })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
      expect(await screen.send({ type: 'card.unmerge', cardId: merged })).toMatchObject({
        ok: false,
        code: 'forbidden',
      });
    }
    expect(await facilitator.send({ type: 'card.unmerge', cardId: merged })).toMatchObject({ code: 'card_not_merged' });
    expect(await facilitator.send({ type: 'card.hide', cardId: merged, hidden: true })).toMatchObject({ ok: true });
    expect(await facilitator.send({ type: 'card.merge', cardId: merged, intoCardId: into })).toMatchObject({
      ok: false,
      code: 'no_such_card',
    });
    const seq = facilitator.state.seq;
    await phoneA.until((state) => state.seq >= seq);
    expect(phoneA.state.cards.every((card) => card.mergedInto === undefined)).toBe(true);
    expect(JSON.stringify(phoneA.state)).not.toContain('each change of lesson');
  });
});

describe('Show join code', () => {
  it('is folded into every screen’s state, and is the console’s alone', async () => {
    const { facilitator, projector, phoneA, screens } = await room();
    for (const screen of [phoneA, projector])
      expect(await screen.send({ type: 'join.show', shown: true })).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await facilitator.send({ type: 'join.show', shown: 'yes' } as never)).toMatchObject({
      code: 'invalid_payload',
    });
    const ack = await facilitator.send({ type: 'join.show', shown: true });
    expect(ack).toMatchObject({ ok: true });
    for (const state of await seenEverywhere(screens, ack.ok ? ack.seq : 0, () => true))
      expect(state.joinShown).toBe(true);
  });
});
