import { type MeetingState, notesDocName } from '@consultboard/domain';
import { expect } from 'vitest';
import type { Browser } from './http.js';
import { joinAsPhone } from './http.js';
import { notesOnDisk, notesToken, openNotes, paragraphsOf, waitFor } from './notes.js';
import { connect, type MeetingClient } from './sockets.js';
import type { World } from './world.js';
import { buildSession } from './world.js';

/** Words that must never reach the minutes: a hidden card, a withdrawn one, a held one and a display name. */
export const NEVER_KEPT = {
  displayName: 'SENCO Zephyr',
  hidden: 'Hidden words about lunchtime',
  withdrawn: 'Withdrawn idea about playtime',
  held: 'Call home on 07700 900123',
};

/** A live session of the north area with its EP's console and one phone, ready to run cases. */
export async function liveRoom(url: string, world: World, cases = ['J5M', 'K2F']) {
  const session = await buildSession(world, { cases });
  const ep = world.north.ep as Browser;
  const facilitator = await connect(url, { sessionId: session.id, role: 'facilitator' }, { cookie: ep.cookie });
  const phone = await connect(url, {
    token: await joinAsPhone(url, session.joinCode as string, NEVER_KEPT.displayName),
  });
  const caseIds = session.cases.map((item) => item.id);
  return { session, facilitator, phone, caseIds };
}

export async function forwardTo(facilitator: MeetingClient, stageIndex: number) {
  while (facilitator.state.stageIndex < stageIndex) {
    const ack = await facilitator.send({ type: 'stage.next' });
    expect(ack).toMatchObject({ ok: true });
    await facilitator.until((state) => state.seq >= (ack.ok ? ack.seq : 0));
  }
}

/** Adds a card from a client and waits until the console holds it; returns its id. */
export async function addCard(
  from: MeetingClient,
  facilitator: MeetingClient,
  card: { caseId: string; stageId: string; kind: 'question' | 'affirmation' | 'strategy' | 'resource'; text: string },
  forCheck = false,
): Promise<string> {
  const ack = await from.send({ type: 'card.add', ...card, ...(forCheck ? { forCheck: true as const } : {}) });
  expect(ack, JSON.stringify(ack)).toMatchObject({ ok: true });
  const state: MeetingState = await facilitator.until((s) => s.cards.some((c) => c.text === card.text));
  return state.cards.find((c) => c.text === card.text)?.id as string;
}

/** Writes a paragraph into a stage's notes as the console's editor would, and waits until it is on the disk. */
export async function writeNotes(
  url: string,
  dataDir: string,
  ep: Browser,
  sessionId: string,
  caseId: string,
  text: string,
  stageId = 'current-situation',
) {
  const token = await notesToken(ep, sessionId, 'facilitator');
  const notes = await openNotes(url, notesDocName(caseId), token);
  notes.write(text, stageId);
  await waitFor(() => {
    const doc = notesOnDisk(dataDir, caseId);
    try {
      return paragraphsOf(doc, stageId).includes(text);
    } finally {
      doc.destroy();
    }
  });
  notes.destroy();
}

/**
 * Runs the first case of a live room: notes, cards of every kind (one hidden, one withdrawn, one held, two
 * merged), one marked helpful, then Next case. Returns the case's id.
 */
export async function runFirstCase(
  url: string,
  dataDir: string,
  world: World,
  room: Awaited<ReturnType<typeof liveRoom>>,
) {
  const { facilitator, phone, caseIds, session } = room;
  const caseId = caseIds[0] as string;
  await forwardTo(facilitator, 1);
  await writeNotes(url, dataDir, world.north.ep, session.id, caseId, 'Finds assembly noisy and overwhelming');
  await forwardTo(facilitator, 2);
  const stage = 'clarifying-questions';
  await addCard(phone, facilitator, {
    caseId,
    stageId: stage,
    kind: 'question',
    text: 'What helps at the start of the day?',
  });
  const hidden = await addCard(phone, facilitator, {
    caseId,
    stageId: stage,
    kind: 'question',
    text: NEVER_KEPT.hidden,
  });
  expect(await facilitator.send({ type: 'card.hide', cardId: hidden, hidden: true })).toMatchObject({ ok: true });
  const withdrawn = await addCard(phone, facilitator, {
    caseId,
    stageId: stage,
    kind: 'affirmation',
    text: NEVER_KEPT.withdrawn,
  });
  expect(await phone.send({ type: 'card.withdraw', cardId: withdrawn })).toMatchObject({ ok: true });
  await forwardTo(facilitator, 4);
  const strategies = 'strategies-and-resources';
  const ear = await addCard(phone, facilitator, {
    caseId,
    stageId: strategies,
    kind: 'strategy',
    text: 'Ear defenders in assembly',
  });
  const quiet = await addCard(phone, facilitator, {
    caseId,
    stageId: strategies,
    kind: 'strategy',
    text: 'A quiet seat near the door in assembly',
  });
  expect(await facilitator.send({ type: 'card.merge', cardId: quiet, intoCardId: ear })).toMatchObject({ ok: true });
  await addCard(phone, facilitator, {
    caseId,
    stageId: strategies,
    kind: 'resource',
    text: 'Sensory checklist from the outreach team',
  });
  await addCard(phone, facilitator, { caseId, stageId: strategies, kind: 'strategy', text: NEVER_KEPT.held }, true);
  await forwardTo(facilitator, 5);
  expect(await facilitator.send({ type: 'card.helpful', cardId: ear, helpful: true })).toMatchObject({ ok: true });
  await forwardTo(facilitator, 6);
  const next = await facilitator.send({ type: 'case.next' });
  expect(next).toMatchObject({ ok: true });
  await facilitator.until((state) => state.seq >= (next.ok ? next.seq : 0));
  return caseId;
}
