import { cardsOfStage } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, joinAsPhone } from './helpers/http.js';
import { connect, type MeetingClient } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 8, item 4: a hidden card's text reaches only the EP's console. The marker stands for the kind of text an
 * EP hides (made up, and with nothing the privacy guard would hold back: this test is about hiding, not holding).
 */
const MARKER = 'Marker 9XQ quiet corner at ZZ9 lunch';

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

/** A live session at Clarifying questions in which a phone added the marker card and the EP hid it. */
async function hiddenMarker() {
  const session = await buildSession(world);
  const code = session.joinCode as string;
  const facilitator = await connect(server.url, { sessionId: session.id, role: 'facilitator' }, { cookie: ep.cookie });
  const author = await connect(server.url, { token: await joinAsPhone(server.url, code, 'SENCO A') });
  const watching = await connect(server.url, { token: await joinAsPhone(server.url, code, 'SENCO B') });
  open.push(facilitator, author, watching);
  for (let i = 0; i < 2; i++) await facilitator.send({ type: 'stage.next' });
  const caseId = facilitator.state.cases[0]?.id as string;
  const card = { type: 'card.add', caseId, stageId: 'clarifying-questions', kind: 'question' } as const;
  expect((await author.send({ ...card, text: 'What helps at lunchtime?' })).ok).toBe(true);
  const added = await author.send({ ...card, text: MARKER });
  if (!added.ok) throw new Error(added.code);
  await facilitator.until((state) => state.cards.length === 2);
  const cardId = facilitator.state.cards[1]?.id as string;
  await watching.until((state) => state.cards.length === 2);
  expect((await facilitator.send({ type: 'card.hide', cardId, hidden: true })).ok).toBe(true);
  return { session, code, facilitator, author, watching, cardId, caseId, card };
}

describe('a hidden card', () => {
  it('reaches a phone that joins later nowhere: not in its welcome, not in catch-up, not live', async () => {
    const { code, facilitator, cardId, card } = await hiddenMarker();
    const late = await connect(server.url, { token: await joinAsPhone(server.url, code, 'SENCO C') });
    open.push(late);
    const cardOnPhone = late.state.cards.find((candidate) => candidate.id === cardId);
    expect(cardOnPhone).toMatchObject({ hidden: true, text: '', redacted: true });
    expect(cardsOfStage(late.state, 'clarifying-questions').map((c) => c.text)).toEqual(['What helps at lunchtime?']);

    const replay = await late.catchUp(0);
    expect(replay.ok && replay.events.length).toBeGreaterThan(3);
    // Live traffic goes on around the hidden card: another card, a spotlight, another hide.
    expect((await facilitator.send({ ...card, text: 'Visual timetable?' })).ok).toBe(true);
    const visible = facilitator.state.cards[0]?.id as string;
    expect((await facilitator.send({ type: 'card.spotlight', cardId: visible })).ok).toBe(true);
    expect((await facilitator.send({ type: 'card.hide', cardId, hidden: true })).ok).toBe(true);
    await late.until((state) => state.seq === facilitator.state.seq);

    expect(late.sawText(MARKER)).toBe(false);
    expect(facilitator.sawText(MARKER)).toBe(true);
    expect(JSON.stringify(replay)).not.toContain(MARKER);
    // The console still has it, to show the EP what was hidden.
    expect(facilitator.state.cards.find((c) => c.id === cardId)?.text).toBe(MARKER);
    const consoleReplay = await facilitator.catchUp(0);
    expect(JSON.stringify(consoleReplay)).toContain(MARKER);
  });

  it('never reaches the projector, which connects after the hide', async () => {
    const { session, cardId } = await hiddenMarker();
    const projector = await connect(server.url, { sessionId: session.id, role: 'projector' }, { cookie: ep.cookie });
    open.push(projector);
    await projector.catchUp(0);
    expect(projector.state.cards.find((c) => c.id === cardId)).toMatchObject({ hidden: true, text: '' });
    expect(projector.sawText(MARKER)).toBe(false);
  });

  it('is taken off the phones that had it, and given back to them when the EP shows it again', async () => {
    const { facilitator, watching, author, cardId } = await hiddenMarker();
    await watching.until((state) => state.cards.some((c) => c.id === cardId && c.hidden));
    expect(watching.state.cards.find((c) => c.id === cardId)).toMatchObject({ text: '', redacted: true });
    expect(author.state.cards.find((c) => c.id === cardId)?.text ?? '').toBe('');

    expect((await facilitator.send({ type: 'card.hide', cardId, hidden: false })).ok).toBe(true);
    await watching.until((state) => state.cards.some((c) => c.id === cardId && !c.hidden));
    const shown = watching.state.cards.find((c) => c.id === cardId);
    expect(shown?.text).toBe(MARKER);
    expect(shown?.redacted).toBeUndefined();
    expect(cardsOfStage(watching.state, 'clarifying-questions').map((c) => c.text)).toContain(MARKER);
  });

  it('stays out of a reconnecting phone’s replay, hidden while it was away', async () => {
    const { session, facilitator, card } = await hiddenMarker();
    const phone = await connect(
      server.url,
      { token: await joinAsPhone(server.url, session.joinCode as string, 'SENCO D') },
      { reconnection: false },
    );
    open.push(phone);
    phone.close();
    const ack = await facilitator.send({ ...card, text: `${MARKER} again` });
    if (!ack.ok) throw new Error(ack.code);
    const newest = facilitator.state.cards.at(-1)?.id as string;
    expect((await facilitator.send({ type: 'card.hide', cardId: newest, hidden: true })).ok).toBe(true);
    phone.raw.length = 0;
    phone.socket.connect();
    await phone.ready();
    expect(phone.state.seq).toBe(facilitator.state.seq);
    expect(phone.sawText(MARKER)).toBe(false);
  });
});
