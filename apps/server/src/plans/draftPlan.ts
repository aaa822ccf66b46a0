import { randomUUID } from 'node:crypto';
import { ACTION_PLAN_STAGE_ID, currentCase, currentStage, draftRowsFromHelpful } from '@consultboard/domain';
import type { Repos } from '../db/repos.js';
import type { MeetingStore } from '../meeting/meetingStore.js';
import { writePlan } from './writePlan.js';

/**
 * When the meeting arrives at the Action plan stage of a case with no plan yet, drafts the plan from the cards
 * found helpful: version 1, through the one plan write (stored, audited and published as `plan.changed`).
 */
export function draftPlanOnArrival(
  deps: { repos: Repos; meetings: MeetingStore },
  sessionId: string,
  who: { actor: string; userId: string | null },
  now: number,
): void {
  const { repos, meetings } = deps;
  const state = meetings.state(sessionId);
  const agendaCase = currentCase(state);
  // Found by its id, which every locality's template keeps (the domain's `stageTemplateProblem` refuses others).
  if (currentStage(state)?.id !== ACTION_PLAN_STAGE_ID || !agendaCase) return;
  if (!repos.cases.byId(agendaCase.id) || repos.actionPlans.byCase(agendaCase.id)) return;
  const rows = draftRowsFromHelpful(
    state.cards.filter((card) => card.caseId === agendaCase.id),
    () => randomUUID(),
  );
  writePlan(deps, {
    caseId: agendaCase.id,
    fromVersion: 0,
    rows,
    liveSessionId: sessionId,
    sessionId,
    userId: who.userId,
    actor: who.actor,
    now,
  });
}
