import { redactCardEdit } from './cardEdits.js';
import type { Card, MeetingEvent } from './events.js';
import { redactRelease } from './meeting/heldCards.js';
import type { MeetingState } from './meeting.js';
import type { MeetingRole } from './permissions.js';

/** Whether a screen in this role is sent hidden cards' text: only the EP's console is. */
export function seesHiddenCards(role: MeetingRole): boolean {
  return role === 'facilitator';
}

function cardNow(state: MeetingState, cardId: string): Card | undefined {
  return state.cards.find((card) => card.id === cardId);
}

/**
 * An event as phones and the projector are sent it. The log keeps every event whole; what leaves the server
 * for a screen that is not the EP's console never holds the text of a card that is hidden now. `state` is the
 * meeting as it stands (the event and any later ones folded in), so a replay of a card hidden since it was
 * added carries no text at all, live or in any catch-up. The domain's one reducer folds both streams:
 * - `card.added` of a card hidden now: empty text, marked `redacted`;
 * - `card.hidden` hiding a card: marked `redacted`, so a screen that had the text drops it;
 * - `card.hidden` showing a card again: with the card's text, unless it is hidden once more by now;
 * - `card.edited` of a card hidden or withdrawn now: empty text, marked `redacted` (item 2 of issue 9);
 * - a card withdrawn now is sent like a hidden one, and no card carries its author's person id;
 * - a card held for the EP to check (issue 10): its add, and an edit that held it, never carry their words (not even
 *   after the EP showed it, perhaps in other words); its release (`card.released`) carries the words it is shown
 *   with, unless it is hidden or withdrawn again by now.
 * Pure: the server calls it per event and per audience, and the tests drive it directly.
 */
export function redactEvent(event: MeetingEvent, state: MeetingState): MeetingEvent {
  switch (event.type) {
    case 'card.added': {
      // Who added a card is a person id: only the console is sent it (phones know their own cards by id).
      const { authorId: _authorId, ...card } = event.card;
      const now = cardNow(state, event.card.id);
      // Issue 10: a card added held never carries the words it was sent with (the EP may have shown it in others).
      if (!now?.hidden && !now?.withdrawn && !event.card.held) return { ...event, card };
      return { ...event, card: { ...card, text: '', redacted: true } };
    }
    case 'card.hidden': {
      const { redacted: _redacted, text: _text, ...bare } = event;
      const card = cardNow(state, event.cardId);
      if (event.hidden || !card || card.hidden || card.withdrawn) return { ...bare, redacted: true };
      return { ...bare, text: card.text };
    }
    case 'card.edited': // Item 2 of issue 9
      // Issue 10: nor does an edit that held the card: the room gets its words only with the EP's Show.
      if (event.held) return { ...event, text: '', redacted: true };
      return redactCardEdit(event, cardNow(state, event.cardId));
    case 'card.released': // Issue 10
      return redactRelease(event, cardNow(state, event.cardId));
    default:
      return event;
  }
}

/** The events a screen in this role is sent, from the meeting as it stands now. */
export function eventsFor(role: MeetingRole, events: readonly MeetingEvent[], state: MeetingState): MeetingEvent[] {
  return seesHiddenCards(role) ? [...events] : events.map((event) => redactEvent(event, state));
}
