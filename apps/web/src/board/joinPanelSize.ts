import type { MeetingState } from '@consultboard/domain';

export type JoinPanelSize = 'large' | 'corner';

/**
 * The join panel is large while people arrive: before the first stage and during the first case's first stage
 * (Preparation). Once the EP moves on, the meeting is under way and it shrinks to a corner with the code and a
 * small QR code. (Bringing it back large on the EP's word, "Show join code", is a meeting event still to come.)
 */
export function joinPanelSize(state: Pick<MeetingState, 'caseIndex' | 'stageIndex' | 'stages'>): JoinPanelSize {
  if (state.stages.length === 0) return 'large';
  return state.caseIndex === 0 && state.stageIndex === 0 ? 'large' : 'corner';
}
