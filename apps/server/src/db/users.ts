import type { AccountRole, UserView } from '@consultboard/domain';
import type { Db } from './database.js';

export interface UserRow {
  id: string;
  name: string;
  email: string;
  password_hash: string;
  role: AccountRole;
  created_at: number;
  deactivated_at: number | null;
}

export function toUserView(row: UserRow): UserView {
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

/** Accounts: EPS admins, EPs and SENCOs. */
export function usersRepo(db: Db) {
  const byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const count = db.prepare('SELECT COUNT(*) AS n FROM users');
  const insert = db.prepare(
    'INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES (@id, @name, @email, @password_hash, @role, @created_at)',
  );
  return {
    count: () => (count.get() as { n: number }).n,
    byEmail: (email: string) => byEmail.get(email) as UserRow | undefined,
    byId: (id: string) => byId.get(id) as UserRow | undefined,
    insert: (row: Omit<UserRow, 'deactivated_at'>) => insert.run(row),
    /** Creates the first account, or returns null when one exists already (atomic: two racing set-ups make one). */
    insertFirst: db.transaction((row: Omit<UserRow, 'deactivated_at'>) => {
      if ((count.get() as { n: number }).n > 0) return null;
      insert.run(row);
      return row;
    }),
  };
}
export type UsersRepo = ReturnType<typeof usersRepo>;
