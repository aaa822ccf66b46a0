import type { JoinResponse, MeetingState } from '@consultboard/domain';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Browser } from './helpers/http.js';
import { connect, type MeetingClient } from './helpers/sockets.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Goal 7 of issue 11: a phone that joins is answered with the meeting as its socket would fold it, so it shows the
 * stage (and its card box) before the socket is up. The answer must be exactly the room's view: never a hidden
 * card's text, never an author's person id, and the socket carries on from its `seq` without a gap.
 */
const MARKER = 'Marker 7QW sits by the window at ZZ4';

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

async function join(code: string, name: string): Promise<JoinResponse> {
  const answer = await new Browser(server.url).post('/api/join', { code, name });
  expect(answer.status).toBe(200);
  return answer.json as JoinResponse;
}

/** A live session at Clarifying questions with two cards from a phone, the second hidden by the EP. */
async function meetingWithHiddenCard() {
  const session = await buildSession(world);
  const code = session.joinCode as string;
  const facilitator = await connect(
    server.url,
    { sessionId: session.id, role: 'facilitator' },
    { cookie: world.north.ep.cookie },
  );
  open.push(facilitator);
  const author = await join(code, 'SENCO A');
  const phone = await connect(server.url, { token: author.token }, { from: author.meeting });
  open.push(phone);
  for (let i = 0; i < 2; i++) await facilitator.send({ type: 'stage.next' });
  const caseId = facilitator.state.cases[0]?.id as string;
  const card = { type: 'card.add', caseId, stageId: 'clarifying-questions', kind: 'question' } as const;
  expect((await phone.send({ ...card, text: 'What helps at lunchtime?' })).ok).toBe(true);
  expect((await phone.send({ ...card, text: MARKER })).ok).toBe(true);
  await facilitator.until((state) => state.cards.length === 2);
  const hiddenId = facilitator.state.cards[1]?.id as string;
  expect((await facilitator.send({ type: 'card.hide', cardId: hiddenId, hidden: true })).ok).toBe(true);
  return { session, code, facilitator, hiddenId, card };
}

describe('the join answer', () => {
  it('holds the meeting exactly as a socket replaying from the start folds it, hidden text and authors left out', async () => {
    const { code, facilitator, hiddenId } = await meetingWithHiddenCard();
    const answer = await join(code, 'SENCO B');
    const meeting = answer.meeting as MeetingState;
    expect(meeting.seq).toBe(facilitator.state.seq);
    expect(meeting.stages[meeting.stageIndex]?.id).toBe('clarifying-questions');

    const replayed = await connect(server.url, { token: answer.token });
    open.push(replayed);
    await replayed.until((state) => state.seq === meeting.seq);
    expect(meeting).toEqual(replayed.state);

    expect(JSON.stringify(answer)).not.toContain(MARKER);
    expect(meeting.cards.find((card) => card.id === hiddenId)).toMatchObject({
      hidden: true,
      text: '',
      redacted: true,
    });
    expect(meeting.cards.every((card) => card.authorId === undefined)).toBe(true);
    // The console's own view still has the words, so the answer's blank is the room's redaction, not a lost card.
    expect(facilitator.state.cards.find((card) => card.id === hiddenId)?.text).toBe(MARKER);
  });

  it('lets the socket carry on from its seq: the welcome replays nothing older, and later events fold on top', async () => {
    const { code, facilitator, card } = await meetingWithHiddenCard();
    const answer = await join(code, 'SENCO C');
    const meeting = answer.meeting as MeetingState;
    const phone = await connect(server.url, { token: answer.token }, { from: meeting });
    open.push(phone);
    expect(phone.welcomes[0]?.events).toEqual([]);

    expect((await facilitator.send({ ...card, text: 'Visual timetable?' })).ok).toBe(true);
    await phone.until((state) => state.seq === facilitator.state.seq);
    expect(phone.state.cards.map((shown) => shown.text)).toEqual(['What helps at lunchtime?', '', 'Visual timetable?']);
    expect(phone.sawText(MARKER)).toBe(false);
  });

  it('is the meeting as it stands at each join, not a copy from an earlier one', async () => {
    const { code, facilitator } = await meetingWithHiddenCard();
    const first = (await join(code, 'SENCO D')).meeting as MeetingState;
    expect((await facilitator.send({ type: 'stage.next' })).ok).toBe(true);
    const second = (await join(code, 'SENCO E')).meeting as MeetingState;
    expect(second.seq).toBe(first.seq + 1);
    expect(second.stageIndex).toBe(first.stageIndex + 1);
    // Shown again, the hidden card's words reach the next phone to join.
    const hiddenId = facilitator.state.cards[1]?.id as string;
    expect((await facilitator.send({ type: 'card.hide', cardId: hiddenId, hidden: false })).ok).toBe(true);
    const third = (await join(code, 'SENCO F')).meeting as MeetingState;
    expect(third.cards.find((shown) => shown.id === hiddenId)?.text).toBe(MARKER);
  });
});
