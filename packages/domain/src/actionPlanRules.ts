// The action plan's words and pure rules, without zod (the phone and the board load these).
import type { AreaOfNeed } from './caseLabels.js';
import type { Card } from './events.js';

// An action holds a whole card (item 5 of issue 9: a helpful card's text reaches the plan uncut).
export const ACTION_PLAN_LIMITS = {
  rows: 30,
  action: 1000,
  who: 120,
  successLooksLike: 500,
  reviewNote: 1000,
} as const;

/** One row of the plan: what, who, by when, what success looks like, when to review, and the need it serves. */
export interface ActionRow {
  id: string;
  action: string;
  who: string;
  /** ISO date (YYYY-MM-DD), or '' while not yet decided. */
  byWhen: string;
  successLooksLike: string;
  reviewDate: string;
  areaOfNeed: AreaOfNeed | null;
  /** The helpful card this row was drafted from, if any. */
  fromCardId: string | null;
  /**
   * Issue 13: the directory entry of the Resource card this row was drafted from; the exports list it (by the entry
   * as it is now) under "Services signposted". Absent in plans written before.
   */
  serviceId?: string | null;
}

/** Column labels, as on the screen and in the exports (docs/words-on-screen.md). */
export const ACTION_ROW_LABELS = {
  action: 'Action',
  who: 'Who',
  byWhen: 'By when',
  successLooksLike: 'Success looks like',
  reviewDate: 'Review date',
  areaOfNeed: 'Area of need',
} as const;

export const REVIEW_IMPACTS = ['achieved', 'partly', 'not-yet'] as const;
export type ReviewImpact = (typeof REVIEW_IMPACTS)[number];
export const REVIEW_IMPACT_LABELS: Record<ReviewImpact, string> = {
  achieved: 'Achieved',
  partly: 'Partly achieved',
  'not-yet': 'Not yet',
};

export const REVIEW_OUTCOMES = ['continue', 'close', 'bring-back', 'request-ep'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];
export const REVIEW_OUTCOME_LABELS: Record<ReviewOutcome, string> = {
  continue: 'Continue with the plan',
  close: 'Close the case',
  'bring-back': 'Bring back to the group',
  'request-ep': 'Request further EP involvement',
};

/** The first draft of a plan: one row for each helpful strategy or resource card, in the order they were added. */
export function draftRowsFromHelpful(cards: readonly Card[], makeId: () => string): ActionRow[] {
  return cards
    .filter(
      (card) =>
        card.helpful && !card.hidden && !card.withdrawn && (card.kind === 'strategy' || card.kind === 'resource'),
    )
    .slice(0, ACTION_PLAN_LIMITS.rows)
    .map((card) => ({
      id: makeId(),
      action: card.text,
      who: '',
      byWhen: '',
      successLooksLike: '',
      reviewDate: '',
      areaOfNeed: null,
      fromCardId: card.id,
      ...(card.service ? { serviceId: card.service.id } : {}),
    }));
}

/** The earliest review date of a plan's rows, or null when none is set. */
export function nextReviewDate(rows: readonly ActionRow[]): string | null {
  const dates = rows.map((row) => row.reviewDate).filter((date) => date !== '');
  return dates.length === 0 ? null : ([...dates].sort()[0] ?? null);
}

/** The export file name: the case reference and the date, never a name. */
export function actionPlanFileName(reference: string, date: string, extension: 'docx' | 'pdf'): string {
  const safe = reference.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'case';
  return `action-plan-${safe}-${date}.${extension}`;
}

/** The fields a row must have for the plan to read as agreed: who does it, by when, and what success looks like. */
export const ROW_FIELDS_TO_FILL = ['who', 'byWhen', 'successLooksLike'] as const;
export type RowFieldToFill = (typeof ROW_FIELDS_TO_FILL)[number];

/**
 * The rows with an empty Who, By when or Success looks like (issue 13 item 5): pointed out to the SENCO before an
 * export. `row` counts from 1, as the plan is read.
 */
export function rowsToFill(rows: readonly ActionRow[]): { row: number; id: string; missing: RowFieldToFill[] }[] {
  return rows.flatMap((row, index) => {
    const missing = ROW_FIELDS_TO_FILL.filter((field) => row[field].trim() === '');
    return missing.length > 0 ? [{ row: index + 1, id: row.id, missing }] : [];
  });
}
