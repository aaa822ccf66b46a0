import {
  type ActionRow,
  REVIEW_IMPACT_LABELS,
  REVIEW_OUTCOME_LABELS,
  type ReviewOutcome,
  type ReviewRequest,
} from '@consultboard/domain';
import { todayInEngland } from '../dates.js';

/** A review as read from SQLite for an export: when, and what was recorded (never who: no name is printed). */
export interface StoredReview {
  reviewedAt: number;
  review: ReviewRequest;
}

/** One recorded review as an export prints it: its date, the outcome, and the impact of each action. */
export interface ReviewEntry {
  /** YYYY-MM-DD in England. */
  date: string;
  outcome: ReviewOutcome;
  note: string;
  actions: { action: string; impact: string; note: string }[];
}

/** An action reviewed then taken out of the plan keeps its place in the history, without its words. */
export const REMOVED_ACTION = 'An action since taken out of the plan';

/** The review history of a plan, oldest first, each action named by its words in the plan. */
export function reviewEntries(rows: readonly ActionRow[], history: readonly StoredReview[]): ReviewEntry[] {
  const actions = new Map(rows.map((row) => [row.id, row.action]));
  return history.map(({ reviewedAt, review }) => ({
    date: todayInEngland(new Date(reviewedAt)),
    outcome: review.outcome,
    note: review.note,
    actions: review.actions.map((reviewed) => ({
      action: actions.get(reviewed.rowId) ?? REMOVED_ACTION,
      impact: REVIEW_IMPACT_LABELS[reviewed.impact],
      note: reviewed.note,
    })),
  }));
}

export const outcomeLabel = (outcome: ReviewOutcome) => REVIEW_OUTCOME_LABELS[outcome];
