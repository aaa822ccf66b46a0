import { describe, expect, it } from 'vitest';
import { cardStageIsOn } from './cardEdits.js';
import { commandSchema } from './commands.js';
import type { Card, MeetingEvent } from './events.js';
import { LIMITS } from './limits.js';
import {
  applyEvent,
  cardsOfCurrentCase,
  cardsOfStage,
  countsTowardsCardCap,
  decide,
  foldEvents,
  initialMeetingState,
  type MeetingState,
  STORED_CARDS_CEILING,
} from './meeting.js';
import { mayCommand } from './permissions.js';
import { eventsFor, redactEvent } from './redaction.js';
import { buildCard, buildCommand, buildContext, buildEvent, buildStartedState, play } from './testing/builders.js';

// Item 2 of issue 9: a person's Edit and Withdraw of their own card, until the stage moves on.

const A = { author: 'SENCO A', actorId: 'participant-a' };
const B = { author: 'SENCO B', actorId: 'participant-b' };

/** A live session at Clarifying questions with one card of SENCO A's. */
function withCardOfA(): MeetingState {
  let state = buildStartedState();
  state = play(state, buildCommand('stage.next'));
  state = play(state, buildCommand('stage.next'));
  return play(state, buildCommand('card.add', { id: 'card-1', text: 'What helps at lunchtime?' }), A);
}

describe('card.edit and card.withdraw', () => {
  it('keeps who added a card, so only they may change it', () => {
    expect(withCardOfA().cards[0]).toMatchObject({ authorId: 'participant-a', author: 'SENCO A' });
  });

  it('lets the author edit their card: the text changes and the card is marked edited', () => {
    const state = play(withCardOfA(), buildCommand('card.edit', { cardId: 'card-1', text: 'What helps at break?' }), A);
    expect(state.cards[0]).toMatchObject({ text: 'What helps at break?', edited: true });
  });

  it('lets the author withdraw their card: it leaves every list and its text is forgotten', () => {
    const state = play(withCardOfA(), buildCommand('card.withdraw', { cardId: 'card-1' }), A);
    expect(state.cards[0]).toMatchObject({ withdrawn: true, text: '' });
    expect(cardsOfStage(state, 'clarifying-questions', { includeHidden: true })).toEqual([]);
    expect(cardsOfCurrentCase(state, { includeHidden: true })).toEqual([]);
  });

  it("refuses another person's card", () => {
    const state = withCardOfA();
    for (const command of [
      buildCommand('card.edit', { cardId: 'card-1', text: 'Changed by B' }),
      buildCommand('card.withdraw', { cardId: 'card-1' }),
    ]) {
      expect(decide(state, command, buildContext(B))).toMatchObject({ ok: false, code: 'not_your_card' });
      // A sender the server could not name is nobody's author.
      expect(decide(state, command, buildContext({ author: 'SENCO A' }))).toMatchObject({ code: 'not_your_card' });
    }
  });

  it('refuses once the stage has moved on (and on another case)', () => {
    const moved = play(withCardOfA(), buildCommand('stage.next'));
    expect(decide(moved, buildCommand('card.edit', { cardId: 'card-1' }), buildContext(A))).toMatchObject({
      ok: false,
      code: 'card_stage_closed',
    });
    expect(decide(moved, buildCommand('card.withdraw', { cardId: 'card-1' }), buildContext(A))).toMatchObject({
      code: 'card_stage_closed',
    });
    // Back at the card's stage, the author may change it again.
    const back = play(moved, buildCommand('stage.previous'));
    expect(decide(back, buildCommand('card.withdraw', { cardId: 'card-1' }), buildContext(A)).ok).toBe(true);
    const nextCase = play(withCardOfA(), buildCommand('case.next'));
    expect(cardStageIsOn(nextCase, nextCase.cards[0] as never)).toBe(false);
  });

  it('refuses a card that is not there, or withdrawn already, and an edit of a card the EP hid', () => {
    const state = withCardOfA();
    expect(decide(state, buildCommand('card.edit', { cardId: 'card-9' }), buildContext(A))).toMatchObject({
      code: 'no_such_card',
    });
    const withdrawn = play(state, buildCommand('card.withdraw', { cardId: 'card-1' }), A);
    expect(decide(withdrawn, buildCommand('card.withdraw', { cardId: 'card-1' }), buildContext(A))).toMatchObject({
      code: 'no_such_card',
    });
    for (const type of ['card.hide', 'card.spotlight', 'card.helpful'] as const) {
      expect(decide(withdrawn, buildCommand(type, { cardId: 'card-1' }), buildContext())).toMatchObject({
        code: 'no_such_card',
      });
    }
    const hidden = play(state, buildCommand('card.hide', { cardId: 'card-1', hidden: true }));
    expect(decide(hidden, buildCommand('card.edit', { cardId: 'card-1' }), buildContext(A))).toMatchObject({
      code: 'no_such_card',
    });
    // The author may still withdraw a card the EP hid.
    expect(decide(hidden, buildCommand('card.withdraw', { cardId: 'card-1' }), buildContext(A)).ok).toBe(true);
  });

  it('refuses a card from an old log that does not say who added it', () => {
    const state = { ...withCardOfA() };
    state.cards = state.cards.map(({ authorId: _authorId, ...card }) => card);
    expect(decide(state, buildCommand('card.withdraw', { cardId: 'card-1' }), buildContext(A))).toMatchObject({
      code: 'not_your_card',
    });
  });

  it('may be sent by phones and the console, never by the projector', () => {
    for (const type of ['card.edit', 'card.withdraw'] as const) {
      expect(mayCommand('participant', type)).toBe(true);
      expect(mayCommand('facilitator', type)).toBe(true);
      expect(mayCommand('projector', type)).toBe(false);
    }
  });

  it('validates an edit like a new card: trimmed, at most the card limit, never cut', () => {
    const edit = (text: string) => commandSchema.safeParse(buildCommand('card.edit', { text }));
    expect(edit('  Tidied  ')).toMatchObject({ success: true, data: { text: 'Tidied' } });
    expect(edit('x'.repeat(LIMITS.cardText.max)).success).toBe(true);
    expect(edit('x'.repeat(LIMITS.cardText.max + 1)).success).toBe(false);
    expect(edit('   ').success).toBe(false);
    expect(commandSchema.safeParse({ ...buildCommand('card.withdraw'), text: 'extra' }).success).toBe(false);
  });

  it('takes a withdrawn card out of the spotlight and out of the card cap', () => {
    let state = withCardOfA();
    state = play(state, buildCommand('card.spotlight', { cardId: 'card-1' }));
    state = play(state, buildCommand('card.withdraw', { cardId: 'card-1' }), A);
    expect(state.spotlightCardId).toBeNull();
    expect(state.cards.filter(countsTowardsCardCap)).toHaveLength(0);
  });

  it('lets a room at the cap add again once a card is withdrawn, within the stored ceiling', () => {
    const full: MeetingState = {
      ...withCardOfA(),
      cards: Array.from({ length: LIMITS.cardsPerSession }, (_, i) =>
        buildCard({ id: `c${i}`, authorId: 'participant-a', stageId: 'clarifying-questions' }),
      ),
    };
    const add = buildCommand('card.add', { id: 'card-new' });
    expect(decide(full, add, buildContext(A))).toMatchObject({ code: 'too_many_cards' });
    const afterWithdraw = play(full, buildCommand('card.withdraw', { cardId: 'c0' }), A);
    expect(decide(afterWithdraw, add, buildContext(A)).ok).toBe(true);
    const ceiling = {
      ...afterWithdraw,
      cards: Array.from({ length: STORED_CARDS_CEILING }, () => buildCard({ withdrawn: true })),
    };
    expect(decide(ceiling, add, buildContext(A))).toMatchObject({ code: 'too_many_cards' });
  });
});

describe('what phones and the projector are sent of edits and withdrawals', () => {
  /** Plays commands as the server does: the whole log, and what a phone is sent live and in a replay. */
  function room(commands: [ReturnType<typeof buildCommand>, { author: string; actorId?: string }?][]) {
    let state = withCardOfA();
    const { hidden: _hidden, helpful: _helpful, ...card } = state.cards[0] as Card;
    const log: MeetingEvent[] = [buildEvent({ type: 'card.added', card }, { seq: state.seq })];
    const live: MeetingEvent[] = [redactEvent(log[0] as MeetingEvent, state)];
    for (const [command, who] of commands) {
      const decision = decide(state, command as never, buildContext(who ?? {}));
      if (!decision.ok) throw new Error(decision.code);
      const event = buildEvent(decision.event, { seq: state.seq + 1 });
      state = applyEvent(state, event);
      log.push(event);
      live.push(redactEvent(event, state));
    }
    return { state, log, live, replay: eventsFor('participant', log, state) };
  }

  it('never sends a card author’s person id to a phone or the projector', () => {
    const { live, replay, log } = room([]);
    expect(JSON.stringify(log)).toContain('participant-a');
    expect(JSON.stringify(live)).not.toContain('participant-a');
    expect(JSON.stringify(replay)).not.toContain('participant-a');
    expect(JSON.stringify(eventsFor('projector', log, withCardOfA()))).not.toContain('participant-a');
  });

  it('sends an edit of a visible card with its text, and the console sees it marked edited', () => {
    const { live, state } = room([[buildCommand('card.edit', { cardId: 'card-1', text: 'Edited words 4TQ' }), A]]);
    expect(live[1]).toMatchObject({ type: 'card.edited', text: 'Edited words 4TQ' });
    expect(state.cards[0]).toMatchObject({ edited: true, text: 'Edited words 4TQ' });
  });

  it('sends no edited text of a card hidden since, live or in a replay, and shows it again once unhidden', () => {
    const { replay, live, log } = room([
      [buildCommand('card.edit', { cardId: 'card-1', text: 'Edited words 4TQ' }), A],
      [buildCommand('card.hide', { cardId: 'card-1', hidden: true })],
    ]);
    expect(JSON.stringify(log)).toContain('Edited words 4TQ');
    expect(JSON.stringify(replay)).not.toContain('Edited words 4TQ');
    expect(JSON.stringify(replay)).not.toContain('lunchtime');
    const phone = foldEvents(withCardOfAStart(), replay);
    expect(phone.cards[0]).toMatchObject({ hidden: true, text: '', redacted: true });
    expect(foldEvents(withCardOfAStart(), live).cards[0]).toMatchObject({ text: '', redacted: true });

    const shown = room([
      [buildCommand('card.edit', { cardId: 'card-1', text: 'Edited words 4TQ' }), A],
      [buildCommand('card.hide', { cardId: 'card-1', hidden: true })],
      [buildCommand('card.hide', { cardId: 'card-1', hidden: false })],
    ]);
    expect(shown.live[3]).toMatchObject({ type: 'card.hidden', text: 'Edited words 4TQ' });
  });

  it('sends no text of a withdrawn card in a replay, and the room forgets it live', () => {
    const { replay, live } = room([[buildCommand('card.withdraw', { cardId: 'card-1' }), A]]);
    expect(JSON.stringify(replay)).not.toContain('lunchtime');
    expect(live[1]).toEqual(expect.objectContaining({ type: 'card.withdrawn', cardId: 'card-1' }));
    const phone = foldEvents(withCardOfAStart(), live);
    expect(phone.cards[0]).toMatchObject({ withdrawn: true, text: '' });
    expect(cardsOfStage(phone, 'clarifying-questions', { includeHidden: true })).toEqual([]);
  });

  it('still folds an old log without edits, withdrawals or author ids', () => {
    const old = [
      buildEvent({ type: 'session.started', ...pickStart() }, { seq: 1 }),
      buildEvent(
        { type: 'card.added', card: { ...buildCard(), hidden: undefined, helpful: undefined } as never },
        { seq: 2 },
      ),
    ];
    const state = foldEvents(initialMeetingState, old);
    expect(state.cards).toHaveLength(1);
    expect(state.cards[0]?.authorId).toBeUndefined();
  });
});

/** The state just before SENCO A's card was added, for a phone folding what it was sent from there. */
function withCardOfAStart(): MeetingState {
  const state = withCardOfA();
  return { ...state, seq: state.seq - 1, cards: [] };
}

function pickStart() {
  const { cases, stages, timer } = buildStartedState();
  return { cases, stages, timer };
}
