import type { Command } from '../commands.js';
import { type Refusal, refuse } from '../errors.js';
import type { Card, MeetingEvent, MeetingEventBody } from '../events.js';
import type { MeetingState } from '../meeting.js';
import type { PersonalDataFinding } from '../privacy/findings.js';
import { holdsMerged } from './cardMerges.js';

/**
 * Issue 10, item 2: cards that look like personal data. A phone's card with a finding is refused (`personal_data`,
 * the findings with it) unless it is sent for the EP to check (`forCheck`); then it is stored held: hidden from the
 * board and every phone (its text is left out of what they are sent, like a hidden card's), and not counted on the
 * board. Only the EP's console may Show it (`card.release`), Edit and show it (`card.release` with text) or Remove
 * it (`card.remove`, a withdrawal: its text forgotten). No runtime import of meeting.ts (it imports this file).
 */

/** Finds what a text holds that looks like personal data and was not dismissed for the case (the server's check). */
export type PersonalDataCheck = (caseId: string, text: string) => PersonalDataFinding[];

type Release = Extract<Command, { type: 'card.release' | 'card.remove' }>;

/** What a refusal carries of a finding: enough for the phone to say it and highlight it, nothing more. */
function bareFinding({ kind, start, end, text, reason }: PersonalDataFinding): PersonalDataFinding {
  return { kind, start, end, text, reason };
}

/**
 * Runs the check over a card's text: null when there is nothing to check or nothing found; a refusal when something
 * was found and the sender did not send it for checking; `'hold'` when it was sent for checking.
 */
export function personalDataRefusal(
  check: PersonalDataCheck | undefined,
  caseId: string,
  text: string,
  forCheck: boolean | undefined,
): Refusal | 'hold' | null {
  if (!check) return null;
  const findings = check(caseId, text);
  if (findings.length === 0) return null;
  if (forCheck) return 'hold';
  return { ...refuse('personal_data'), findings: findings.map(bareFinding) };
}

/** An author's edit sent for checking: the card becomes held, so it may not be part of a merge. */
export function holdRefusal(state: MeetingState, cardId: string): Refusal | null {
  if (state.cards.find((card) => card.id === cardId)?.mergedInto !== undefined) return refuse('card_merged');
  if (holdsMerged(state, cardId)) return refuse('card_holds_merged');
  return null;
}

/** Resolves Show, Edit and show, and Remove of a held card. */
export function decideRelease(state: MeetingState, command: Release): { ok: true; event: MeetingEventBody } | Refusal {
  const card = state.cards.find((candidate) => candidate.id === command.cardId && !candidate.withdrawn);
  if (!card) return refuse('no_such_card');
  if (!card.held) return refuse('card_not_held');
  if (command.type === 'card.remove')
    return { ok: true, event: { type: 'card.withdrawn', cardId: card.id, removed: true } };
  const text = command.text !== undefined && command.text !== card.text ? { text: command.text } : {};
  return { ok: true, event: { type: 'card.released', cardId: card.id, ...text } };
}

/** Folds a release: the card is on the board again, with the EP's words if they edited it. */
export function applyRelease(
  state: MeetingState,
  event: Extract<MeetingEvent, { type: 'card.released' }>,
): MeetingState {
  return {
    ...state,
    seq: event.seq,
    cards: state.cards.map((card) => {
      if (card.id !== event.cardId) return card;
      const { held: _held, redacted: _redacted, ...rest } = card;
      if (event.redacted) return { ...rest, hidden: false, text: '', redacted: true as const };
      return { ...rest, hidden: false, text: event.text ?? card.text };
    }),
  };
}

/** A release as phones and the projector are sent it: with the card's text, unless it is hidden or gone again by now. */
export function redactRelease(
  event: Extract<MeetingEvent, { type: 'card.released' }>,
  cardNow: Card | undefined,
): MeetingEvent {
  const { text: _text, redacted: _redacted, ...bare } = event;
  if (!cardNow || cardNow.hidden || cardNow.withdrawn) return { ...bare, redacted: true };
  return { ...bare, text: cardNow.text };
}

/** The cards held for the EP to check, oldest first (every case of the session: a held card waits for the EP). */
export function heldCards(state: MeetingState): Card[] {
  return state.cards.filter((card) => card.held && !card.withdrawn);
}
