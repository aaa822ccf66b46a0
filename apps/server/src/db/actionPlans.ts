import type { ActionRow, ReviewOutcome, ReviewRequest } from '@consultboard/domain';
import type { Db } from './database.js';

export interface ActionPlanRow {
  case_id: string;
  rows: ActionRow[];
  version: number;
  session_id: string | null;
  updated_at: number;
}

export interface ReviewRow {
  case_id: string;
  review: ReviewRequest;
  outcome: ReviewOutcome;
  reviewed_at: number;
  reviewed_by: string;
  reviewer_name: string;
}

type StoredPlan = Omit<ActionPlanRow, 'rows'> & { rows: string };
type StoredReview = Omit<ReviewRow, 'review'> & { review: string };

const toPlan = (row: StoredPlan | undefined): ActionPlanRow | undefined =>
  row && { ...row, rows: JSON.parse(row.rows) as ActionRow[] };
const toReview = (row: StoredReview | undefined): ReviewRow | undefined =>
  row && { ...row, review: JSON.parse(row.review) as ReviewRequest };

const LATEST_REVIEW = `SELECT r.*, u.name AS reviewer_name FROM reviews r JOIN users u ON u.id = r.reviewed_by
  WHERE r.id = (SELECT MAX(id) FROM reviews WHERE case_id = r.case_id)`;

/** Each case's action plan (rows as JSON, with a version for optimistic concurrency) and the reviews of it. */
export function actionPlansRepo(db: Db) {
  const byCase = db.prepare('SELECT * FROM action_plans WHERE case_id = ?');
  const all = db.prepare('SELECT * FROM action_plans');
  const insert = db.prepare(
    'INSERT OR IGNORE INTO action_plans (case_id, rows, version, session_id, updated_at) VALUES (?, ?, 1, ?, ?)',
  );
  const update = db.prepare(
    'UPDATE action_plans SET rows = ?, version = version + 1, updated_at = ? WHERE case_id = ? AND version = ?',
  );
  const insertReview = db.prepare(
    'INSERT INTO reviews (case_id, review, outcome, reviewed_at, reviewed_by) VALUES (?, ?, ?, ?, ?)',
  );
  const latestReview = db.prepare(`${LATEST_REVIEW} AND r.case_id = ?`);
  const latestReviews = db.prepare(LATEST_REVIEW);
  const history = db.prepare('SELECT case_id, review, outcome, reviewed_at FROM reviews WHERE case_id = ? ORDER BY id');
  return {
    byCase: (caseId: string) => toPlan(byCase.get(caseId) as StoredPlan | undefined),
    all: () => (all.all() as StoredPlan[]).map((row) => toPlan(row) as ActionPlanRow),
    /** Stores a case's first plan (version 1); false if it has one already. */
    create: (caseId: string, rows: readonly ActionRow[], sessionId: string | null, now: number) =>
      insert.run(caseId, JSON.stringify(rows), sessionId, now).changes > 0,
    /** Stores the next version, only if the stored one is still `fromVersion`; false otherwise. */
    update: (caseId: string, rows: readonly ActionRow[], fromVersion: number, now: number) =>
      update.run(JSON.stringify(rows), now, caseId, fromVersion).changes > 0,
    recordReview: (caseId: string, review: ReviewRequest, reviewedBy: string, now: number) =>
      insertReview.run(caseId, JSON.stringify(review), review.outcome, now, reviewedBy),
    latestReview: (caseId: string) => toReview(latestReview.get(caseId) as StoredReview | undefined),
    /** Every review of a case, oldest first (the review history an export prints; no reviewer, never a name). */
    history: (caseId: string) =>
      (history.all(caseId) as Omit<StoredReview, 'reviewed_by' | 'reviewer_name'>[]).map((row) => ({
        ...row,
        review: JSON.parse(row.review) as ReviewRequest,
      })),
    /** The latest review of every case that has one. */
    latestReviews: () => (latestReviews.all() as StoredReview[]).map((row) => toReview(row) as ReviewRow),
  };
}
export type ActionPlansRepo = ReturnType<typeof actionPlansRepo>;
