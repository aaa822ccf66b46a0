import { DEFAULT_STAGES, foldEvents, initialMeetingState, type MeetingEvent } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { asLiveMeetingState, loadMeetingSnapshot, meetingSnapshotKey, saveMeetingSnapshot } from './meetingSnapshot';
import { memoryStore } from './storage';

const live = foldEvents(initialMeetingState, [
  {
    seq: 1,
    at: 1,
    type: 'session.started',
    cases: [{ id: 'c1', reference: 'J5M', kind: 'child' }],
    stages: [...DEFAULT_STAGES],
    timer: { status: 'stopped', remainingMs: 300_000 },
  } as MeetingEvent,
  { seq: 2, at: 2, type: 'stage.changed', caseIndex: 0, stageIndex: 1, timer: { status: 'stopped', remainingMs: 1 } },
]);

describe('meeting snapshot', () => {
  it('round-trips a live state', () => {
    const store = memoryStore();
    saveMeetingSnapshot(store, 's1', live);
    expect(loadMeetingSnapshot(store, 's1')).toEqual(live);
    expect(loadMeetingSnapshot(store, 's2')).toBeNull();
  });

  it('keeps nothing once the session has ended', () => {
    const store = memoryStore();
    saveMeetingSnapshot(store, 's1', live);
    saveMeetingSnapshot(store, 's1', { ...live, status: 'ended' });
    expect(store.getItem(meetingSnapshotKey('s1'))).toBeNull();
  });

  it('ignores damaged or foreign values', () => {
    const store = memoryStore();
    store.setItem(meetingSnapshotKey('s1'), 'not json');
    expect(loadMeetingSnapshot(store, 's1')).toBeNull();
    store.setItem(meetingSnapshotKey('s1'), JSON.stringify({ ...live, stages: 'none' }));
    expect(loadMeetingSnapshot(store, 's1')).toBeNull();
    store.setItem(meetingSnapshotKey('s1'), JSON.stringify({ ...live, status: 'waiting' }));
    expect(loadMeetingSnapshot(store, 's1')).toBeNull();
  });

  it('reads a copy saved before the room could be locked, as an unlocked room with nobody removed', () => {
    const store = memoryStore();
    const { locked: _locked, removed: _removed, ...older } = live;
    store.setItem(meetingSnapshotKey('s1'), JSON.stringify(older));
    expect(loadMeetingSnapshot(store, 's1')).toEqual({ ...live, locked: false, removed: [] });
  });

  it('takes the meeting a join answered with only when it looks like a live one (absent for a big meeting)', () => {
    expect(asLiveMeetingState(JSON.parse(JSON.stringify(live)))).toEqual(live);
    expect(asLiveMeetingState(undefined)).toBeNull();
    expect(asLiveMeetingState({ ...live, cards: null })).toBeNull();
    expect(asLiveMeetingState({ ...live, seq: -0.5 })).toBeNull();
  });
});
