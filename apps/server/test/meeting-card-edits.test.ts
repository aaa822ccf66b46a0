import { cardsOfStage } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { joinAsPhone } from './helpers/http.js';
import { connect, type MeetingClient } from './helpers/sockets.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

// Item 2 of issue 9: a person edits or withdraws their own card until the stage moves on; every screen follows,
// and nobody else may (a crafted command from another phone, the projector, or after the stage moved on).

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

/** A live session at Clarifying questions: the EP, the board, SENCO A (with one card) and SENCO B. */
async function roomWithCardOfA() {
  const session = await buildSession(world);
  const code = session.joinCode as string;
  const ep = world.north.ep;
  const facilitator = await connect(server.url, { sessionId: session.id, role: 'facilitator' }, { cookie: ep.cookie });
  const projector = await connect(server.url, { sessionId: session.id, role: 'projector' }, { cookie: ep.cookie });
  const a = await connect(server.url, { token: await joinAsPhone(server.url, code, 'SENCO A') });
  const b = await connect(server.url, { token: await joinAsPhone(server.url, code, 'SENCO B') });
  open.push(facilitator, projector, a, b);
  for (let i = 0; i < 2; i++) await facilitator.send({ type: 'stage.next' });
  const caseId = facilitator.state.cases[0]?.id as string;
  const cardId = 'card-of-senco-a-0001';
  const added = await a.send({
    id: cardId,
    type: 'card.add',
    caseId,
    stageId: 'clarifying-questions',
    kind: 'question',
    text: 'What helps at lunchtime?',
  });
  expect(added).toMatchObject({ ok: true });
  for (const client of [facilitator, projector, a, b]) await client.until((state) => state.cards.length === 1);
  return { session, code, facilitator, projector, a, b, cardId, caseId };
}

const stageCards = (client: MeetingClient) => cardsOfStage(client.state, 'clarifying-questions');

describe('Edit and Withdraw of a card', () => {
  it('lets the author edit: every screen shows the new text, and the console sees it marked edited', async () => {
    const { facilitator, projector, a, b, cardId } = await roomWithCardOfA();
    expect(await a.send({ type: 'card.edit', cardId, text: 'What helps at break time?' })).toMatchObject({ ok: true });
    for (const client of [facilitator, projector, a, b]) {
      await client.until((state) => state.cards[0]?.text === 'What helps at break time?');
      expect(stageCards(client)[0]).toMatchObject({ text: 'What helps at break time?', edited: true });
    }
    // Only the console is told who wrote it.
    expect(facilitator.state.cards[0]?.authorId).toBeTruthy();
    for (const client of [projector, a, b]) expect(client.state.cards[0]?.authorId).toBeUndefined();
  });

  it('lets the author withdraw: the card leaves every screen and does not count against the cap', async () => {
    const { facilitator, projector, a, b, cardId, code } = await roomWithCardOfA();
    expect(await a.send({ type: 'card.withdraw', cardId })).toMatchObject({ ok: true });
    for (const client of [facilitator, projector, a, b]) {
      await client.until((state) => state.cards[0]?.withdrawn === true);
      expect(cardsOfStage(client.state, 'clarifying-questions', { includeHidden: true })).toEqual([]);
    }
    // A phone that joins later is not sent the withdrawn words at all.
    const late = await connect(server.url, { token: await joinAsPhone(server.url, code, 'SENCO C') });
    open.push(late);
    expect(late.sawText('lunchtime')).toBe(false);
  });

  it("refuses a crafted edit or withdrawal of another person's card, and changes nothing", async () => {
    const { facilitator, a, b, cardId } = await roomWithCardOfA();
    const seq = facilitator.state.seq;
    expect(await b.send({ type: 'card.edit', cardId, text: 'Not yours' })).toMatchObject({
      ok: false,
      code: 'not_your_card',
    });
    expect(await b.send({ type: 'card.withdraw', cardId })).toMatchObject({ ok: false, code: 'not_your_card' });
    // The EP's console may hide the card, but not put words in its author's mouth.
    expect(await facilitator.send({ type: 'card.edit', cardId, text: 'Not yours' })).toMatchObject({
      code: 'not_your_card',
    });
    expect(facilitator.state.seq).toBe(seq);
    expect(a.state.cards[0]).toMatchObject({ text: 'What helps at lunchtime?' });
    expect(a.state.cards[0]?.edited).toBeUndefined();
  });

  it('refuses the projector', async () => {
    const { projector, cardId } = await roomWithCardOfA();
    expect(await projector.send({ type: 'card.edit', cardId, text: 'From the board' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(await projector.send({ type: 'card.withdraw', cardId })).toMatchObject({ code: 'forbidden' });
  });

  it('refuses the author once the stage has moved on', async () => {
    const { facilitator, a, cardId } = await roomWithCardOfA();
    await facilitator.send({ type: 'stage.next' });
    await a.until((state) => state.stageIndex === 3);
    expect(await a.send({ type: 'card.edit', cardId, text: 'Too late' })).toMatchObject({
      ok: false,
      code: 'card_stage_closed',
    });
    expect(await a.send({ type: 'card.withdraw', cardId })).toMatchObject({ ok: false, code: 'card_stage_closed' });
  });

  it('refuses an edit longer than a card, never cutting it', async () => {
    const { a, cardId } = await roomWithCardOfA();
    const refused = await a.send({ type: 'card.edit', cardId, text: 'x'.repeat(1001) });
    expect(refused).toMatchObject({ ok: false, code: 'invalid_payload' });
    expect(a.state.cards[0]?.text).toBe('What helps at lunchtime?');
  });

  it('never sends the edited text of a card the EP has hidden since to a phone or the board', async () => {
    const { session, facilitator, a, cardId, code } = await roomWithCardOfA();
    expect(await a.send({ type: 'card.edit', cardId, text: 'Edited marker 4TQ' })).toMatchObject({ ok: true });
    await facilitator.until((state) => state.cards[0]?.edited === true);
    expect(await facilitator.send({ type: 'card.hide', cardId, hidden: true })).toMatchObject({ ok: true });
    const late = await connect(server.url, { token: await joinAsPhone(server.url, code, 'SENCO D') });
    const board = await connect(
      server.url,
      { sessionId: session.id, role: 'projector' },
      { cookie: world.north.ep.cookie },
    );
    open.push(late, board);
    for (const client of [late, board]) {
      expect(client.sawText('Edited marker 4TQ')).toBe(false);
      expect(client.state.cards[0]).toMatchObject({ hidden: true, text: '', redacted: true, edited: true });
    }
    // The log keeps the edit whole.
    const db = openTestStore(server.dataDir).db;
    try {
      const row = db
        .prepare("SELECT body FROM meeting_events WHERE session_id = ? AND type = 'card.edited'")
        .get(session.id) as { body: string };
      expect(row.body).toContain('Edited marker 4TQ');
    } finally {
      db.close();
    }
  });
});
