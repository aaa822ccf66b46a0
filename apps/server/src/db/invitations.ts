import type { Db } from './database.js';

export interface InvitationRow {
  token_hash: string;
  user_id: string;
  expires_at: number;
  used_at: number | null;
}

/** Invitation links, stored by the hash of their token: each works once, until it expires. */
export function invitationsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO invitations (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
  );
  const usable = db.prepare(
    `SELECT i.token_hash, i.user_id, i.expires_at, i.used_at FROM invitations i JOIN users u ON u.id = i.user_id
     WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > ? AND u.deactivated_at IS NULL`,
  );
  const use = db.prepare('UPDATE invitations SET used_at = ? WHERE token_hash = ? AND used_at IS NULL');
  const revokeOf = db.prepare('UPDATE invitations SET used_at = ? WHERE user_id = ? AND used_at IS NULL');
  const setExpiry = db.prepare('UPDATE invitations SET expires_at = ? WHERE token_hash = ?');
  return {
    insert: (tokenHash: string, userId: string, now: number, expiresAt: number) =>
      insert.run(tokenHash, userId, now, expiresAt),
    /** The invitation with this hash if it is unused, unexpired and its account active. */
    usable: (tokenHash: string, now: number) => usable.get(tokenHash, now) as InvitationRow | undefined,
    /** Marks it used; false if it already was (two racing accepts: one wins). */
    use: (tokenHash: string, now: number) => use.run(now, tokenHash).changes > 0,
    /** Makes every open invitation of an account unusable (on deactivation). */
    revokeAllOf: (userId: string, now: number) => revokeOf.run(now, userId),
    /** Moves an invitation's expiry (for tests of expiry). */
    setExpiry: (tokenHash: string, expiresAt: number) => setExpiry.run(expiresAt, tokenHash),
  };
}
export type InvitationsRepo = ReturnType<typeof invitationsRepo>;
