import type { Db } from './database.js';

export interface ParticipantRow {
  id: string;
  session_id: string;
  name: string;
  session_status: 'draft' | 'live' | 'ended';
  /** A presenting SENCO's account (issue 9 item 3); null for a phone that joined with the code. */
  user_id: string | null;
}

/**
 * Whether the EP removed participant `p`. The meeting's event log is the one record of it (a
 * `participant.removed` event, written in the command's transaction), so nothing else has to be kept in step.
 */
const REMOVED = `EXISTS (SELECT 1 FROM meeting_events e
  WHERE e.session_id = p.session_id AND e.type = 'participant.removed'
    AND json_extract(e.body, '$.participantId') = p.id)`;

/** People in the room who joined from a phone: a display name and a token valid while the session is live. */
export function participantsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO participants (id, token_hash, session_id, name, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const byToken = db.prepare(
    `SELECT p.id, p.session_id, p.name, p.user_id, s.status AS session_status
     FROM participants p JOIN consult_sessions s ON s.id = p.session_id WHERE p.token_hash = ? AND NOT ${REMOVED}`,
  );
  const insertPresenter = db.prepare(
    'INSERT INTO participants (id, token_hash, session_id, name, created_at, user_id) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const removedByToken = db.prepare(`SELECT 1 FROM participants p WHERE p.token_hash = ? AND ${REMOVED}`);
  const inSession = db.prepare('SELECT id, name FROM participants WHERE id = ? AND session_id = ?');
  return {
    insert: (id: string, tokenHash: string, sessionId: string, name: string, now: number) =>
      insert.run(id, tokenHash, sessionId, name, now),
    /** A presenting SENCO joining from their case page: a participant bound to their account. */
    insertPresenter: (id: string, tokenHash: string, sessionId: string, name: string, userId: string, now: number) =>
      insertPresenter.run(id, tokenHash, sessionId, name, now, userId),
    /** The participant holding a token, unless the EP removed them (a removed token opens nothing). */
    byToken: (tokenHash: string) => byToken.get(tokenHash) as ParticipantRow | undefined,
    /** Whether a token belonged to a participant the EP removed (so the phone can be told why it is refused). */
    wasRemoved: (tokenHash: string) => removedByToken.get(tokenHash) !== undefined,
    /** A participant of this session, by id (the console names them in its Remove buttons). */
    inSession: (sessionId: string, id: string) =>
      inSession.get(id, sessionId) as { id: string; name: string } | undefined,
  };
}
export type ParticipantsRepo = ReturnType<typeof participantsRepo>;
