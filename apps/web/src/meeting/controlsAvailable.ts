import type { MeetingState } from '@consultboard/domain';

export interface ControlsAvailable {
  previousStage: boolean;
  nextStage: boolean;
  previousCase: boolean;
  nextCase: boolean;
  timerRunning: boolean;
}

/** Which of the console's moves apply now: one answer for its buttons and its keyboard shortcuts. */
export function controlsAvailable(state: MeetingState): ControlsAvailable {
  return {
    previousStage: state.stageIndex > 0,
    nextStage: state.stageIndex < state.stages.length - 1,
    previousCase: state.caseIndex > 0,
    nextCase: state.caseIndex < state.cases.length - 1,
    timerRunning: state.timer.status === 'running',
  };
}
