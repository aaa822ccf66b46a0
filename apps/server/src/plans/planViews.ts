import type { ActionPlanView, ReviewView, ServiceLink } from '@consultboard/domain';
import type { ActionPlanRow, ReviewRow } from '../db/actionPlans.js';
import type { CaseRow } from '../db/cases.js';
import type { Repos } from '../db/repos.js';

/** A review as the pages see it: who recorded it by name, never by e-mail. */
export function toReviewView(row: ReviewRow): ReviewView {
  return {
    actions: row.review.actions,
    outcome: row.outcome,
    note: row.review.note,
    reviewedAt: row.reviewed_at,
    reviewedBy: row.reviewer_name,
  };
}

/** A case's plan as the pages see it, with the session it was made in and its latest review. */
export function toPlanView(repos: Repos, caseRow: CaseRow, plan: ActionPlanRow): ActionPlanView {
  const session = plan.session_id ? repos.consultSessions.byId(plan.session_id) : undefined;
  const review = repos.actionPlans.latestReview(caseRow.id);
  return {
    caseId: caseRow.id,
    reference: caseRow.reference,
    version: plan.version,
    rows: plan.rows,
    sessionId: plan.session_id,
    sessionDate: session?.date ?? null,
    facilitatorName: session?.facilitator_name ?? null,
    updatedAt: plan.updated_at,
    review: review ? toReviewView(review) : null,
    services: linkedServices(repos, caseRow.locality_id, plan.rows),
  };
}

/** Issue 13: the directory entries a plan's rows link to, once each, of the case's locality (or for all). */
export function linkedServices(
  repos: Repos,
  localityId: string,
  rows: readonly { serviceId?: string | null }[],
): ServiceLink[] {
  return [...new Set(rows.map((row) => row.serviceId).filter((id): id is string => !!id))]
    .map((id) => repos.directory.service(id, localityId))
    .filter((service): service is ServiceLink => service !== undefined);
}
