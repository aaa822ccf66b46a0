import {
  type AgendaCase,
  DEFAULT_STAGES,
  initialMeetingState,
  type MeetingEvent,
  sessionStartedEvent,
} from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { sequenceEvents } from './sequenceEvents';

const cases: AgendaCase[] = [{ id: 'c1', reference: 'J5M', kind: 'child' }];
const started: MeetingEvent = { ...sessionStartedEvent(cases, DEFAULT_STAGES), seq: 1, at: 0 };
const moved = (seq: number, stageIndex: number): MeetingEvent => ({
  type: 'stage.changed',
  caseIndex: 0,
  stageIndex,
  timer: { status: 'stopped', remainingMs: 0 },
  seq,
  at: seq,
});

describe('sequenceEvents', () => {
  it('folds events in order, whatever order they arrive in', () => {
    const result = sequenceEvents(initialMeetingState, new Map(), [moved(3, 2), started, moved(2, 1)]);
    expect(result.state.seq).toBe(3);
    expect(result.state.stageIndex).toBe(2);
    expect(result.gap).toBe(false);
  });

  it('holds events after a gap instead of folding them early', () => {
    const first = sequenceEvents(initialMeetingState, new Map(), [started, moved(3, 2)]);
    expect(first.state.seq).toBe(1);
    expect(first.gap).toBe(true);
    expect([...first.held.keys()]).toEqual([3]);
    const filled = sequenceEvents(first.state, first.held, [moved(2, 1)]);
    expect(filled.state.seq).toBe(3);
    expect(filled.state.stageIndex).toBe(2);
    expect(filled.gap).toBe(false);
  });

  it('ignores events already folded, so a replay after a reconnect is harmless', () => {
    const once = sequenceEvents(initialMeetingState, new Map(), [started, moved(2, 1)]);
    const again = sequenceEvents(once.state, once.held, [started, moved(2, 1)]);
    expect(again.state).toBe(once.state);
    expect(again.held.size).toBe(0);
  });
});
