import type { SessionStatus } from '@consultboard/domain';
import type { Db } from './database.js';

export type NotesTokenRole = 'facilitator' | 'projector';

export interface NotesTokenRow {
  session_id: string;
  role: NotesTokenRole;
  user_id: string;
  session_status: SessionStatus;
}

/** Tokens the EP's console and the projector open the notes with, stored by their hash, valid for hours. */
export function notesTokensRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO notes_tokens (token_hash, session_id, role, user_id, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const find = db.prepare(
    `SELECT t.session_id, t.role, t.user_id, s.status AS session_status
     FROM notes_tokens t
     JOIN consult_sessions s ON s.id = t.session_id
     JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = ? AND t.expires_at > ? AND u.deactivated_at IS NULL`,
  );
  const purge = db.prepare('DELETE FROM notes_tokens WHERE expires_at <= ?');
  const revokeOf = db.prepare('DELETE FROM notes_tokens WHERE user_id = ?');
  return {
    insert: (
      tokenHash: string,
      sessionId: string,
      role: NotesTokenRole,
      userId: string,
      now: number,
      expiresAt: number,
    ) => insert.run(tokenHash, sessionId, role, userId, now, expiresAt),
    /** The live token with this hash, with its session's status; undefined when unknown or expired. */
    find: (tokenHash: string, now: number) => find.get(tokenHash, now) as NotesTokenRow | undefined,
    purgeExpired: (now: number) => purge.run(now),
    /** Revokes every notes token of an account (on deactivation). */
    revokeAllOf: (userId: string) => revokeOf.run(userId),
  };
}
export type NotesTokensRepo = ReturnType<typeof notesTokensRepo>;
