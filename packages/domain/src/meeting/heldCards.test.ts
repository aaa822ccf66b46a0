import { describe, expect, it } from 'vitest';
import type { Command } from '../commands.js';
import type { Card, MeetingEvent } from '../events.js';
import {
  applyEvent,
  cardsOfCurrentCase,
  cardsOfStage,
  countsTowardsCardCap,
  decide,
  foldEvents,
  heldCards,
  initialMeetingState,
  type MeetingState,
} from '../meeting.js';
import { findPersonalData } from '../privacy/detector.js';
import { eventsFor, redactEvent } from '../redaction.js';
import { buildCommand, buildContext, buildEvent, buildStartedState, decideEvent } from '../testing/builders.js';

// Invented words the first-cut detector and any full detector both catch.
const NAMED = 'Ask Ben what he would like at lunch';
const PHONE = 'Ring 07700 900123 after school';
const check = (_caseId: string, text: string) => findPersonalData(text);
const phone = buildContext({ actorId: 'participant-1', personalData: check });

/** A live session at Clarifying questions. */
function atQuestions(): MeetingState {
  let state = buildStartedState();
  for (let i = 0; i < 2; i++) state = applyEvent(state, decideEvent(state, buildCommand('stage.next')));
  return state;
}

function play(state: MeetingState, command: Command, context = phone) {
  const decision = decide(state, command, context);
  if (!decision.ok) throw new Error(`${command.type} was refused: ${decision.code}`);
  const event = buildEvent(decision.event, { seq: state.seq + 1 });
  return { event, state: applyEvent(state, event) };
}

describe('a phone card that looks like personal data (issue 10, item 2)', () => {
  it('is refused with its findings when not sent for checking, and nothing happens', () => {
    const state = atQuestions();
    const decision = decide(state, buildCommand('card.add', { id: 'card-1', text: NAMED }), phone);
    expect(decision).toMatchObject({ ok: false, code: 'personal_data' });
    expect(!decision.ok && decision.findings).toEqual([
      { kind: 'name', start: 4, end: 7, text: 'Ben', reason: expect.any(String) },
    ]);
  });

  it('is added as usual when the check finds nothing, or when nobody checks (the EP)', () => {
    const state = atQuestions();
    const clean = play(state, buildCommand('card.add', { id: 'card-1', text: 'What helps at lunch?' }));
    expect(clean.state.cards[0]).toMatchObject({ hidden: false });
    expect(clean.state.cards[0]).not.toHaveProperty('held');
    const ep = play(state, buildCommand('card.add', { id: 'card-1', text: NAMED }), buildContext());
    expect(ep.state.cards[0]).toMatchObject({ hidden: false, text: NAMED });
  });

  it('sent for checking is held: hidden, off the board, not counted, listed under Held for checking', () => {
    const { state } = play(atQuestions(), buildCommand('card.add', { id: 'card-1', text: NAMED, forCheck: true }));
    expect(state.cards[0]).toMatchObject({ id: 'card-1', held: true, hidden: true, text: NAMED });
    expect(cardsOfStage(state, 'clarifying-questions', { includeHidden: true })).toEqual([]);
    expect(cardsOfCurrentCase(state, { includeHidden: true })).toEqual([]);
    expect(state.cards.filter(countsTowardsCardCap)).toEqual([]);
    expect(heldCards(state).map((card) => card.id)).toEqual(['card-1']);
  });

  it('a held card is not hidden, shown with Show for hidden cards, spotlit, marked or merged', () => {
    let { state } = play(atQuestions(), buildCommand('card.add', { id: 'card-1', text: NAMED, forCheck: true }));
    state = play(state, buildCommand('card.add', { id: 'card-2', text: 'Visual timetable' })).state;
    const ep = buildContext();
    for (const command of [
      buildCommand('card.hide', { cardId: 'card-1', hidden: false }),
      buildCommand('card.spotlight', { cardId: 'card-1' }),
      buildCommand('card.helpful', { cardId: 'card-1', helpful: true }),
      buildCommand('card.merge', { cardId: 'card-1', intoCardId: 'card-2' }),
      buildCommand('card.merge', { cardId: 'card-2', intoCardId: 'card-1' }),
    ])
      expect(decide(state, command, ep), command.type).toMatchObject({ ok: false, code: 'no_such_card' });
  });

  it('Show puts it on the board as it is; Edit and show with the EP’s words; Remove forgets it', () => {
    const held = play(atQuestions(), buildCommand('card.add', { id: 'card-1', text: NAMED, forCheck: true }));
    const ep = buildContext();
    const shown = play(held.state, buildCommand('card.release', { cardId: 'card-1' }), ep);
    expect(shown.event).toMatchObject({ type: 'card.released', cardId: 'card-1' });
    expect(shown.event).not.toHaveProperty('text');
    expect(cardsOfStage(shown.state, 'clarifying-questions').map((card) => card.text)).toEqual([NAMED]);
    expect(shown.state.cards[0]).not.toHaveProperty('held');

    const edited = play(
      held.state,
      buildCommand('card.release', { cardId: 'card-1', text: 'Ask J5M what he would like at lunch' }),
      ep,
    );
    expect(cardsOfStage(edited.state, 'clarifying-questions').map((card) => card.text)).toEqual([
      'Ask J5M what he would like at lunch',
    ]);

    const removed = play(held.state, buildCommand('card.remove', { cardId: 'card-1' }), ep);
    expect(removed.event).toMatchObject({ type: 'card.withdrawn', cardId: 'card-1', removed: true });
    expect(removed.state.cards[0]).toMatchObject({ text: '', withdrawn: true });
    expect(heldCards(removed.state)).toEqual([]);
    expect(JSON.stringify(removed.state)).not.toContain('Ben');
  });

  it('Show and Remove act only on held cards', () => {
    const { state } = play(atQuestions(), buildCommand('card.add', { id: 'card-1', text: 'Visual timetable' }));
    for (const type of ['card.release', 'card.remove'] as const)
      expect(decide(state, buildCommand(type, { cardId: 'card-1' }), buildContext())).toMatchObject({
        ok: false,
        code: 'card_not_held',
      });
    expect(decide(state, buildCommand('card.remove', { cardId: 'nope' }), buildContext())).toMatchObject({
      code: 'no_such_card',
    });
  });

  it('an author’s edit with a finding is refused, or holds the card when sent for checking', () => {
    let { state } = play(atQuestions(), buildCommand('card.add', { id: 'card-1', text: 'What helps at lunch?' }));
    state = play(state, buildCommand('card.spotlight', { cardId: 'card-1' }), buildContext()).state;
    const refused = decide(state, buildCommand('card.edit', { cardId: 'card-1', text: PHONE }), phone);
    expect(refused).toMatchObject({ ok: false, code: 'personal_data', findings: [{ kind: 'phone' }] });
    const held = play(state, buildCommand('card.edit', { cardId: 'card-1', text: PHONE, forCheck: true }));
    expect(held.event).toMatchObject({ type: 'card.edited', held: true });
    expect(held.state.cards[0]).toMatchObject({ held: true, hidden: true, text: PHONE });
    expect(held.state.spotlightCardId).toBeNull();
    // Its author sees it held; they may withdraw it, but not show it (that is the console's alone).
    expect(decide(held.state, buildCommand('card.withdraw', { cardId: 'card-1' }), phone).ok).toBe(true);
  });

  it('an edit sent for checking of a card in a merge is refused (no merged card is ever hidden)', () => {
    let { state } = play(atQuestions(), buildCommand('card.add', { id: 'card-1', text: 'Visual timetable' }));
    state = play(state, buildCommand('card.add', { id: 'card-2', text: 'Now and next board' })).state;
    state = play(state, buildCommand('card.merge', { cardId: 'card-2', intoCardId: 'card-1' }), buildContext()).state;
    const edit = (cardId: string) => buildCommand('card.edit', { cardId, text: PHONE, forCheck: true });
    expect(decide(state, edit('card-1'), phone)).toMatchObject({ code: 'card_holds_merged' });
    expect(decide(state, edit('card-2'), phone)).toMatchObject({ code: 'card_merged' });
  });
});

describe('what phones and the projector are sent of a held card', () => {
  it('no text while held; the text with the release; the edited text after Edit and show', () => {
    const start = atQuestions();
    const add = play(start, buildCommand('card.add', { id: 'card-1', text: NAMED, forCheck: true }));
    expect(redactEvent(add.event, add.state)).toMatchObject({ card: { text: '', redacted: true, held: true } });
    const released = play(
      add.state,
      buildCommand('card.release', { cardId: 'card-1', text: 'Ask J5M what he would like' }),
      buildContext(),
    );
    expect(redactEvent(released.event, released.state)).toMatchObject({ text: 'Ask J5M what he would like' });
    // Replayed while held, or after Edit and show, the add never carries the words it was sent with.
    expect(JSON.stringify(eventsFor('projector', [add.event], add.state))).not.toContain('Ben');
    expect(JSON.stringify(eventsFor('participant', [add.event, released.event], released.state))).not.toContain('Ben');
    const phoneView = foldEvents(initialMeetingState, [
      ...eventsFor('participant', [], start),
      redactEvent(add.event, add.state),
      redactEvent(released.event, released.state),
    ]);
    expect(phoneView.cards.find((card) => card.id === 'card-1')).toMatchObject({
      hidden: false,
      text: 'Ask J5M what he would like',
    });
  });
});

describe('held cards in the one reducer, live or replayed (seeded)', () => {
  /** The room's view of a whole state: hidden (and so held) cards without their text, no card with its author's id. */
  function withoutHiddenText(state: MeetingState): Card[] {
    return state.cards.map(({ authorId: _authorId, ...card }) =>
      card.hidden ? { ...card, text: '', redacted: true as const } : card,
    );
  }

  it('never sends a held card’s text to phones or the projector, whatever happens around it', () => {
    const seed = 20261130;
    let random = seed;
    const next = () => {
      random = (random * 1103515245 + 12345) % 2 ** 31;
      return random / 2 ** 31;
    };
    for (let trial = 0; trial < 200; trial++) {
      let state = atQuestions();
      let log: MeetingEvent[] = [];
      const live: MeetingEvent[] = [];
      const ids: string[] = [];
      const pickId = () => ids[Math.floor(next() * ids.length)] as string;
      for (let step = 0; step < 16; step++) {
        const roll = next();
        let command: Command;
        let context = buildContext();
        if (ids.length === 0 || roll < 0.3) {
          const id = `card-${trial}-${step}`;
          ids.push(id);
          // Half name someone (Ben), and of those, most are sent for checking.
          const named = next() < 0.5;
          command = buildCommand('card.add', {
            id,
            text: named ? `Ben ${id}` : `Clean ${id}`,
            ...(named && next() < 0.8 ? { forCheck: true as const } : {}),
          });
          context = phone;
        } else if (roll < 0.45) command = buildCommand('card.hide', { cardId: pickId(), hidden: next() < 0.5 });
        else if (roll < 0.6)
          command = buildCommand('card.release', {
            cardId: pickId(),
            ...(next() < 0.5 ? { text: `Shown ${step}` } : {}),
          });
        else if (roll < 0.7) command = buildCommand('card.remove', { cardId: pickId() });
        else if (roll < 0.85) {
          command = buildCommand('card.edit', { cardId: pickId(), text: `Ben again ${step}`, forCheck: true });
          context = phone;
        } else command = buildCommand('card.merge', { cardId: pickId(), intoCardId: pickId() });
        const decision = decide(state, command, context);
        if (!decision.ok) continue;
        const event = buildEvent(decision.event, { seq: state.seq + 1 });
        log = [...log, event];
        state = applyEvent(state, event);
        live.push(redactEvent(event, state));
      }
      const context = `seed ${seed}, trial ${trial}`;
      const startEvents = eventsFor('participant', [], state);
      const replay = [...startEvents, ...eventsFor('participant', log, state)];
      const base = atQuestions();
      const expected = withoutHiddenText(state);
      for (const stream of [live, replay]) {
        const phoneState = foldEvents(base, stream);
        expect(phoneState.cards, context).toEqual(expected);
        const texts = (of: MeetingState) => cardsOfStage(of, 'clarifying-questions').map((card) => card.text);
        expect(texts(phoneState), context).toEqual(texts(state));
      }
      for (const card of heldCards(state)) expect(JSON.stringify(replay), context).not.toContain(`${card.text}"`);
      // Words a card was held with reach the room only if the EP showed the card in those very words.
      const shownTexts = new Set(state.cards.filter((card) => !card.hidden).map((card) => card.text));
      for (const event of log) {
        const heldWords =
          event.type === 'card.added' && event.card.held
            ? event.card.text
            : event.type === 'card.edited' && event.held
              ? event.text
              : null;
        if (heldWords && !shownTexts.has(heldWords))
          expect(JSON.stringify(replay), context).not.toContain(`"${heldWords}"`);
      }
    }
  });
});
