import { describe, expect, it } from 'vitest';
import type { Command } from './commands.js';
import type { Card, MeetingEvent } from './events.js';
import {
  applyEvent,
  cardsOfCurrentCase,
  cardsOfStage,
  decide,
  foldEvents,
  initialMeetingState,
  type MeetingState,
} from './meeting.js';
import { eventsFor, redactEvent, seesHiddenCards } from './redaction.js';
import { buildCommand, buildContext, buildEvent, buildStartedState, decideEvent } from './testing/builders.js';

const MARKER = 'Marker text 7Q4 that only the console may see';

/** The room's view of a whole state: hidden cards without their text. */
function withoutHiddenText(state: MeetingState): Card[] {
  return state.cards.map((card) => (card.hidden ? { ...card, text: '', redacted: true as const } : card));
}

/** A live session at Clarifying questions: the whole log so far, and the state it folds to. */
function startLog(): { log: MeetingEvent[]; state: MeetingState } {
  const started = buildStartedState();
  const log: MeetingEvent[] = [buildEvent({ type: 'session.started', ...pick(started) }, { seq: 1 })];
  let state = started;
  for (let i = 0; i < 2; i++) {
    const event = decideEvent(state, buildCommand('stage.next'));
    log.push(event);
    state = applyEvent(state, event);
  }
  return { log, state };
}

function pick(state: MeetingState) {
  return { cases: state.cases, stages: state.stages, timer: state.timer };
}

function run(start: { log: MeetingEvent[]; state: MeetingState }, commands: Command[]) {
  const log = [...start.log];
  let state = start.state;
  const live: MeetingEvent[] = [...start.log];
  for (const command of commands) {
    const event = decideEvent(state, command);
    log.push(event);
    state = applyEvent(state, event);
    // Live, each event is redacted against the state right after it (what the gateway does on broadcast).
    live.push(redactEvent(event, state));
  }
  return { log, state, live };
}

const text = (events: readonly MeetingEvent[]) => JSON.stringify(events);

describe('redactEvent', () => {
  it('sends a card hidden now with no text, marked redacted, and its hide marked too', () => {
    const { log, state } = run(startLog(), [
      buildCommand('card.add', { id: 'card-1', text: MARKER }),
      buildCommand('card.hide', { cardId: 'card-1', hidden: true }),
    ]);
    const added = log.at(-2) as MeetingEvent;
    const hidden = log.at(-1) as MeetingEvent;
    expect(redactEvent(added, state)).toEqual({ ...added, card: { ...(added as any).card, text: '', redacted: true } });
    expect(redactEvent(hidden, state)).toEqual({ ...hidden, redacted: true });
    expect(text(eventsFor('participant', log, state))).not.toContain(MARKER);
    expect(text(eventsFor('projector', log, state))).not.toContain(MARKER);
    expect(text(eventsFor('facilitator', log, state))).toContain(MARKER);
  });

  it('leaves visible cards and every other event as they are', () => {
    const { log, state } = run(startLog(), [
      buildCommand('card.add', { id: 'card-1', text: 'Visual timetable' }),
      buildCommand('card.spotlight', { cardId: 'card-1' }),
      buildCommand('timer.start'),
    ]);
    expect(log.map((event) => redactEvent(event, state))).toEqual(log);
  });

  it('sends the text again with a show, unless the card is hidden once more by now', () => {
    const shown = run(startLog(), [
      buildCommand('card.add', { id: 'card-1', text: MARKER }),
      buildCommand('card.hide', { cardId: 'card-1', hidden: true }),
      buildCommand('card.hide', { cardId: 'card-1', hidden: false }),
    ]);
    expect(redactEvent(shown.log.at(-1) as MeetingEvent, shown.state)).toMatchObject({ hidden: false, text: MARKER });
    const hiddenAgain = run(startLog(), [
      buildCommand('card.add', { id: 'card-1', text: MARKER }),
      buildCommand('card.hide', { cardId: 'card-1', hidden: true }),
      buildCommand('card.hide', { cardId: 'card-1', hidden: false }),
      buildCommand('card.hide', { cardId: 'card-1', hidden: true }),
    ]);
    expect(text(eventsFor('participant', hiddenAgain.log, hiddenAgain.state))).not.toContain(MARKER);
  });

  it('only the console sees hidden cards', () => {
    expect(seesHiddenCards('facilitator')).toBe(true);
    expect(seesHiddenCards('participant')).toBe(false);
    expect(seesHiddenCards('projector')).toBe(false);
  });
});

describe('one reducer folds the whole and the redacted stream', () => {
  it('drops the text a phone already had when the card is hidden live, and takes it back when shown', () => {
    const { live, state } = run(startLog(), [
      buildCommand('card.add', { id: 'card-1', text: MARKER }),
      buildCommand('card.hide', { cardId: 'card-1', hidden: true }),
      buildCommand('card.hide', { cardId: 'card-1', hidden: false }),
    ]);
    const hiddenOnPhone = foldEvents(initialMeetingState, live.slice(0, -1));
    expect(hiddenOnPhone.cards[0]).toMatchObject({ id: 'card-1', hidden: true, text: '', redacted: true });
    expect(cardsOfStage(hiddenOnPhone, 'clarifying-questions')).toEqual([]);
    const shownOnPhone = applyEvent(hiddenOnPhone, live.at(-1) as MeetingEvent);
    expect(shownOnPhone.cards).toEqual(state.cards);
    expect(shownOnPhone.cards[0]).not.toHaveProperty('redacted');
    expect(cardsOfStage(shownOnPhone, 'clarifying-questions').map((card) => card.text)).toEqual([MARKER]);
  });

  it('never shows a redacted card, even between its add and its hide (a replay cut into pages)', () => {
    const { log, state } = run(startLog(), [
      buildCommand('card.add', { id: 'card-1', text: MARKER }),
      buildCommand('card.hide', { cardId: 'card-1', hidden: true }),
    ]);
    const firstPage = eventsFor('participant', log.slice(0, -1), state);
    const partway = foldEvents(initialMeetingState, firstPage);
    expect(partway.cards[0]?.hidden).toBe(false);
    expect(cardsOfStage(partway, 'clarifying-questions')).toEqual([]);
    expect(cardsOfCurrentCase(partway)).toEqual([]);
  });

  it('folds an old log (events stored before redaction existed) the same as before', () => {
    const stored: MeetingEvent[] = JSON.parse(
      JSON.stringify(
        run(startLog(), [
          buildCommand('card.add', { id: 'card-1', text: 'Stored before' }),
          buildCommand('card.hide', { cardId: 'card-1', hidden: true }),
          buildCommand('card.hide', { cardId: 'card-1', hidden: false }),
        ]).log,
      ),
    );
    const state = foldEvents(initialMeetingState, stored);
    expect(state.cards).toEqual([
      expect.objectContaining({ id: 'card-1', text: 'Stored before', hidden: false, helpful: false }),
    ]);
    expect(state.cards[0]).not.toHaveProperty('redacted');
  });

  it('agrees for any run of adds, hides and shows, live or replayed at any point (seeded)', () => {
    const seed = 20260314;
    let random = seed;
    const next = () => {
      random = (random * 1103515245 + 12345) % 2 ** 31;
      return random / 2 ** 31;
    };
    for (let trial = 0; trial < 200; trial++) {
      const commands: Command[] = [];
      const ids: string[] = [];
      const hidden = new Set<string>();
      for (let step = 0; step < 12; step++) {
        if (ids.length === 0 || next() < 0.35) {
          const id = `card-${trial}-${step}`;
          ids.push(id);
          commands.push(buildCommand('card.add', { id, text: `${MARKER} ${id}` }));
        } else {
          const id = ids[Math.floor(next() * ids.length)] as string;
          const hide = next() < 0.6;
          if (hide) hidden.add(id);
          else hidden.delete(id);
          commands.push(buildCommand('card.hide', { cardId: id, hidden: hide }));
        }
      }
      const { log, state, live } = run(startLog(), commands);
      const expected = withoutHiddenText(state);
      const context = `seed ${seed}, trial ${trial}`;
      // Live: the phone folded each event as it was broadcast.
      expect(foldEvents(initialMeetingState, live).cards, context).toEqual(expected);
      // Replayed now (a welcome or catch-up from 0), in one answer or cut into pages.
      const replay = eventsFor('projector', log, state);
      expect(foldEvents(initialMeetingState, replay).cards, context).toEqual(expected);
      const cut = Math.floor(next() * replay.length);
      const paged = foldEvents(foldEvents(initialMeetingState, replay.slice(0, cut)), replay.slice(cut));
      expect(paged.cards, context).toEqual(expected);
      // A phone that reconnects partway gets the rest redacted against the state now.
      const reconnect = foldEvents(foldEvents(initialMeetingState, live.slice(0, cut)), replay.slice(cut));
      expect(reconnect.cards, context).toEqual(expected);
      for (const id of hidden) expect(text(replay), context).not.toContain(`${MARKER} ${id}"`);
      expect(foldEvents(initialMeetingState, log).cards.every((card) => card.redacted === undefined)).toBe(true);
    }
  });
});

describe('merged cards and hidden text (issue 9, item 4)', () => {
  it('phones and the projector see a merge with both texts, and never a hidden one, for any run (seeded)', () => {
    const seed = 20261123;
    let random = seed;
    const next = () => {
      random = (random * 1103515245 + 12345) % 2 ** 31;
      return random / 2 ** 31;
    };
    for (let trial = 0; trial < 200; trial++) {
      let { log, state } = startLog();
      const live: MeetingEvent[] = [...log];
      const ids: string[] = [];
      const pickId = () => ids[Math.floor(next() * ids.length)] as string;
      for (let step = 0; step < 16; step++) {
        const roll = next();
        let command: Command;
        if (ids.length < 2 || roll < 0.25) {
          const id = `card-${trial}-${step}`;
          ids.push(id);
          command = buildCommand('card.add', { id, text: `${MARKER} ${id}` });
        } else if (roll < 0.55) command = buildCommand('card.hide', { cardId: pickId(), hidden: next() < 0.6 });
        else if (roll < 0.85) command = buildCommand('card.merge', { cardId: pickId(), intoCardId: pickId() });
        else command = buildCommand('card.unmerge', { cardId: pickId() });
        // Only what the room accepts reaches the log, as on the server.
        if (!decide(state, command, buildContext()).ok) continue;
        const event = decideEvent(state, command);
        log = [...log, event];
        state = applyEvent(state, event);
        live.push(redactEvent(event, state));
      }
      const context = `seed ${seed}, trial ${trial}`;
      // A card is hidden from the room when it is hidden, or when the card it was merged into is.
      const hiddenIds = new Set(state.cards.filter((card) => card.hidden).map((card) => card.id));
      const hiddenTexts = state.cards
        .filter((card) => hiddenIds.has(card.id) || (card.mergedInto !== undefined && hiddenIds.has(card.mergedInto)))
        .map((card) => `${card.text}"`);
      const replay = eventsFor('participant', log, state);
      for (const hidden of hiddenTexts) expect(text(replay), context).not.toContain(hidden);
      // What a phone shows, live or replayed, is what the console shows without the hidden cards.
      const shownOnConsole = JSON.stringify(cardsOfStage(state, 'clarifying-questions'));
      for (const stream of [live, replay]) {
        const phone = foldEvents(initialMeetingState, stream);
        expect(phone.cards, context).toEqual(withoutHiddenText(state));
        expect(JSON.stringify(cardsOfStage(phone, 'clarifying-questions')), context).toBe(shownOnConsole);
      }
    }
  });
});
