import { type ActionRow, currentStage, type SessionView } from '@consultboard/domain';
import { joinAsPhone } from './http.js';
import { connect, type MeetingClient } from './sockets.js';
import type { World } from './world.js';

/** Moves the meeting on until it reaches a stage of the current case. */
export async function goToStage(facilitator: MeetingClient, stageId: string): Promise<void> {
  while (currentStage(facilitator.state)?.id !== stageId) {
    const ack = await facilitator.send({ type: 'stage.next' });
    if (!ack.ok) throw new Error(ack.code);
  }
}

/** A live session's console, projector and one phone (SENCO A), connected. */
export async function openRoom(baseUrl: string, world: World, session: SessionView, area: 'north' | 'south' = 'north') {
  const cookie = world[area].ep.cookie as string;
  const facilitator = await connect(baseUrl, { sessionId: session.id, role: 'facilitator' }, { cookie });
  const projector = await connect(baseUrl, { sessionId: session.id, role: 'projector' }, { cookie });
  const phone = await connect(baseUrl, { token: await joinAsPhone(baseUrl, session.joinCode as string, 'SENCO A') });
  return {
    facilitator,
    projector,
    phone,
    close: () => {
      for (const client of [facilitator, projector, phone]) client.close();
    },
  };
}

/**
 * Adds strategy and resource cards from the phone in the Strategies and resources stage, then marks the ones
 * asked for helpful in Feedback (as the presenting SENCO would, through the EP's console). Returns the card ids.
 */
export async function shareAndMark(
  room: { facilitator: MeetingClient; phone: MeetingClient },
  cards: { kind: 'strategy' | 'resource'; text: string; helpful?: boolean; hidden?: boolean }[],
): Promise<string[]> {
  const caseId = room.facilitator.state.cases[room.facilitator.state.caseIndex]?.id as string;
  await goToStage(room.facilitator, 'strategies-and-resources');
  const ids: string[] = [];
  for (const [index, card] of cards.entries()) {
    const id = `card-${Date.now().toString(36)}-${index}-${Math.random().toString(36).slice(2, 8)}`;
    const ack = await room.phone.send({
      type: 'card.add',
      id,
      caseId,
      stageId: 'strategies-and-resources',
      kind: card.kind,
      text: card.text,
    });
    if (!ack.ok) throw new Error(`card refused: ${ack.code}`);
    ids.push(id);
  }
  await goToStage(room.facilitator, 'feedback');
  for (const [index, card] of cards.entries()) {
    const cardId = ids[index] as string;
    if (card.helpful) await expectOk(room.facilitator.send({ type: 'card.helpful', cardId, helpful: true }));
    if (card.hidden) await expectOk(room.facilitator.send({ type: 'card.hide', cardId, hidden: true }));
  }
  return ids;
}

async function expectOk(ack: Promise<{ ok: boolean; code?: string }>) {
  const result = await ack;
  if (!result.ok) throw new Error(`refused: ${result.code}`);
}

/** A filled-in action row. */
export function buildRow(overrides: Partial<ActionRow> = {}): ActionRow {
  return {
    id: `row-${Math.random().toString(36).slice(2, 10)}`,
    action: 'Meet and greet at the gate each morning',
    who: 'Class teacher',
    byWhen: '2026-12-04',
    successLooksLike: 'Comes into class calmly',
    reviewDate: '2027-01-15',
    areaOfNeed: 'social-emotional-and-mental-health',
    fromCardId: null,
    ...overrides,
  };
}
