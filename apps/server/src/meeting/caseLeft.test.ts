import {
  applyEvent,
  DEFAULT_STAGES,
  initialMeetingState,
  type MeetingEvent,
  type MeetingState,
} from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { caseLeft } from './meetingStore.js';

const cases = [
  { id: 'c1', reference: 'J5M', kind: 'child' as const },
  { id: 'c2', reference: 'K2F', kind: 'child' as const },
];

function live(): MeetingState {
  const started = {
    type: 'session.started',
    cases,
    stages: DEFAULT_STAGES,
    timer: { status: 'stopped', remainingMs: 0 },
    seq: 1,
    at: 1,
  } as MeetingEvent;
  return applyEvent(initialMeetingState, started);
}

const moved = (state: MeetingState, caseIndex: number, stageIndex: number): MeetingState =>
  applyEvent(state, {
    type: 'stage.changed',
    caseIndex,
    stageIndex,
    timer: { status: 'stopped', remainingMs: 0 },
    seq: state.seq + 1,
    at: 2,
  } as MeetingEvent);

describe('caseLeft', () => {
  it('names the case the meeting moved away from, and nothing for a move within a case', () => {
    const start = live();
    expect(caseLeft(initialMeetingState, start)).toBeUndefined();
    const nextStage = moved(start, 0, 1);
    expect(caseLeft(start, nextStage)).toBeUndefined();
    const nextCase = moved(nextStage, 1, 0);
    expect(caseLeft(nextStage, nextCase)).toBe('c1');
    expect(caseLeft(nextCase, moved(nextCase, 0, 0))).toBe('c2');
  });

  it('names the case the meeting was on when the session ends, once', () => {
    const start = moved(live(), 1, 2);
    const ended = applyEvent(start, { type: 'session.ended', seq: start.seq + 1, at: 3 } as MeetingEvent);
    expect(caseLeft(start, ended)).toBe('c2');
    expect(caseLeft(ended, ended)).toBeUndefined();
  });
});
