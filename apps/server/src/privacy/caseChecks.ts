import {
  type ActionRow,
  findPersonalData,
  type Preparation,
  type ReviewRequest,
  undismissed,
} from '@consultboard/domain';
import type { PrivacyPlace } from '../db/privacy.js';
import type { Repos } from '../db/repos.js';

/** The free text of each place a SENCO's forms save as they type (issue 10, item 3). */
export const preparationTexts = (preparation: Preparation) => [
  preparation.currentSituation,
  preparation.triedSoFar,
  preparation.desiredSituation,
  preparation.aim,
];
export const planTexts = (rows: readonly ActionRow[]) =>
  rows.flatMap((row) => [row.action, row.who, row.successLooksLike]);
export const reviewTexts = (review: ReviewRequest) => [review.note, ...review.actions.map((action) => action.note)];

/** How many findings nobody has dismissed these texts hold. */
export function undismissedCount(texts: readonly string[], dismissed: ReadonlySet<string>): number {
  return texts.reduce((count, text) => count + undismissed(findPersonalData(text), dismissed).length, 0);
}

/**
 * Recounts a place's undismissed findings and stores it for "Personal data to check" (0 clears it). Called on
 * every save of the place, inside its transaction, so the flag never disagrees with the stored text.
 */
export function recheckPlace(repos: Repos, caseId: string, place: PrivacyPlace, texts: readonly string[], now: number) {
  const count = undismissedCount(texts, repos.privacy.dismissedKeys(caseId));
  repos.privacy.setToCheck(caseId, place, count, now);
  return count;
}

/**
 * After a dismissal: recounts the places whose text the server holds as plain rows (preparation, plan, review),
 * so the label goes when the last finding is dismissed. Notes, cards and minutes are the live meeting's to recount
 * (its "Check before keeping").
 */
export function recheckForms(repos: Repos, caseId: string, now: number) {
  const caseRow = repos.cases.byId(caseId);
  if (!caseRow) return;
  recheckPlace(repos, caseId, 'preparation', preparationTexts(JSON.parse(caseRow.preparation) as Preparation), now);
  const plan = repos.actionPlans.byCase(caseId);
  recheckPlace(repos, caseId, 'plan', plan ? planTexts(plan.rows) : [], now);
  const review = repos.actionPlans.latestReview(caseId);
  recheckPlace(repos, caseId, 'review', review ? reviewTexts(review.review) : [], now);
}
