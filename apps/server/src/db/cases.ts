import type { CaseType, CaseView, Preparation, Reach } from '@consultboard/domain';
import type { Db } from './database.js';
import { type CursorShape, type PageRequest, pageOf, pageParams } from './paging.js';

/** A cursor of the cases list: the last case's created_at and id (newest first). */
export const CASES_CURSOR: CursorShape = ['number', 'string'];

export interface CaseRow {
  id: string;
  school_id: string;
  school_name: string;
  locality_id: string;
  locality_name: string;
  type: CaseType;
  reference: string;
  consent_given: 0 | 1;
  consent_date: string | null;
  preparation: string;
  submitted_session_id: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  to_check: 0 | 1;
}

// to_check: "Personal data to check" (issue 10), any place of the case with findings nobody dismissed; 1 or 0 on
// both stores (PostgreSQL's EXISTS alone would answer true or false).
const SELECT = `SELECT c.*, s.name AS school_name, s.locality_id, l.name AS locality_name,
    CASE WHEN EXISTS (SELECT 1 FROM privacy_to_check p WHERE p.case_id = c.id) THEN 1 ELSE 0 END AS to_check
  FROM cases c JOIN schools s ON s.id = c.school_id JOIN localities l ON l.id = s.locality_id`;

export function toCaseView(row: CaseRow): CaseView {
  return {
    id: row.id,
    type: row.type,
    reference: row.reference,
    schoolId: row.school_id,
    schoolName: row.school_name,
    localityId: row.locality_id,
    localityName: row.locality_name,
    consent: { given: row.consent_given === 1, date: row.consent_date },
    preparation: JSON.parse(row.preparation) as Preparation,
    submittedSessionId: row.submitted_session_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    personalDataToCheck: row.to_check === 1,
  };
}

/** The cases SENCOs bring: their consent, preparation form, and the session they are submitted to. */
export function casesRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO cases (id, school_id, type, reference, preparation, created_by, created_at, updated_at)
     VALUES (@id, @school_id, @type, @reference, @preparation, @created_by, @created_at, @created_at)`,
  );
  const byId = db.prepare(`${SELECT} WHERE c.id = ?`);
  // A school reaches its cases; a locality only the cases its schools submitted to a session (allowedOnCase).
  const page = db.prepare(`${SELECT}
    WHERE (@all = 1 OR c.school_id IN (SELECT value FROM json_each(@schoolIds))
           OR (s.locality_id IN (SELECT value FROM json_each(@localityIds)) AND c.submitted_session_id IS NOT NULL))
      AND (@hasAfter = 0 OR (c.created_at, c.id) < (@after0, @after1))
    ORDER BY c.created_at DESC, c.id DESC LIMIT @limit`);
  const ofSession = db.prepare(`${SELECT} WHERE c.submitted_session_id = ? ORDER BY c.created_at`);
  const setConsent = db.prepare('UPDATE cases SET consent_given = ?, consent_date = ?, updated_at = ? WHERE id = ?');
  const setPreparation = db.prepare('UPDATE cases SET preparation = ?, updated_at = ? WHERE id = ?');
  const setReference = db.prepare('UPDATE cases SET reference = ?, updated_at = ? WHERE id = ?');
  const submit = db.prepare('UPDATE cases SET submitted_session_id = ?, updated_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM cases WHERE id = ?');
  return {
    insert: (row: {
      id: string;
      school_id: string;
      type: CaseType;
      reference: string;
      preparation: Preparation;
      created_by: string;
      created_at: number;
    }) => insert.run({ ...row, preparation: JSON.stringify(row.preparation) }),
    byId: (id: string) => byId.get(id) as CaseRow | undefined,
    /** A page of the cases a reach covers, newest first: filtered here, before the page is cut. */
    page: (reach: Reach, request: PageRequest) =>
      pageOf(page.all(pageParams(reach, request, CASES_CURSOR)) as CaseRow[], request.limit, (row) => [
        row.created_at,
        row.id,
      ]),
    submittedTo: (sessionId: string) => ofSession.all(sessionId) as CaseRow[],
    setConsent: (id: string, given: boolean, date: string | null, now: number) =>
      setConsent.run(given ? 1 : 0, date, now, id),
    setPreparation: (id: string, preparation: Preparation, now: number) =>
      setPreparation.run(JSON.stringify(preparation), now, id),
    setReference: (id: string, reference: string, now: number) => setReference.run(reference, now, id),
    submit: (id: string, sessionId: string | null, now: number) => submit.run(sessionId, now, id),
    remove: (id: string) => remove.run(id),
  };
}
export type CasesRepo = ReturnType<typeof casesRepo>;
