import type { ActionRow } from '@consultboard/domain';
import type { CaseRow } from '../db/cases.js';
import type { Repos } from '../db/repos.js';
import type { MeetingStore } from '../meeting/meetingStore.js';

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

export type SaveResult = { ok: true; version: number } | { ok: false; code: 'plan_changed' };

/**
 * Stores a whole plan from the version its editor started from (0: no plan yet), audited. While the case's
 * session is live the change goes through the meeting log too, in the same transaction, so every screen follows.
 */
export function savePlan(
  deps: { repos: Repos; meetings: MeetingStore },
  change: { caseRow: CaseRow; fromVersion: number; rows: ActionRow[]; userId: string; actor: string; now: number },
): SaveResult {
  const { repos, meetings } = deps;
  const { caseRow, fromVersion, rows, now } = change;
  const stored = repos.actionPlans.byCase(caseRow.id);
  if (fromVersion !== (stored?.version ?? 0)) return { ok: false, code: 'plan_changed' };
  const version = fromVersion + 1;
  const liveSession = liveSessionOf(repos, caseRow);
  const write = () => {
    const written =
      fromVersion === 0
        ? repos.actionPlans.create(caseRow.id, rows, liveSession ?? caseRow.submitted_session_id, now)
        : repos.actionPlans.update(caseRow.id, rows, fromVersion, now);
    if (!written) throw new Error('the plan changed underneath a save');
    repos.audit.record({
      actorId: change.userId,
      action: 'changed',
      entity: 'case',
      entityId: caseRow.id,
      detail: `action plan v${version}`,
      now,
    });
  };
  if (liveSession)
    meetings.append(
      liveSession,
      { type: 'plan.changed', caseId: caseRow.id, version, rows },
      { commandId: null, actor: change.actor, now },
      write,
    );
  else repos.transaction(write);
  return { ok: true, version };
}
