import { type ActionRow, notesDocName, type ServiceLink } from '@consultboard/domain';
import type { ActionPlanRow } from '../db/actionPlans.js';
import type { CaseRow } from '../db/cases.js';
import type { EventRow } from '../db/meetingEvents.js';
import type { StoredNotes } from '../db/notes.js';
import type { Repos } from '../db/repos.js';
import { linkedServices } from '../plans/planViews.js';
import type { StoredReview } from './planReviews.js';

/**
 * What an export of a plan is drawn from, as read from SQLite: rows and stored bytes, nothing parsed or folded.
 * The main thread only reads this (a few indexed queries); the export worker does the rest, so a case with
 * megabytes of notes or a long meeting never holds up the live sessions.
 */
export interface PlanSource {
  caseId: string;
  reference: string;
  schoolName: string;
  localityName: string;
  /** YYYY-MM-DD, or null for a plan written outside a meeting. */
  sessionDate: string | null;
  facilitatorName: string | null;
  /** The preparation form as stored (JSON). */
  preparation: string;
  /** The log of the session the plan was made in (its cards), as stored; empty outside a meeting. */
  events: EventRow[];
  /** The case's notes as stored: the snapshot and the updates after it (bounded by the notes document cap). */
  notes: StoredNotes;
  /** The plan's rows (bounded by the plan schema: 30 rows of short fields). */
  rows: ActionRow[];
  /** Every review recorded, oldest first (bounded: each is a review body of at most 96 KB). */
  reviews: StoredReview[];
  /** Issue 13: the directory entries the rows link to, as they are now (of the case's locality, or for all). */
  services?: ServiceLink[];
}

/** Reads what a plan's export needs from SQLite. Cheap: no JSON parsed, no Yjs document built. */
export function planSource(repos: Repos, caseRow: CaseRow, plan: ActionPlanRow): PlanSource {
  const session = plan.session_id ? repos.consultSessions.byId(plan.session_id) : undefined;
  return {
    caseId: caseRow.id,
    reference: caseRow.reference,
    schoolName: caseRow.school_name,
    localityName: caseRow.locality_name,
    sessionDate: session?.date ?? null,
    facilitatorName: session?.facilitator_name ?? null,
    preparation: caseRow.preparation,
    events: plan.session_id ? repos.meetingEvents.stored(plan.session_id) : [],
    notes: repos.notes.load(notesDocName(caseRow.id)),
    rows: plan.rows,
    reviews: storedReviews(repos, caseRow.id),
    services: linkedServices(repos, caseRow.locality_id, plan.rows),
  };
}

/** A case's review history as an export reads it. */
export function storedReviews(repos: Repos, caseId: string): StoredReview[] {
  return repos.actionPlans.history(caseId).map((row) => ({ reviewedAt: row.reviewed_at, review: row.review }));
}
