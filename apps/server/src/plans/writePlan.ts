import { type ActionRow, type MeetingEvent, type Refusal, refuse } from '@consultboard/domain';
import type { Repos } from '../db/repos.js';
import type { MeetingStore } from '../meeting/meetingStore.js';
import { planTexts, recheckPlace } from '../privacy/caseChecks.js';

/** One change to a case's plan, from wherever it comes: the case page, the EP's console, or the meeting's draft. */
export interface PlanChange {
  caseId: string;
  /** The version the editor started from (0: no plan yet); the change applies only if it is still the stored one. */
  fromVersion: number;
  rows: ActionRow[];
  /** The live session whose screens show the plan: the change goes through its meeting log too. */
  liveSessionId: string | null;
  /** The session a first version is recorded against. */
  sessionId: string | null;
  /** The account for the audit log (null when no account is behind it). */
  userId: string | null;
  /** Who the meeting log names, and the command that asked for it (a retried command applies once). */
  actor: string;
  commandId?: string | null;
  now: number;
}

export type PlanWritten = { ok: true; version: number; event: MeetingEvent | null };

/** The stored version moved while this change was written: the transaction is rolled back, the caller told. */
class PlanMoved extends Error {}

/**
 * The one plan write: stores the next version (version 1 creates the plan), audits it, and while the case's
 * session is live appends `plan.changed` to the meeting log in the same transaction, so every screen follows.
 * The write itself checks the version (an UPDATE on the old version, an INSERT only where none exists), so a
 * stale change is refused as `plan_changed` with nothing written, however it raced.
 */
export function writePlan(deps: { repos: Repos; meetings: MeetingStore }, change: PlanChange): PlanWritten | Refusal {
  const { repos, meetings } = deps;
  const { caseId, fromVersion, rows, now } = change;
  const version = fromVersion + 1;
  const store = () => {
    const written =
      fromVersion === 0
        ? repos.actionPlans.create(caseId, rows, change.sessionId, now)
        : repos.actionPlans.update(caseId, rows, fromVersion, now);
    if (!written) throw new PlanMoved();
    // Every plan write, from any screen: the privacy guard counts what is left to check (issue 10).
    recheckPlace(repos, caseId, 'plan', planTexts(rows), now);
    repos.audit.record({
      actorId: change.userId,
      action: version === 1 ? 'created' : 'changed',
      entity: 'case',
      entityId: caseId,
      detail: `action plan v${version}`,
      now,
    });
  };
  try {
    if (!change.liveSessionId) {
      repos.transaction(store);
      return { ok: true, version, event: null };
    }
    const event = meetings.append(
      change.liveSessionId,
      { type: 'plan.changed', caseId, version, rows },
      { commandId: change.commandId ?? null, actor: change.actor, now },
      store,
    );
    return { ok: true, version, event };
  } catch (error) {
    if (error instanceof PlanMoved) return refuse('plan_changed');
    throw error;
  }
}
