import { randomUUID } from 'node:crypto';
import { currentCase, currentStage, draftRowsFromHelpful } from '@consultboard/domain';
import type { Repos } from '../db/repos.js';
import type { MeetingStore } from '../meeting/meetingStore.js';

/** The stage whose arrival drafts the plan. */
export const ACTION_PLAN_STAGE_ID = 'action-plan';

/**
 * When the meeting arrives at the Action plan stage of a case with no plan yet, drafts the plan from the cards
 * found helpful: stored as version 1 and published as `plan.changed`, in one transaction, so every screen shows it.
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
  if (currentStage(state)?.id !== ACTION_PLAN_STAGE_ID || !agendaCase) return;
  if (!repos.cases.byId(agendaCase.id) || repos.actionPlans.byCase(agendaCase.id)) return;
  const rows = draftRowsFromHelpful(
    state.cards.filter((card) => card.caseId === agendaCase.id),
    () => randomUUID(),
  );
  meetings.append(
    sessionId,
    { type: 'plan.changed', caseId: agendaCase.id, version: 1, rows },
    { commandId: null, actor: who.actor, now },
    () => {
      repos.actionPlans.create(agendaCase.id, rows, sessionId, now);
      repos.audit.record({
        actorId: who.userId,
        action: 'created',
        entity: 'case',
        entityId: agendaCase.id,
        detail: 'action plan v1',
        now,
      });
    },
  );
}
