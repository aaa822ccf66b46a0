import { type AccessActor, allowed, allowedOnCase, nextReviewDate, type ReviewOverview } from '@consultboard/domain';
import { caseTarget } from '../access/actor.js';
import { addDays, todayInEngland } from '../dates.js';
import type { CaseRow } from '../db/cases.js';
import type { ConsultSessionRow } from '../db/consultSessions.js';
import type { Repos } from '../db/repos.js';

/** How far ahead a review shows as due. */
export const DUE_WITHIN_DAYS = 14;

/** The next draft session of a locality dated after today, where a brought-back case is offered. */
export function nextDraftSession(
  repos: Repos,
  localityId: string,
  today = todayInEngland(),
): ConsultSessionRow | undefined {
  return repos.consultSessions.nextDraft(localityId, today);
}

/**
 * Cases whose latest review brings them back to the group and that the group has not discussed since, with the
 * draft session they are submitted to (null until their locality has one).
 */
export function broughtBackCases(repos: Repos): { caseRow: CaseRow; offeredSessionId: string | null }[] {
  const result: { caseRow: CaseRow; offeredSessionId: string | null }[] = [];
  for (const review of repos.actionPlans.latestReviews()) {
    if (review.outcome !== 'bring-back') continue;
    const caseRow = repos.cases.byId(review.case_id);
    if (!caseRow) continue;
    const session = caseRow.submitted_session_id ? repos.consultSessions.byId(caseRow.submitted_session_id) : undefined;
    if (session?.status === 'draft') result.push({ caseRow, offeredSessionId: session.id });
    else if (!session || (session.started_at ?? 0) < review.reviewed_at)
      result.push({ caseRow, offeredSessionId: null });
  }
  return result;
}

/** What an EP sees across their localities (an admin: all): reviews due, requests for EP time, cases brought back. */
export function reviewOverview(repos: Repos, actor: AccessActor): ReviewOverview {
  const visible = (row: CaseRow) =>
    allowed(actor, 'review.overview', { localityId: row.locality_id }) &&
    allowedOnCase(actor, 'plan.read', caseTarget(row));
  const place = (row: CaseRow) => ({
    caseId: row.id,
    reference: row.reference,
    schoolName: row.school_name,
    localityName: row.locality_name,
  });
  const horizon = addDays(todayInEngland(), DUE_WITHIN_DAYS);
  const latest = new Map(repos.actionPlans.latestReviews().map((review) => [review.case_id, review]));

  const due: ReviewOverview['due'] = [];
  for (const plan of repos.actionPlans.all()) {
    const reviewDate = nextReviewDate(plan.rows);
    const review = latest.get(plan.case_id);
    if (!reviewDate || reviewDate > horizon || (review && review.reviewed_at >= plan.updated_at)) continue;
    const row = repos.cases.byId(plan.case_id);
    if (row && visible(row)) due.push({ ...place(row), reviewDate });
  }
  due.sort((a, b) => a.reviewDate.localeCompare(b.reviewDate));

  const requests: ReviewOverview['requests'] = [];
  for (const review of latest.values()) {
    if (review.outcome !== 'request-ep') continue;
    const row = repos.cases.byId(review.case_id);
    if (row && visible(row)) requests.push({ ...place(row), reviewedAt: review.reviewed_at, note: review.review.note });
  }
  requests.sort((a, b) => b.reviewedAt - a.reviewedAt);

  const broughtBack = broughtBackCases(repos)
    .filter(({ caseRow }) => visible(caseRow))
    .map(({ caseRow, offeredSessionId }) => ({ ...place(caseRow), offeredSessionId }));
  return { due, requests, broughtBack };
}
