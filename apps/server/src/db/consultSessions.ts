import type { Reach, SessionCaseView, SessionStatus } from '@consultboard/domain';
import type { Db } from './database.js';
import { type CursorShape, type PageRequest, pageOf, pageParams } from './paging.js';

/** A cursor of the sessions list: the last session's date, created_at and id (latest date first). */
export const SESSIONS_CURSOR: CursorShape = ['string', 'number', 'string'];

export interface ConsultSessionRow {
  id: string;
  /** The name of the session's locality (from the localities table). */
  locality: string;
  locality_id: string | null;
  date: string;
  status: SessionStatus;
  facilitator_id: string;
  facilitator_name: string;
  join_code: string | null;
  created_at: number;
  started_at: number | null;
  ended_at: number | null;
}

const SELECT = `SELECT s.*, u.name AS facilitator_name, COALESCE(l.name, '') AS locality
  FROM consult_sessions s JOIN users u ON u.id = s.facilitator_id LEFT JOIN localities l ON l.id = s.locality_id`;

/** Consultation sessions and their agendas. */
export function consultSessionsRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO consult_sessions (id, locality_id, date, status, facilitator_id, created_at)
     VALUES (@id, @locality_id, @date, 'draft', @facilitator_id, @created_at)`,
  );
  const byId = db.prepare(`${SELECT} WHERE s.id = ?`);
  const byLiveCode = db.prepare(`${SELECT} WHERE s.join_code = ? AND s.status = 'live'`);
  // A session belongs to a locality; one from before localities (no id) only to an 'all' reach.
  const page = db.prepare(`${SELECT}
    WHERE (@all = 1 OR s.locality_id IN (SELECT value FROM json_each(@localityIds)))
      AND (@hasAfter = 0 OR (s.date, s.created_at, s.id) < (@after0, @after1, @after2))
    ORDER BY s.date DESC, s.created_at DESC, s.id DESC LIMIT @limit`);
  const nextDraft = db.prepare(
    `${SELECT} WHERE s.locality_id = ? AND s.status = 'draft' AND s.date > ? ORDER BY s.date, s.created_at LIMIT 1`,
  );
  const cases = db.prepare(
    'SELECT id, reference, kind, position FROM session_cases WHERE session_id = ? ORDER BY position',
  );
  const insertCase = db.prepare(
    'INSERT INTO session_cases (id, session_id, reference, kind, position) VALUES (?, ?, ?, ?, ?)',
  );
  const hasCase = db.prepare('SELECT 1 FROM session_cases WHERE session_id = ? AND id = ?');
  const onAnyAgenda = db.prepare('SELECT 1 FROM session_cases WHERE id = ?');
  const agendaOf = db.prepare('SELECT session_id AS sessionId FROM session_cases WHERE id = ?');
  const renameCase = db.prepare('UPDATE session_cases SET reference = ? WHERE id = ?');
  const clearAgenda = db.prepare('DELETE FROM session_cases WHERE session_id = ?');
  const removeCase = db.prepare('DELETE FROM session_cases WHERE id = ? AND session_id = ?');
  const start = db.prepare(
    `UPDATE consult_sessions SET status = 'live', join_code = ?, started_at = ? WHERE id = ? AND status = 'draft'`,
  );
  const end = db.prepare(`UPDATE consult_sessions SET status = 'ended', ended_at = ? WHERE id = ? AND status = 'live'`);
  return {
    insert: (row: { id: string; locality_id: string; date: string; facilitator_id: string; created_at: number }) =>
      insert.run(row),
    byId: (id: string) => byId.get(id) as ConsultSessionRow | undefined,
    byLiveCode: (code: string) => byLiveCode.get(code) as ConsultSessionRow | undefined,
    /** A page of the sessions a reach covers, latest date first: filtered here, before the page is cut. */
    page: (reach: Reach, request: PageRequest) =>
      pageOf(page.all(pageParams(reach, request, SESSIONS_CURSOR)) as ConsultSessionRow[], request.limit, (row) => [
        row.date,
        row.created_at,
        row.id,
      ]),
    /** A locality's next draft session dated after a day (YYYY-MM-DD), the earliest scheduled first. */
    nextDraft: (localityId: string, after: string) => nextDraft.get(localityId, after) as ConsultSessionRow | undefined,
    cases: (sessionId: string) => cases.all(sessionId) as SessionCaseView[],
    /** Whether the case is on the session's agenda. */
    hasCase: (sessionId: string, caseId: string) => hasCase.get(sessionId, caseId) !== undefined,
    removeCase: (id: string, sessionId: string) => removeCase.run(id, sessionId).changes > 0,
    /** Whether a case is on the agenda of any session. */
    onAnyAgenda: (caseId: string) => onAnyAgenda.get(caseId) !== undefined,
    /** The session whose agenda holds the case (a case is on one agenda at most). */
    agendaSessionOf: (caseId: string) => (agendaOf.get(caseId) as { sessionId: string } | undefined)?.sessionId,
    /** The agenda's copy of a case's reference follows the case's (issue 10: the SENCO's Edit). */
    renameCase: (caseId: string, reference: string) => renameCase.run(reference, caseId),
    /** Replaces a session's agenda with these cases, in order (call inside a transaction). */
    setAgenda: (sessionId: string, cases: readonly { id: string; reference: string; kind: 'child' | 'topic' }[]) => {
      clearAgenda.run(sessionId);
      cases.forEach((item, position) => {
        insertCase.run(item.id, sessionId, item.reference, item.kind, position);
      });
    },
    /** Marks a draft session live with its join code; false if it was not a draft. */
    start: (id: string, joinCode: string, now: number) => start.run(joinCode, now, id).changes > 0,
    end: (id: string, now: number) => end.run(now, id).changes > 0,
  };
}
export type ConsultSessionsRepo = ReturnType<typeof consultSessionsRepo>;
