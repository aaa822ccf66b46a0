import { type ErrorCode, type Refusal, refuse } from './errors.js';
import type { Card, MeetingEvent, MeetingEventBody } from './events.js';
import { holdsMerged } from './meeting/cardMerges.js';
import { holdRefusal, type PersonalDataCheck, personalDataRefusal } from './meeting/heldCards.js';
import type { MeetingState } from './meeting.js';

// Item 2 of issue 9: a person's Edit and Withdraw of their own card. Kept apart from meeting.ts so the reducer
// and `decide` each call in here with one line. No runtime import of meeting.ts (it imports this file).

type CardEdit = { type: 'card.edit'; cardId: string; text: string; forCheck?: true };
type CardWithdraw = { type: 'card.withdraw'; cardId: string };
type CardChangeEvent = Extract<MeetingEvent, { type: 'card.edited' | 'card.withdrawn' }>;

/** Whether the meeting is still at the card's stage of its case: until it moves on, the author may change it. */
export function cardStageIsOn(state: MeetingState, card: Pick<Card, 'caseId' | 'stageId'>): boolean {
  return state.cases[state.caseIndex]?.id === card.caseId && state.stages[state.stageIndex]?.id === card.stageId;
}

/**
 * Why a person may not change a card now, or null: the card must be on the board (not withdrawn), theirs (the
 * person id it was added with; a card from a log older than that has none, so nobody may), and its stage still on.
 */
export function cardChangeRefusal(state: MeetingState, cardId: string, actorId: string | undefined): ErrorCode | null {
  const card = state.cards.find((candidate) => candidate.id === cardId);
  if (!card || card.withdrawn) return 'no_such_card';
  if (actorId === undefined || card.authorId !== actorId) return 'not_your_card';
  if (!cardStageIsOn(state, card)) return 'card_stage_closed';
  return null;
}

/** Resolves an Edit or a Withdraw into its event, or a refusal. */
export function decideCardChange(
  state: MeetingState,
  command: CardEdit | CardWithdraw,
  actorId: string | undefined,
  personalData?: PersonalDataCheck,
): { ok: true; event: MeetingEventBody } | Refusal {
  const refusal = cardChangeRefusal(state, command.cardId, actorId);
  if (refusal) return refuse(refusal);
  if (command.type === 'card.withdraw') {
    // A card in a merge is shown as one with another: the EP unmerges it first, so no merged text goes missing.
    if (state.cards.find((card) => card.id === command.cardId)?.mergedInto !== undefined) return refuse('card_merged');
    if (holdsMerged(state, command.cardId)) return refuse('card_holds_merged');
    return { ok: true, event: { type: 'card.withdrawn', cardId: command.cardId } };
  }
  // A hidden card's author is not sent its text, so an edit of it could only be blind: the EP's hide stands.
  const card = state.cards.find((candidate) => candidate.id === command.cardId);
  if (!card || card.hidden) return refuse('no_such_card');
  // Issue 10: new words that look like personal data are refused, or the card is held for the EP to check.
  const personal = personalDataRefusal(personalData, card.caseId, command.text, command.forCheck);
  if (personal && personal !== 'hold') return personal;
  if (personal === 'hold') {
    const merged = holdRefusal(state, card.id);
    if (merged) return merged;
    return { ok: true, event: { type: 'card.edited', cardId: card.id, text: command.text, held: true } };
  }
  return { ok: true, event: { type: 'card.edited', cardId: command.cardId, text: command.text } };
}

/** Folds an edit or a withdrawal. A withdrawn card's text is forgotten on every screen that folds it. */
export function applyCardChange(state: MeetingState, event: CardChangeEvent): MeetingState {
  const next = { ...state, seq: event.seq };
  if (event.type === 'card.withdrawn') {
    return {
      ...next,
      cards: state.cards.map((card) =>
        card.id === event.cardId ? { ...card, text: '', withdrawn: true as const } : card,
      ),
      spotlightCardId: state.spotlightCardId === event.cardId ? null : state.spotlightCardId,
    };
  }
  // Issue 10: an edit sent for the EP to check holds the card (hidden until the EP shows it).
  const held = event.held ? { hidden: true, held: true as const } : {};
  return {
    ...next,
    cards: state.cards.map((card) => {
      if (card.id !== event.cardId) return card;
      if (event.redacted) return { ...card, ...held, text: '', redacted: true as const, edited: true as const };
      return { ...card, ...held, text: event.text, edited: true as const };
    }),
    spotlightCardId: event.held && state.spotlightCardId === event.cardId ? null : state.spotlightCardId,
  };
}

/** A card edit as phones and the projector are sent it: no text while the card is hidden or withdrawn now. */
export function redactCardEdit(
  event: Extract<MeetingEvent, { type: 'card.edited' }>,
  cardNow: Card | undefined,
): MeetingEvent {
  if (cardNow && !cardNow.hidden && !cardNow.withdrawn) return event;
  return { ...event, text: '', redacted: true };
}
