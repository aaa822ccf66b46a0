import type { Db } from './database.js';

export interface ParticipantRow {
  id: string;
  session_id: string;
  name: string;
  session_status: 'draft' | 'live' | 'ended';
}

/** People in the room who joined from a phone: a display name and a token valid while the session is live. */
export function participantsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO participants (id, token_hash, session_id, name, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const byToken = db.prepare(
    `SELECT p.id, p.session_id, p.name, s.status AS session_status
     FROM participants p JOIN consult_sessions s ON s.id = p.session_id WHERE p.token_hash = ?`,
  );
  return {
    insert: (id: string, tokenHash: string, sessionId: string, name: string, now: number) =>
      insert.run(id, tokenHash, sessionId, name, now),
    byToken: (tokenHash: string) => byToken.get(tokenHash) as ParticipantRow | undefined,
  };
}
export type ParticipantsRepo = ReturnType<typeof participantsRepo>;
