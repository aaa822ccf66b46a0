import type { Db } from './database.js';

/** Signed-in browser sessions, stored by the hash of their cookie token. */
export function authSessionsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO auth_sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const find = db.prepare(
    `SELECT u.* FROM auth_sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ? AND u.deactivated_at IS NULL`,
  );
  const remove = db.prepare('DELETE FROM auth_sessions WHERE token_hash = ?');
  const purge = db.prepare('DELETE FROM auth_sessions WHERE expires_at <= ?');
  const removeAllOf = db.prepare('DELETE FROM auth_sessions WHERE user_id = ?');
  return {
    insert: (tokenHash: string, userId: string, now: number, expiresAt: number) =>
      insert.run(tokenHash, userId, now, expiresAt),
    findUser: (tokenHash: string, now: number) => find.get(tokenHash, now) as import('./users.js').UserRow | undefined,
    remove: (tokenHash: string) => remove.run(tokenHash),
    purgeExpired: (now: number) => purge.run(now),
    /** Ends every signed-in session of an account (on deactivation). */
    removeAllOf: (userId: string) => removeAllOf.run(userId),
  };
}
export type AuthSessionsRepo = ReturnType<typeof authSessionsRepo>;
