import type { ActionRow, Refusal } from '@consultboard/domain';
import type { CaseRow } from '../db/cases.js';
import type { Repos } from '../db/repos.js';
import type { MeetingStore } from '../meeting/meetingStore.js';
import { type PlanWritten, writePlan } from './writePlan.js';

/** The live session a case is being discussed in right now, if any (its plan is then on every screen). */
export function liveSessionOf(repos: Repos, caseRow: CaseRow): string | null {
  const plan = repos.actionPlans.byCase(caseRow.id);
  for (const sessionId of [caseRow.submitted_session_id, plan?.session_id]) {
    if (!sessionId) continue;
    const session = repos.consultSessions.byId(sessionId);
    if (session?.status === 'live' && repos.consultSessions.hasCase(sessionId, caseRow.id)) return sessionId;
  }
  return null;
}

/**
 * Stores a whole plan from the version its editor started from (0: no plan yet), through the one plan write:
 * while the case's session is live, every screen follows.
 */
export function savePlan(
  deps: { repos: Repos; meetings: MeetingStore },
  change: { caseRow: CaseRow; fromVersion: number; rows: ActionRow[]; userId: string; actor: string; now: number },
): PlanWritten | Refusal {
  const { caseRow } = change;
  const liveSessionId = liveSessionOf(deps.repos, caseRow);
  return writePlan(deps, {
    caseId: caseRow.id,
    fromVersion: change.fromVersion,
    rows: change.rows,
    liveSessionId,
    sessionId: liveSessionId ?? caseRow.submitted_session_id,
    userId: change.userId,
    actor: change.actor,
    now: change.now,
  });
}
