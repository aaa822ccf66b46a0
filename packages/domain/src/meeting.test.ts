import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES, type Command } from './commands.js';
import { ERROR_CODES, type ErrorCode } from './errors.js';
import type { MeetingEvent } from './events.js';
import { LIMITS } from './limits.js';
import {
  applyEvent,
  cardPlaceRefusal,
  cardsOfCurrentCase,
  cardsOfStage,
  countsTowardsCardCap,
  currentCase,
  currentStage,
  decide,
  foldEvents,
  initialMeetingState,
  type MeetingState,
  STORED_CARDS_CEILING,
  sessionStartedEvent,
  timerRemainingMs,
} from './meeting.js';
import { CARD_KINDS, DEFAULT_STAGES } from './stages.js';
import {
  buildAgenda,
  buildCard,
  buildCase,
  buildCommand,
  buildContext,
  buildEvent,
  buildStartedState,
  decideEvent,
  deepFreeze,
  MINUTE,
  PRODUCT_STAGES,
  play,
  T0,
} from './testing/builders.js';

function expectRefused(state: MeetingState, command: Command, code: ErrorCode, now = T0): void {
  expect(decide(state, command, buildContext({ now }))).toEqual({ ok: false, code, message: ERROR_CODES[code] });
}

/** A started state moved on to a stage of the first case. */
function atStage(stageId: string, base: MeetingState = buildStartedState()): MeetingState {
  const index = base.stages.findIndex((stage) => stage.id === stageId);
  if (index < 0) throw new Error(`no stage ${stageId}`);
  let state = base;
  while (state.stageIndex < index) state = play(state, buildCommand('stage.next'));
  return state;
}

/** A started state at Clarifying questions holding one visible question, card-1. */
function withCard(): MeetingState {
  return play(atStage('clarifying-questions'), buildCommand('card.add', { id: 'card-1' }));
}

describe('starting a session', () => {
  it('builds session.started from the agenda with the first stage’s suggested time', () => {
    const cases = buildAgenda();
    const event = sessionStartedEvent(cases, DEFAULT_STAGES);
    expect(event).toEqual({
      type: 'session.started',
      cases,
      stages: [...DEFAULT_STAGES],
      timer: { status: 'stopped', remainingMs: 5 * MINUTE },
    });
    expect(event.stages).not.toBe(DEFAULT_STAGES);
  });

  it('stops the timer at zero for an empty template', () => {
    expect(sessionStartedEvent(buildAgenda(), []).timer).toEqual({ status: 'stopped', remainingMs: 0 });
  });

  it('makes the session live at the first stage of the first case', () => {
    const state = buildStartedState();
    expect(state).toEqual({
      status: 'live',
      seq: 1,
      stages: [...DEFAULT_STAGES],
      cases: buildAgenda(),
      caseIndex: 0,
      stageIndex: 0,
      timer: { status: 'stopped', remainingMs: 5 * MINUTE },
      cards: [],
      spotlightCardId: null,
      plans: {},
      locked: false,
      removed: [],
    });
    expect(currentCase(state)?.reference).toBe('J5M');
    expect(currentStage(state)?.name).toBe('Preparation');
  });

  it.each(COMMAND_TYPES)('refuses %s before the session has started', (type) => {
    expectRefused(initialMeetingState, buildCommand(type), 'session_not_live');
  });
});

describe('moving through the stages', () => {
  it('walks every stage with stage.next, resetting the timer each time, then refuses at the last', () => {
    let state = buildStartedState();
    for (let index = 1; index < DEFAULT_STAGES.length; index += 1) {
      state = play(state, buildCommand('stage.next'));
      expect(state.stageIndex).toBe(index);
      expect(state.caseIndex).toBe(0);
      expect(currentStage(state)?.name).toBe(PRODUCT_STAGES[index]?.name);
      expect(state.timer).toEqual({
        status: 'stopped',
        remainingMs: (DEFAULT_STAGES[index]?.suggestedMinutes ?? 0) * MINUTE,
      });
    }
    expect(currentStage(state)?.name).toBe('Action plan');
    expectRefused(state, buildCommand('stage.next'), 'at_last_stage');
  });

  it('refuses stage.previous at the first stage', () => {
    expectRefused(buildStartedState(), buildCommand('stage.previous'), 'at_first_stage');
  });

  it('goes back one stage with stage.previous, resetting the timer', () => {
    const state = play(atStage('desired-situation'), buildCommand('stage.previous'));
    expect(currentStage(state)?.id).toBe('clarifying-questions');
    expect(state.timer).toEqual({ status: 'stopped', remainingMs: 10 * MINUTE });
  });

  it('records the stage change as an event with the new indexes and timer', () => {
    const state = buildStartedState();
    expect(decide(state, buildCommand('stage.next'), buildContext())).toEqual({
      ok: true,
      event: {
        type: 'stage.changed',
        caseIndex: 0,
        stageIndex: 1,
        timer: { status: 'stopped', remainingMs: 5 * MINUTE },
      },
    });
  });

  it('resets a running timer to the new stage’s suggested time', () => {
    let state = play(atStage('clarifying-questions'), buildCommand('timer.start'));
    state = play(state, buildCommand('timer.extend'), { now: T0 + MINUTE });
    state = play(state, buildCommand('stage.next'), { now: T0 + 3 * MINUTE });
    expect(state.timer).toEqual({ status: 'stopped', remainingMs: 10 * MINUTE });
  });

  it.each(['stage.next', 'stage.previous', 'case.next'] as const)('clears the spotlight on %s', (type) => {
    const state = play(withCard(), buildCommand('card.spotlight', { cardId: 'card-1' }));
    expect(state.spotlightCardId).toBe('card-1');
    expect(play(state, buildCommand(type)).spotlightCardId).toBeNull();
  });
});

describe('moving through the cases', () => {
  it('moves to the first stage of the next case, resetting the timer', () => {
    const before = play(atStage('strategies-and-resources'), buildCommand('timer.start'));
    const state = play(before, buildCommand('case.next'), { now: T0 + MINUTE });
    expect(state.caseIndex).toBe(1);
    expect(state.stageIndex).toBe(0);
    expect(currentCase(state)?.reference).toBe('Year 3 transition');
    expect(state.timer).toEqual({ status: 'stopped', remainingMs: 5 * MINUTE });
  });

  it('refuses case.next on the last case', () => {
    const state = play(buildStartedState(), buildCommand('case.next'));
    expectRefused(state, buildCommand('case.next'), 'no_next_case');
  });

  it('refuses case.next when the agenda holds one case', () => {
    expectRefused(buildStartedState({ cases: [buildCase()] }), buildCommand('case.next'), 'no_next_case');
  });

  it('keeps the cards of earlier cases but shows only the current case’s', () => {
    const state = play(withCard(), buildCommand('case.next'));
    expect(state.cards).toHaveLength(1);
    expect(cardsOfCurrentCase(state)).toEqual([]);
    expect(cardsOfStage(state, 'clarifying-questions')).toEqual([]);
  });
});

describe('the timer', () => {
  it('starts: the end time is now plus the time left', () => {
    const state = buildStartedState();
    const now = T0 + 7_000;
    expect(decide(state, buildCommand('timer.start'), buildContext({ now }))).toEqual({
      ok: true,
      event: { type: 'timer.changed', timer: { status: 'running', endsAt: now + 5 * MINUTE } },
    });
  });

  it('refuses to start while running', () => {
    const state = play(buildStartedState(), buildCommand('timer.start'));
    expectRefused(state, buildCommand('timer.start'), 'timer_running', T0 + 1_000);
  });

  it('pauses: stores the time left at that moment', () => {
    let state = play(buildStartedState(), buildCommand('timer.start'));
    state = play(state, buildCommand('timer.pause'), { now: T0 + 90_000 });
    expect(state.timer).toEqual({ status: 'stopped', remainingMs: 5 * MINUTE - 90_000 });
  });

  it('resumes from the time left when paused', () => {
    let state = play(buildStartedState(), buildCommand('timer.start'));
    state = play(state, buildCommand('timer.pause'), { now: T0 + MINUTE });
    state = play(state, buildCommand('timer.start'), { now: T0 + 10 * MINUTE });
    expect(state.timer).toEqual({ status: 'running', endsAt: T0 + 14 * MINUTE });
  });

  it('refuses to pause while stopped', () => {
    expectRefused(buildStartedState(), buildCommand('timer.pause'), 'timer_not_running');
  });

  it('pausing after running over stores a negative time left', () => {
    let state = play(buildStartedState(), buildCommand('timer.start'));
    state = play(state, buildCommand('timer.pause'), { now: T0 + 6 * MINUTE });
    expect(state.timer).toEqual({ status: 'stopped', remainingMs: -MINUTE });
  });

  it('adds 2 minutes while stopped', () => {
    const state = play(buildStartedState(), buildCommand('timer.extend'));
    expect(state.timer).toEqual({ status: 'stopped', remainingMs: 7 * MINUTE });
  });

  it('adds 2 minutes while running, keeping it running', () => {
    let state = play(buildStartedState(), buildCommand('timer.start'));
    state = play(state, buildCommand('timer.extend'), { now: T0 + MINUTE });
    expect(state.timer).toEqual({ status: 'running', endsAt: T0 + 7 * MINUTE });
  });

  it('adds 2 minutes from now once the timer has run over', () => {
    let state = play(buildStartedState(), buildCommand('timer.start'));
    state = play(state, buildCommand('timer.extend'), { now: T0 + 8 * MINUTE });
    expect(state.timer).toEqual({ status: 'running', endsAt: T0 + 10 * MINUTE });
  });

  it('adds 2 minutes to a stopped timer that ran over, from zero', () => {
    const state = buildStartedState({ state: { timer: { status: 'stopped', remainingMs: -3 * MINUTE } } });
    expect(play(state, buildCommand('timer.extend')).timer).toEqual({ status: 'stopped', remainingMs: 2 * MINUTE });
  });

  it('extends up to the cap and no further, while stopped', () => {
    const nearCap = LIMITS.timerMaxMs - LIMITS.timerExtensionMs;
    let state = buildStartedState({ state: { timer: { status: 'stopped', remainingMs: nearCap } } });
    state = play(state, buildCommand('timer.extend'));
    expect(state.timer).toEqual({ status: 'stopped', remainingMs: LIMITS.timerMaxMs });
    expectRefused(state, buildCommand('timer.extend'), 'timer_too_long');
  });

  it('extends up to the cap and no further, while running', () => {
    const running = buildStartedState({
      state: { timer: { status: 'running', endsAt: T0 + LIMITS.timerMaxMs - LIMITS.timerExtensionMs + 1 } },
    });
    expectRefused(running, buildCommand('timer.extend'), 'timer_too_long');
    expectRefused(running, buildCommand('timer.extend'), 'timer_too_long', T0 - 10);
    const state = play(running, buildCommand('timer.extend'), { now: T0 + 1 });
    expect(state.timer).toEqual({ status: 'running', endsAt: T0 + 1 + LIMITS.timerMaxMs });
  });

  it('reports the time left, negative once it has run over', () => {
    expect(timerRemainingMs({ status: 'running', endsAt: T0 + 1_000 }, T0)).toBe(1_000);
    expect(timerRemainingMs({ status: 'running', endsAt: T0 }, T0 + 1_000)).toBe(-1_000);
    expect(timerRemainingMs({ status: 'stopped', remainingMs: 42 }, T0 + 1_000_000)).toBe(42);
  });
});

describe('adding cards', () => {
  it('adds a card whose id is the command id, by the sender, at this moment', () => {
    const state = atStage('clarifying-questions');
    const command = buildCommand('card.add', { kind: 'affirmation', text: 'Lovely relationship with the TA.' });
    const decision = decide(state, command, buildContext({ now: T0 + 5_000, author: 'SENCO B' }));
    expect(decision).toEqual({
      ok: true,
      event: {
        type: 'card.added',
        card: {
          id: command.id,
          caseId: 'case-1',
          stageId: 'clarifying-questions',
          kind: 'affirmation',
          text: 'Lovely relationship with the TA.',
          author: 'SENCO B',
          createdAt: T0 + 5_000,
        },
      },
    });
    const next = play(state, command, { now: T0 + 5_000, author: 'SENCO B' });
    expect(next.cards).toEqual([
      buildCard({
        id: command.id,
        kind: 'affirmation',
        text: 'Lovely relationship with the TA.',
        author: 'SENCO B',
        createdAt: T0 + 5_000,
      }),
    ]);
  });

  const matrix = DEFAULT_STAGES.flatMap((stage, index) =>
    CARD_KINDS.map((kind) => [stage.name, kind, PRODUCT_STAGES[index]?.cardKinds.includes(kind) ?? false] as const),
  );

  it.each(matrix)('%s with a %s card: accepted %s', (stageName, kind, accepted) => {
    const stage = DEFAULT_STAGES.find((candidate) => candidate.name === stageName);
    if (!stage) throw new Error(`no stage ${stageName}`);
    const state = atStage(stage.id);
    const command = buildCommand('card.add', { stageId: stage.id, kind });
    if (accepted) {
      expect(decide(state, command, buildContext()).ok).toBe(true);
    } else {
      expectRefused(state, command, 'stage_takes_no_such_card');
    }
  });

  it('accepts a card for an earlier stage of the case that takes it', () => {
    const state = atStage('feedback');
    const next = play(state, buildCommand('card.add', { stageId: 'clarifying-questions', kind: 'question' }));
    expect(next.cards).toHaveLength(1);
    expect(cardsOfStage(next, 'clarifying-questions')).toHaveLength(1);
  });

  it('refuses a card for an unknown stage', () => {
    expectRefused(withCard(), buildCommand('card.add', { stageId: 'small-talk' }), 'stage_takes_no_such_card');
  });

  it('refuses a card for a case not on the agenda', () => {
    expectRefused(withCard(), buildCommand('card.add', { caseId: 'case-9' }), 'no_such_case');
  });

  it('refuses a card for another case on the agenda than the one being discussed', () => {
    expectRefused(withCard(), buildCommand('card.add', { caseId: 'case-2' }), 'not_current_case');
    // Once the meeting has moved on to the second case, the first one takes no more cards.
    let state = atStage('feedback');
    state = play(state, buildCommand('case.next'));
    state = atStage('clarifying-questions', state);
    expectRefused(state, buildCommand('card.add', { caseId: 'case-1' }), 'not_current_case');
    expect(decide(state, buildCommand('card.add', { caseId: 'case-2' }), buildContext()).ok).toBe(true);
  });

  it('refuses a card for a stage of the case the meeting has not reached yet', () => {
    const state = atStage('clarifying-questions');
    expectRefused(
      state,
      buildCommand('card.add', { stageId: 'strategies-and-resources', kind: 'strategy' }),
      'stage_not_reached',
    );
    expectRefused(atStage('preparation'), buildCommand('card.add'), 'stage_not_reached');
  });

  it('says where a card may go without deciding anything (the phone asks before offering Send)', () => {
    const state = atStage('desired-situation');
    expect(cardPlaceRefusal(state, { caseId: 'case-1', stageId: 'desired-situation', kind: 'question' })).toBeNull();
    expect(cardPlaceRefusal(state, { caseId: 'case-1', stageId: 'clarifying-questions', kind: 'affirmation' })).toBe(
      null,
    );
    expect(cardPlaceRefusal(state, { caseId: 'case-1', stageId: 'desired-situation', kind: 'strategy' })).toBe(
      'stage_takes_no_such_card',
    );
    expect(cardPlaceRefusal(state, { caseId: 'case-2', stageId: 'desired-situation', kind: 'question' })).toBe(
      'not_current_case',
    );
    expect(cardPlaceRefusal(state, { caseId: 'case-1', stageId: 'strategies-and-resources', kind: 'resource' })).toBe(
      'stage_not_reached',
    );
  });

  it('refuses a card once the session holds as many as it can', () => {
    const cards = Array.from({ length: LIMITS.cardsPerSession }, (_, index) => buildCard({ id: `card-${index}` }));
    const full = atStage('clarifying-questions', buildStartedState({ state: { cards } }));
    expectRefused(full, buildCommand('card.add'), 'too_many_cards');
    const roomForOne = atStage('clarifying-questions', buildStartedState({ state: { cards: cards.slice(1) } }));
    expect(decide(roomForOne, buildCommand('card.add'), buildContext()).ok).toBe(true);
  });

  it('does not count hidden cards against the cap: hiding cards makes room', () => {
    const cards = Array.from({ length: LIMITS.cardsPerSession }, (_, index) => buildCard({ id: `card-${index}` }));
    const full = atStage('clarifying-questions', buildStartedState({ state: { cards } }));
    expectRefused(full, buildCommand('card.add'), 'too_many_cards');
    const hidden = play(full, buildCommand('card.hide', { cardId: 'card-7', hidden: true }));
    expect(decide(hidden, buildCommand('card.add'), buildContext()).ok).toBe(true);
    expect(full.cards.filter(countsTowardsCardCap)).toHaveLength(LIMITS.cardsPerSession);
    expect(hidden.cards.filter(countsTowardsCardCap)).toHaveLength(LIMITS.cardsPerSession - 1);
  });

  it('still stops at a hard ceiling of stored cards, hidden ones included', () => {
    const cards = Array.from({ length: STORED_CARDS_CEILING }, (_, index) =>
      buildCard({ id: `card-${index}`, hidden: true }),
    );
    const state = atStage('clarifying-questions', buildStartedState({ state: { cards } }));
    expectRefused(state, buildCommand('card.add'), 'too_many_cards');
    const below = atStage('clarifying-questions', buildStartedState({ state: { cards: cards.slice(1) } }));
    expect(decide(below, buildCommand('card.add'), buildContext()).ok).toBe(true);
  });

  it('keeps cards in the order they were added', () => {
    let state = atStage('clarifying-questions');
    for (const id of ['card-a', 'card-b', 'card-c']) state = play(state, buildCommand('card.add', { id }));
    expect(cardsOfStage(state, 'clarifying-questions').map((card) => card.id)).toEqual(['card-a', 'card-b', 'card-c']);
  });
});

describe('hiding, spotlighting and marking cards', () => {
  it.each([
    ['card.hide', buildCommand('card.hide', { cardId: 'card-9' })],
    ['card.spotlight', buildCommand('card.spotlight', { cardId: 'card-9' })],
    ['card.helpful', buildCommand('card.helpful', { cardId: 'card-9' })],
  ] as const)('refuses %s for a card not on the board', (_type, command) => {
    expectRefused(withCard(), command, 'no_such_card');
  });

  it('hides and unhides a card', () => {
    const hidden = play(withCard(), buildCommand('card.hide', { cardId: 'card-1', hidden: true }));
    expect(hidden.cards[0]?.hidden).toBe(true);
    expect(cardsOfStage(hidden, 'clarifying-questions')).toEqual([]);
    expect(cardsOfStage(hidden, 'clarifying-questions', { includeHidden: true })).toHaveLength(1);
    expect(cardsOfCurrentCase(hidden)).toEqual([]);
    expect(cardsOfCurrentCase(hidden, { includeHidden: true })).toHaveLength(1);
    const shown = play(hidden, buildCommand('card.hide', { cardId: 'card-1', hidden: false }));
    expect(shown.cards[0]?.hidden).toBe(false);
  });

  it('spotlights a card, and clears the spotlight with null', () => {
    const spotlit = play(withCard(), buildCommand('card.spotlight', { cardId: 'card-1' }));
    expect(spotlit.spotlightCardId).toBe('card-1');
    const cleared = play(spotlit, buildCommand('card.spotlight', { cardId: null }));
    expect(cleared.spotlightCardId).toBeNull();
  });

  it('accepts clearing the spotlight when nothing is spotlit', () => {
    expect(decide(withCard(), buildCommand('card.spotlight', { cardId: null }), buildContext())).toEqual({
      ok: true,
      event: { type: 'card.spotlighted', cardId: null },
    });
  });

  it('refuses to spotlight a hidden card', () => {
    const state = play(withCard(), buildCommand('card.hide', { cardId: 'card-1', hidden: true }));
    expectRefused(state, buildCommand('card.spotlight', { cardId: 'card-1' }), 'no_such_card');
  });

  it('clears the spotlight when the spotlit card is hidden', () => {
    let state = play(withCard(), buildCommand('card.spotlight', { cardId: 'card-1' }));
    state = play(state, buildCommand('card.hide', { cardId: 'card-1', hidden: true }));
    expect(state.spotlightCardId).toBeNull();
  });

  it('keeps the spotlight when another card is hidden', () => {
    let state = play(withCard(), buildCommand('card.add', { id: 'card-2' }));
    state = play(state, buildCommand('card.spotlight', { cardId: 'card-1' }));
    state = play(state, buildCommand('card.hide', { cardId: 'card-2', hidden: true }));
    expect(state.spotlightCardId).toBe('card-1');
    expect(state.cards.map((card) => card.hidden)).toEqual([false, true]);
  });

  it('keeps the spotlight when the spotlit card is unhidden', () => {
    let state = play(withCard(), buildCommand('card.spotlight', { cardId: 'card-1' }));
    state = play(state, buildCommand('card.hide', { cardId: 'card-1', hidden: false }));
    expect(state.spotlightCardId).toBe('card-1');
  });

  it('marks a card helpful and unmarks it, leaving the other cards alone', () => {
    let state = play(withCard(), buildCommand('card.add', { id: 'card-2' }));
    state = play(state, buildCommand('card.helpful', { cardId: 'card-2', helpful: true }));
    expect(state.cards.map((card) => card.helpful)).toEqual([false, true]);
    state = play(state, buildCommand('card.helpful', { cardId: 'card-2', helpful: false }));
    expect(state.cards.map((card) => card.helpful)).toEqual([false, false]);
  });
});

describe('ending the session', () => {
  it('ends the session, stops the timer at that moment and clears the spotlight', () => {
    let state = play(withCard(), buildCommand('card.spotlight', { cardId: 'card-1' }));
    state = play(state, buildCommand('timer.start'));
    state = play(state, buildCommand('session.end'), { now: T0 + 4 * MINUTE });
    expect(state.status).toBe('ended');
    expect(state.timer).toEqual({ status: 'stopped', remainingMs: 6 * MINUTE });
    expect(state.spotlightCardId).toBeNull();
    expect(state.cards).toHaveLength(1);
  });

  it.each(COMMAND_TYPES)('refuses %s once the session has ended', (type) => {
    const ended = play(withCard(), buildCommand('session.end'));
    expectRefused(ended, buildCommand(type), 'session_not_live');
  });
});

/** A realistic run of a consultation: every event type, as the server would store it. */
function buildLog(): MeetingEvent[] {
  const started = buildEvent(sessionStartedEvent(buildAgenda(), DEFAULT_STAGES), { seq: 1 });
  const events: MeetingEvent[] = [started];
  let state = applyEvent(initialMeetingState, started);
  const steps: [Command, number][] = [
    [buildCommand('stage.next'), T0 + MINUTE],
    [buildCommand('stage.next'), T0 + 2 * MINUTE],
    [buildCommand('timer.start'), T0 + 3 * MINUTE],
    [buildCommand('card.add', { id: 'card-1' }), T0 + 4 * MINUTE],
    [buildCommand('card.add', { id: 'card-2', kind: 'affirmation' }), T0 + 5 * MINUTE],
    [buildCommand('card.spotlight', { cardId: 'card-1' }), T0 + 6 * MINUTE],
    [buildCommand('card.hide', { cardId: 'card-2', hidden: true }), T0 + 7 * MINUTE],
    [buildCommand('timer.extend'), T0 + 8 * MINUTE],
    [buildCommand('timer.pause'), T0 + 9 * MINUTE],
    [buildCommand('card.helpful', { cardId: 'card-1', helpful: true }), T0 + 10 * MINUTE],
    [buildCommand('case.next'), T0 + 11 * MINUTE],
    [buildCommand('session.end'), T0 + 12 * MINUTE],
  ];
  for (const [command, now] of steps) {
    const event = decideEvent(state, command, { now });
    events.push(event);
    state = applyEvent(state, event);
  }
  return events;
}

function applyOneByOne(state: MeetingState, events: readonly MeetingEvent[]): MeetingState {
  return events.reduce(applyEvent, state);
}

describe('foldEvents', () => {
  it('is the same as applying the events one by one', () => {
    const log = buildLog();
    const folded = foldEvents(initialMeetingState, log);
    expect(folded).toEqual(applyOneByOne(initialMeetingState, log));
    expect(folded.seq).toBe(log.length);
    expect(folded.status).toBe('ended');
    expect(folded.cards.map((card) => [card.id, card.hidden, card.helpful])).toEqual([
      ['card-1', false, true],
      ['card-2', true, false],
    ]);
  });

  it('skips events it has already folded when a replay overlaps', () => {
    const log = buildLog();
    const partway = foldEvents(initialMeetingState, log.slice(0, 6));
    expect(partway.cards).toHaveLength(2);
    const caughtUp = foldEvents(partway, log.slice(3));
    expect(caughtUp).toEqual(foldEvents(initialMeetingState, log));
    expect(caughtUp.cards).toHaveLength(2);
  });

  it('skips a replay of events it has seen, leaving the state as it was', () => {
    const log = buildLog();
    const full = foldEvents(initialMeetingState, log);
    expect(foldEvents(full, log)).toBe(full);
    expect(foldEvents(full, [])).toBe(full);
  });

  it('skips an event whose seq equals the state’s', () => {
    const state = withCard();
    const again = buildEvent({ type: 'card.added', card: { ...buildCard({ id: 'card-x' }) } }, { seq: state.seq });
    expect(foldEvents(state, [again]).cards).toHaveLength(1);
    expect(foldEvents(state, [{ ...again, seq: state.seq + 1 }]).cards).toHaveLength(2);
  });
});

describe('applyEvent purity', () => {
  it('never mutates the state or the event it is given, for any event of a whole consultation', () => {
    const log = buildLog();
    let state = initialMeetingState;
    for (const event of log) {
      const stateBefore = structuredClone(state);
      const eventBefore = structuredClone(event);
      const frozenState = deepFreeze(structuredClone(state));
      const frozenEvent = deepFreeze(structuredClone(event));
      const next = applyEvent(frozenState, frozenEvent);
      expect(frozenState, event.type).toEqual(stateBefore);
      expect(frozenEvent, event.type).toEqual(eventBefore);
      expect(next, event.type).not.toBe(frozenState);
      expect(next.seq).toBe(event.seq);
      state = applyEvent(state, event);
      expect(next, event.type).toEqual(state);
    }
  });

  it('never mutates the state decide is given', () => {
    const state = deepFreeze(structuredClone(withCard()));
    const snapshot = structuredClone(state);
    for (const type of COMMAND_TYPES) decide(state, buildCommand(type), buildContext());
    expect(state).toEqual(snapshot);
  });

  it('leaves the shared initial state alone', () => {
    const snapshot = structuredClone(initialMeetingState);
    foldEvents(initialMeetingState, buildLog());
    expect(initialMeetingState).toEqual(snapshot);
  });
});

describe('plan.changed', () => {
  it('keeps each case its own plan, replacing it whole', () => {
    const row = {
      id: 'row-1',
      action: 'Visual timetable',
      who: 'Class teacher',
      byWhen: '',
      successLooksLike: '',
      reviewDate: '',
      areaOfNeed: null,
      fromCardId: null,
    };
    const started = applyEvent(initialMeetingState, { ...sessionStartedEvent([], DEFAULT_STAGES), seq: 1, at: 0 });
    const once = applyEvent(started, {
      type: 'plan.changed',
      caseId: 'case-a',
      version: 1,
      rows: [row],
      seq: 2,
      at: 0,
    });
    const twice = applyEvent(once, { type: 'plan.changed', caseId: 'case-b', version: 1, rows: [], seq: 3, at: 0 });
    const edited = applyEvent(twice, {
      type: 'plan.changed',
      caseId: 'case-a',
      version: 2,
      rows: [{ ...row, who: 'SENCO' }],
      seq: 4,
      at: 0,
    });
    expect(edited.plans['case-a']).toEqual({ version: 2, rows: [{ ...row, who: 'SENCO' }] });
    expect(edited.plans['case-b']).toEqual({ version: 1, rows: [] });
    expect(once.plans['case-a']?.rows[0]?.who).toBe('Class teacher');
  });
});

describe('editing the action plan in the meeting', () => {
  const row = (id: string, action = 'Meet and greet at the gate') => ({
    id,
    action,
    who: 'Class teacher',
    byWhen: '2026-12-01',
    successLooksLike: 'Comes in calmly',
    reviewDate: '2027-01-10',
    areaOfNeed: null,
    fromCardId: null,
  });

  it('moves the plan on one version with the whole list of rows', () => {
    let state = play(buildStartedState(), buildCommand('plan.update', { version: 0, rows: [row('r1')] }));
    expect(state.plans['case-1']).toEqual({ version: 1, rows: [row('r1')] });
    state = play(state, buildCommand('plan.update', { version: 1, rows: [row('r2'), row('r1')] }));
    expect(state.plans['case-1']?.version).toBe(2);
    expect(state.plans['case-1']?.rows.map((r) => r.id)).toEqual(['r2', 'r1']);
  });

  it('refuses an edit made from an older version (plan_changed)', () => {
    const state = play(buildStartedState(), buildCommand('plan.update', { version: 0, rows: [row('r1')] }));
    expectRefused(state, buildCommand('plan.update', { version: 0, rows: [] }), 'plan_changed');
  });

  it('refuses a plan for a case not on the agenda, and a row twice', () => {
    expectRefused(buildStartedState(), buildCommand('plan.update', { caseId: 'case-9' }), 'no_such_case');
    expect(
      decide(buildStartedState(), buildCommand('plan.update', { rows: [row('r1'), row('r1')] }), buildContext()),
    ).toEqual({ ok: false, code: 'invalid_payload', message: 'Each action appears once.' });
  });
});

describe('who is in the room', () => {
  const people = new Map([['participant-1', { name: 'SENCO A' }]]);
  const findParticipant = (id: string) => people.get(id);

  it('removes a phone that joined this session, once, by its participant id', () => {
    const state = buildStartedState();
    const command = buildCommand('participant.remove', { participantId: 'participant-1' });
    expect(decide(state, command, buildContext({ findParticipant }))).toEqual({
      ok: true,
      event: { type: 'participant.removed', participantId: 'participant-1', name: 'SENCO A' },
    });
    const removed = play(state, command, { findParticipant });
    expect(removed.removed).toEqual(['participant-1']);
    expect(decide(removed, buildCommand('participant.remove'), buildContext({ findParticipant }))).toMatchObject({
      ok: false,
      code: 'no_such_participant',
    });
  });

  it('refuses to remove someone who did not join this session', () => {
    const state = buildStartedState();
    const unknown = buildCommand('participant.remove', { participantId: 'participant-9' });
    expect(decide(state, unknown, buildContext({ findParticipant }))).toMatchObject({ code: 'no_such_participant' });
    expectRefused(state, buildCommand('participant.remove'), 'no_such_participant');
  });

  it('locks and unlocks the room', () => {
    const locked = play(buildStartedState(), buildCommand('room.lock', { locked: true }));
    expect(locked.locked).toBe(true);
    expect(play(locked, buildCommand('room.lock', { locked: false })).locked).toBe(false);
    expect(initialMeetingState.locked).toBe(false);
  });

  it('refuses both once the session is over', () => {
    const ended = play(buildStartedState(), buildCommand('session.end'));
    expectRefused(ended, buildCommand('room.lock'), 'session_not_live');
  });
});
