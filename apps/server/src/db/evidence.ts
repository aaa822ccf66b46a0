import type { ActionRow } from '@consultboard/domain';
import type { Db } from './database.js';

/** One case of a school's evidence pack, as stored. */
export interface EvidenceCaseRow {
  id: string;
  reference: string;
  /** The preparation form as stored (JSON): the pack prints its areas of need only. */
  preparation: string;
  /** YYYY-MM-DD: the session the plan was made in, else the one the case is submitted to, else the day it was opened. */
  consultation_date: string;
  /** The plan's rows, or null for a case with no plan yet. */
  rows: ActionRow[] | null;
  plan_session_id: string | null;
}

type StoredCase = Omit<EvidenceCaseRow, 'rows'> & { rows: string | null };

/**
 * What a school's evidence pack reads (issue 13 item 4): the school's own cases in a date range, and which cards
 * of a session were resources (the pack's "Services signposted").
 */
export function evidenceRepo(db: Db) {
  // A case never put before a session is dated by the day it was opened (UTC: an hour off England's day in
  // summer, around midnight only). The subquery is named: PostgreSQL wants a name for each.
  const cases = db.prepare(`SELECT * FROM (
      SELECT c.id, c.reference, c.preparation, p.rows, p.session_id AS plan_session_id,
        COALESCE(ps.date, ss.date, date(c.created_at / 1000, 'unixepoch')) AS consultation_date
      FROM cases c
      LEFT JOIN action_plans p ON p.case_id = c.id
      LEFT JOIN consult_sessions ps ON ps.id = p.session_id
      LEFT JOIN consult_sessions ss ON ss.id = c.submitted_session_id
      WHERE c.school_id = ?) AS dated
    WHERE consultation_date BETWEEN ? AND ?
    ORDER BY consultation_date, reference, id LIMIT ?`);
  const resourceCards = db.prepare(
    `SELECT json_extract(body, '$.card.id') AS id FROM meeting_events
     WHERE session_id = ? AND type = 'card.added' AND json_extract(body, '$.card.kind') = 'resource'`,
  );
  return {
    /** A school's cases whose consultation date is in the range (inclusive), oldest first, at most `limit`. */
    cases: (schoolId: string, from: string, to: string, limit: number): EvidenceCaseRow[] =>
      (cases.all(schoolId, from, to, limit) as StoredCase[]).map((row) => ({
        ...row,
        rows: row.rows === null ? null : (JSON.parse(row.rows) as ActionRow[]),
      })),
    /** The ids of the cards added as resources in a session's meeting. */
    resourceCardIds: (sessionId: string): Set<string> =>
      new Set((resourceCards.all(sessionId) as { id: string }[]).map((row) => row.id)),
  };
}
export type EvidenceRepo = ReturnType<typeof evidenceRepo>;
