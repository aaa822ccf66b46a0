import { z } from 'zod';
import {
  ACTION_PLAN_LIMITS,
  type ActionRow,
  REVIEW_IMPACTS,
  REVIEW_OUTCOMES,
  type ReviewOutcome,
} from './actionPlanRules.js';
import { AREAS_OF_NEED } from './caseLabels.js';
import type { ServiceLink } from './directory.js';
import { text } from './textSchema.js';

const date = z.union([z.literal(''), z.iso.date({ message: 'Enter a date.' })]);
const rowText = (max: number, label: string) =>
  text()
    .max(max, `${label} is at most ${max} characters.`)
    .transform((value) => value.replace(/\r\n?/g, '\n').trim());

/** One row as the client sends it; the server keeps its id, or gives a new row one. */
export const actionRowSchema = z
  .object({
    id: text().min(1).max(64),
    action: rowText(ACTION_PLAN_LIMITS.action, 'An action').pipe(text().min(1, 'Write the action.')),
    who: rowText(ACTION_PLAN_LIMITS.who, 'Who'),
    byWhen: date,
    successLooksLike: rowText(ACTION_PLAN_LIMITS.successLooksLike, 'Success looks like'),
    reviewDate: date,
    areaOfNeed: z.enum(AREAS_OF_NEED).nullable(),
    fromCardId: text().max(64).nullable(),
    serviceId: text().max(64).nullable().optional(),
  })
  .strict();

/**
 * PUT /api/cases/:id/plan: the whole plan, rows in order. `version` is the version the editor started from;
 * a stale version is refused (409 `plan_changed`, with the current plan) so two editors never overwrite each other.
 */
export const actionPlanRequestSchema = z
  .object({
    version: z.number().int().min(0),
    rows: z
      .array(actionRowSchema)
      .max(ACTION_PLAN_LIMITS.rows, `A plan holds at most ${ACTION_PLAN_LIMITS.rows} actions.`),
  })
  .strict()
  .refine((plan) => new Set(plan.rows.map((row) => row.id)).size === plan.rows.length, {
    message: 'Each action appears once.',
    path: ['rows'],
  });
export type ActionPlanRequest = z.infer<typeof actionPlanRequestSchema>;

/** PUT /api/cases/:id/review: the impact of each action and the outcome for the case. */
export const reviewRequestSchema = z
  .object({
    actions: z
      .array(
        z
          .object({
            rowId: text().min(1).max(64),
            impact: z.enum(REVIEW_IMPACTS),
            note: rowText(ACTION_PLAN_LIMITS.reviewNote, 'A note'),
          })
          .strict(),
      )
      .max(ACTION_PLAN_LIMITS.rows),
    outcome: z.enum(REVIEW_OUTCOMES),
    note: rowText(ACTION_PLAN_LIMITS.reviewNote, 'A note'),
  })
  .strict();
export type ReviewRequest = z.infer<typeof reviewRequestSchema>;

export interface ActionPlanView {
  caseId: string;
  reference: string;
  version: number;
  rows: ActionRow[];
  /** The session the plan was made in, its date and facilitating EP. */
  sessionId: string | null;
  sessionDate: string | null;
  facilitatorName: string | null;
  updatedAt: number;
  review: ReviewView | null;
  /**
   * Issue 13: the directory services the rows link to (drafted from linked Resource cards), as the directory holds
   * them now, with how to access each; the exports list the same under "Services signposted".
   */
  services?: ServiceLink[];
}

export interface ReviewView {
  actions: { rowId: string; impact: (typeof REVIEW_IMPACTS)[number]; note: string }[];
  outcome: ReviewOutcome;
  note: string;
  reviewedAt: number;
  reviewedBy: string;
}

/** GET /api/reviews: what an EP sees across their localities (an admin: every locality). */
export interface ReviewOverview {
  /** Plans whose next review date is today or earlier, or within the next 14 days, with no review recorded. */
  due: { caseId: string; reference: string; schoolName: string; localityName: string; reviewDate: string }[];
  /** Reviews whose outcome asks for further EP involvement, newest first. */
  requests: {
    caseId: string;
    reference: string;
    schoolName: string;
    localityName: string;
    reviewedAt: number;
    note: string;
  }[];
  /** Cases brought back to the group, with the session they are offered for (the next draft session of their locality). */
  broughtBack: {
    caseId: string;
    reference: string;
    schoolName: string;
    localityName: string;
    offeredSessionId: string | null;
  }[];
}
