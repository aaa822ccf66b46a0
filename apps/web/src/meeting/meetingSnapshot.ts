import { initialMeetingState, type MeetingState } from '@consultboard/domain';
import { type KeyValueStore, readJson, writeJson } from './storage';

/**
 * The last meeting state a phone folded, so a phone that reloads offline can still show the stage (and its notes)
 * it last knew. Kept only while the session is live.
 */
export function meetingSnapshotKey(sessionId: string): string {
  return `consultboard.meeting.${sessionId}`;
}

export function saveMeetingSnapshot(store: KeyValueStore, sessionId: string, state: MeetingState): void {
  if (state.status === 'live') writeJson(store, meetingSnapshotKey(sessionId), state);
  else store.removeItem(meetingSnapshotKey(sessionId));
}

/** The stored state, or null when there is none or it does not look like a live meeting state. */
export function loadMeetingSnapshot(store: KeyValueStore, sessionId: string): MeetingState | null {
  return asLiveMeetingState(readJson(store, meetingSnapshotKey(sessionId)));
}

/** A meeting state from storage or from the join's answer, or null when it does not look like a live one. */
export function asLiveMeetingState(value: unknown): MeetingState | null {
  if (typeof value !== 'object' || value === null) return null;
  const state = value as Partial<MeetingState>;
  const valid =
    state.status === 'live' &&
    Number.isSafeInteger(state.seq) &&
    Array.isArray(state.stages) &&
    Array.isArray(state.cases) &&
    Array.isArray(state.cards) &&
    Number.isInteger(state.caseIndex) &&
    Number.isInteger(state.stageIndex) &&
    typeof state.timer === 'object' &&
    state.timer !== null &&
    (state.spotlightCardId === null || typeof state.spotlightCardId === 'string');
  // A copy saved by an earlier version lacks the fields added since: they start as in a new meeting.
  return valid ? { ...initialMeetingState, ...(state as MeetingState) } : null;
}
