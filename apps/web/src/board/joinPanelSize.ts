import type { MeetingState } from '@consultboard/domain';

export type JoinPanelSize = 'large' | 'corner';

/**
 * The join panel is large while people arrive: before the first stage and during the first case's first stage
 * (Preparation). Once the EP moves on, the meeting is under way and it shrinks to a corner with the code and a
 * small QR code. The EP's word overrides the rule either way: **Show join code** brings it back large and **Hide
 * join code** sends it to the corner (`join.shown`, folded into `joinShown`), until they say otherwise.
 */
export function joinPanelSize(
  state: Pick<MeetingState, 'caseIndex' | 'stageIndex' | 'stages' | 'joinShown'>,
): JoinPanelSize {
  if (state.joinShown !== undefined) return state.joinShown ? 'large' : 'corner';
  if (state.stages.length === 0) return 'large';
  return state.caseIndex === 0 && state.stageIndex === 0 ? 'large' : 'corner';
}
