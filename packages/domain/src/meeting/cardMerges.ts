import type { Command } from '../commands.js';
import { type Refusal, refuse } from '../errors.js';
import type { Card, MeetingEvent, MeetingEventBody } from '../events.js';
import type { MeetingState } from '../meeting.js';

/**
 * Merging cards (issue 9, item 4): the EP folds a card into another of the same stage, so two SENCOs' copies of
 * one idea show as one card with both texts. The merged card keeps its own text, author and helpful mark
 * (`mergedInto` names the card it went into), so **Unmerge** gives it back as it was.
 *
 * Rules that keep hidden text away from phones and the projector: no card in a merge is ever hidden (a hidden card
 * cannot be merged, and a card holding others cannot be hidden until they are unmerged), so a merged text is always
 * one that every screen may see, and `redactEvent` needs no new case. Merges are one level deep: a card that is
 * merged cannot take others, and a card that holds others cannot be merged.
 */
export type MergeCommand = Extract<Command, { type: 'card.merge' | 'card.unmerge' }>;

function find(state: MeetingState, cardId: string): Card | undefined {
  return state.cards.find((card) => card.id === cardId);
}

/** Whether other cards are merged into this one. */
export function holdsMerged(state: MeetingState, cardId: string): boolean {
  return state.cards.some((card) => card.mergedInto === cardId);
}

/** Decides a merge or unmerge: the event, or a refusal with a stable code. */
export function decideMerge(
  state: MeetingState,
  command: MergeCommand,
): { ok: true; event: MeetingEventBody } | Refusal {
  const card = find(state, command.cardId);
  // A withdrawn card is gone from every screen (issue 9, item 2): nothing merges with it.
  if (!card || card.hidden || card.withdrawn) return refuse('no_such_card');
  if (command.type === 'card.unmerge') {
    if (card.mergedInto === undefined) return refuse('card_not_merged');
    return { ok: true, event: { type: 'card.unmerged', cardId: card.id } };
  }
  const into = find(state, command.intoCardId);
  if (!into || into.hidden || into.withdrawn) return refuse('no_such_card');
  if (into.id === card.id) return refuse('invalid_payload', 'A card cannot be merged into itself.');
  if (into.caseId !== card.caseId || into.stageId !== card.stageId) return refuse('cards_not_together');
  if (card.mergedInto !== undefined || into.mergedInto !== undefined) return refuse('card_merged');
  if (holdsMerged(state, card.id)) return refuse('card_holds_merged');
  return { ok: true, event: { type: 'card.merged', cardId: card.id, intoCardId: into.id } };
}

/**
 * Why a card command may not act on a card because of a merge, or null: a merged card is shown inside the card it
 * went into, so it is not spotlit, marked or hidden on its own; a card holding others is not hidden (their texts
 * would stay on the board inside it).
 */
export function mergeRefusal(
  state: MeetingState,
  command: Extract<Command, { type: 'card.hide' | 'card.spotlight' | 'card.helpful' }>,
): Refusal | null {
  if (command.cardId === null) return null;
  const card = find(state, command.cardId);
  if (card?.mergedInto !== undefined) return refuse('card_merged');
  if (command.type === 'card.hide' && command.hidden && holdsMerged(state, command.cardId))
    return refuse('card_holds_merged');
  return null;
}

/** Folds a merge or unmerge. A merge keeps a helpful mark on the card it went into and moves a spotlight there. */
export function applyMerge(
  state: MeetingState,
  event: Extract<MeetingEvent, { type: 'card.merged' | 'card.unmerged' }>,
): MeetingState {
  if (event.type === 'card.unmerged') {
    return {
      ...state,
      cards: state.cards.map((card) => {
        if (card.id !== event.cardId) return card;
        const { mergedInto: _mergedInto, ...rest } = card;
        return rest;
      }),
    };
  }
  const merged = find(state, event.cardId);
  return {
    ...state,
    cards: state.cards.map((card) => {
      if (card.id === event.cardId) return { ...card, mergedInto: event.intoCardId };
      if (card.id === event.intoCardId && merged?.helpful) return { ...card, helpful: true };
      return card;
    }),
    spotlightCardId: state.spotlightCardId === event.cardId ? event.intoCardId : state.spotlightCardId,
  };
}

/** A card as screens show it: with the cards merged into it, oldest first (their text left out where it was). */
export type ShownCard = Card & { merged?: Card[] };

/** Attaches to each card the cards merged into it, for display; a merged card whose text a screen lacks is left out. */
export function withMerged(state: MeetingState, cards: readonly Card[]): ShownCard[] {
  return cards.map((card) => {
    const merged = state.cards.filter((other) => other.mergedInto === card.id && !other.redacted && !other.hidden);
    return merged.length > 0 ? { ...card, merged } : card;
  });
}
