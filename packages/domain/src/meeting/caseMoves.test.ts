import { describe, expect, it } from 'vitest';
import type { Command } from '../commands.js';
import { ERROR_CODES, type ErrorCode } from '../errors.js';
import type { MeetingEvent } from '../events.js';
import {
  cardsOfStage,
  currentCase,
  currentStage,
  decide,
  foldEvents,
  initialMeetingState,
  type MeetingState,
} from '../meeting.js';
import {
  buildAgenda,
  buildCase,
  buildCommand,
  buildContext,
  buildEvent,
  buildStartedState,
  MINUTE,
  play,
} from '../testing/builders.js';

function expectRefused(state: MeetingState, command: Command, code: ErrorCode): void {
  expect(decide(state, command, buildContext())).toEqual({ ok: false, code, message: ERROR_CODES[code] });
}

/** Three cases: J5M, a topic, then K2P. */
const THREE = [...buildAgenda(), buildCase({ id: 'case-3', reference: 'K2P' })];

function forward(state: MeetingState, stages: number): MeetingState {
  let next = state;
  for (let i = 0; i < stages; i++) next = play(next, buildCommand('stage.next'));
  return next;
}

describe('Previous case (issue 9, item 4)', () => {
  it('reopens the previous case at the stage it was left in, with its cards, and the stage’s own time', () => {
    let state = forward(buildStartedState(), 2); // J5M at Clarifying questions
    state = play(state, buildCommand('card.add', { id: 'card-1', caseId: 'case-1' }));
    state = forward(state, 2); // Strategies and resources
    state = play(state, buildCommand('timer.start'));
    state = play(state, buildCommand('case.next'));
    expect(currentCase(state)?.id).toBe('case-2');
    expect(state.stageIndex).toBe(0);

    state = play(state, buildCommand('case.previous'));
    expect(currentCase(state)?.reference).toBe('J5M');
    expect(currentStage(state)?.name).toBe('Strategies and resources');
    expect(state.timer).toEqual({ status: 'stopped', remainingMs: 15 * MINUTE });
    expect(cardsOfStage(state, 'clarifying-questions').map((card) => card.id)).toEqual(['card-1']);
  });

  it('and Next case reopens the next case where it was left too', () => {
    let state = play(buildStartedState(), buildCommand('case.next'));
    state = forward(state, 3);
    state = play(state, buildCommand('case.previous'));
    state = play(state, buildCommand('case.next'));
    expect(currentCase(state)?.id).toBe('case-2');
    expect(state.stageIndex).toBe(3);
  });

  it('refuses at the first case', () => {
    expectRefused(buildStartedState(), buildCommand('case.previous'), 'no_previous_case');
  });

  it('folds an old log that never heard of it: the stages come from the stage changes it holds', () => {
    const started = buildStartedState();
    const log: MeetingEvent[] = [
      buildEvent({ type: 'session.started', cases: started.cases, stages: started.stages, timer: started.timer }),
      buildEvent({ type: 'stage.changed', caseIndex: 0, stageIndex: 4, timer: started.timer }, { seq: 2 }),
      buildEvent({ type: 'stage.changed', caseIndex: 1, stageIndex: 0, timer: started.timer }, { seq: 3 }),
    ];
    const state = foldEvents(initialMeetingState, log);
    expect(play(state, buildCommand('case.previous')).stageIndex).toBe(4);
  });
});

describe('Go to a case (issue 9, item 4)', () => {
  it('goes to any case on the agenda, at the stage it was left in (the first for one not begun)', () => {
    let state = forward(buildStartedState({ cases: THREE }), 5);
    state = play(state, buildCommand('case.goTo', { caseId: 'case-3' }));
    expect(currentCase(state)?.reference).toBe('K2P');
    expect(state.stageIndex).toBe(0);
    state = play(state, buildCommand('case.goTo', { caseId: 'case-1' }));
    expect(state.caseIndex).toBe(0);
    expect(currentStage(state)?.name).toBe('Feedback');
  });

  it('refuses a case not on the agenda, and the case being discussed now', () => {
    const state = buildStartedState({ cases: THREE });
    expectRefused(state, buildCommand('case.goTo', { caseId: 'case-9' }), 'no_such_case');
    expectRefused(state, buildCommand('case.goTo', { caseId: 'case-1' }), 'already_current_case');
  });

  it('refuses once the session has ended', () => {
    const ended = play(buildStartedState(), buildCommand('session.end'));
    expectRefused(ended, buildCommand('case.goTo', { caseId: 'case-2' }), 'session_not_live');
    expectRefused(ended, buildCommand('case.previous'), 'session_not_live');
  });
});

describe('Show join code (issue 9)', () => {
  it('folds the EP’s word into the state; a state without it keeps the board’s own rule', () => {
    const state = buildStartedState();
    expect(state.joinShown).toBeUndefined();
    const shown = play(state, buildCommand('join.show', { shown: true }));
    expect(shown.joinShown).toBe(true);
    expect(play(shown, buildCommand('join.show', { shown: false })).joinShown).toBe(false);
  });
});
