import type { Command } from '../commands.js';
import type { ErrorCode } from '../errors.js';
import type { MeetingState } from '../meeting.js';

/**
 * Where the meeting goes when the EP moves between cases (issue 9, item 4): every case reopens at the stage it
 * was left in, so Next case after Previous case, or Go to a case, never loses where a case had got to. A case
 * not discussed yet starts at its first stage.
 */
export function caseMove(
  state: MeetingState,
  command: Extract<Command, { type: 'case.next' | 'case.previous' | 'case.goTo' }>,
): { caseIndex: number; stageIndex: number } | ErrorCode {
  let caseIndex: number;
  if (command.type === 'case.next') {
    if (state.caseIndex >= state.cases.length - 1) return 'no_next_case';
    caseIndex = state.caseIndex + 1;
  } else if (command.type === 'case.previous') {
    if (state.caseIndex <= 0) return 'no_previous_case';
    caseIndex = state.caseIndex - 1;
  } else {
    caseIndex = state.cases.findIndex((agendaCase) => agendaCase.id === command.caseId);
    if (caseIndex < 0) return 'no_such_case';
    if (caseIndex === state.caseIndex) return 'already_current_case';
  }
  return { caseIndex, stageIndex: lastStageOf(state, caseIndex) };
}

/** The stage a case was last at (0 for a case not discussed yet), kept within the session's stages. */
export function lastStageOf(state: MeetingState, caseIndex: number): number {
  const caseId = state.cases[caseIndex]?.id;
  const remembered = caseId === undefined ? undefined : state.caseStages?.[caseId];
  return Math.min(Math.max(remembered ?? 0, 0), Math.max(state.stages.length - 1, 0));
}

/** Folds a stage change into the remembered stage of each case (old logs fold the same: they hold the indexes). */
export function rememberStage(state: MeetingState, caseIndex: number, stageIndex: number): MeetingState['caseStages'] {
  const caseId = state.cases[caseIndex]?.id;
  if (caseId === undefined) return state.caseStages;
  return { ...state.caseStages, [caseId]: stageIndex };
}
