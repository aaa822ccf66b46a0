import type { AccountRole, UserView } from '@consultboard/domain';
import type { Db } from './database.js';
import { type CursorShape, type PageRequest, pageOf, pageParams } from './paging.js';

/** A cursor of the people list: the last person's name, created_at and id (by name, as people read it). */
export const PEOPLE_CURSOR: CursorShape = ['string', 'number', 'string'];
const EVERYONE = { all: true, localityIds: [], schoolIds: [] };

export interface UserRow {
  id: string;
  name: string;
  email: string;
  /** Empty while the account is invited and has not yet set a password. */
  password_hash: string;
  role: AccountRole;
  created_at: number;
  deactivated_at: number | null;
  school_id: string | null;
}

export function toUserView(row: UserRow): UserView {
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

/** Whether an account has been invited and not yet set its password. */
export const isInvited = (row: UserRow) => row.password_hash === '';

type NewUser = Omit<UserRow, 'deactivated_at' | 'school_id'> & { school_id?: string | null };

/** Accounts: EPS admins, EPs and SENCOs, and the localities each EP facilitates. */
export function usersRepo(db: Db) {
  const byEmail = db.prepare('SELECT * FROM users WHERE email = ?');
  const byId = db.prepare('SELECT * FROM users WHERE id = ?');
  const page = db.prepare(
    `SELECT * FROM users WHERE @hasAfter = 0 OR (name COLLATE NOCASE, created_at, id) > (@after0, @after1, @after2)
     ORDER BY name COLLATE NOCASE, created_at, id LIMIT @limit`,
  );
  const count = db.prepare('SELECT COUNT(*) AS n FROM users');
  const insert = db.prepare(
    `INSERT INTO users (id, name, email, password_hash, role, created_at, school_id)
     VALUES (@id, @name, @email, @password_hash, @role, @created_at, @school_id)`,
  );
  const setPassword = db.prepare('UPDATE users SET password_hash = ? WHERE id = ?');
  const deactivate = db.prepare('UPDATE users SET deactivated_at = ? WHERE id = ? AND deactivated_at IS NULL');
  const localitiesOf = db.prepare('SELECT locality_id FROM user_localities WHERE user_id = ? ORDER BY locality_id');
  const addLocality = db.prepare('INSERT OR IGNORE INTO user_localities (user_id, locality_id) VALUES (?, ?)');
  const withSchool = (row: NewUser) => ({ school_id: null, ...row });
  return {
    count: () => (count.get() as { n: number }).n,
    byEmail: (email: string) => byEmail.get(email) as UserRow | undefined,
    byId: (id: string) => byId.get(id) as UserRow | undefined,
    /** A page of every account, by name (only 'person.manage', whose reach is everyone, lists people). */
    page: (request: PageRequest) =>
      pageOf(page.all(pageParams(EVERYONE, request, PEOPLE_CURSOR)) as UserRow[], request.limit, (row) => [
        row.name,
        row.created_at,
        row.id,
      ]),
    insert: (row: NewUser) => insert.run(withSchool(row)),
    /** Creates the first account, or returns null when one exists already (atomic: two racing set-ups make one). */
    insertFirst: db.transaction((row: NewUser) => {
      if ((count.get() as { n: number }).n > 0) return null;
      insert.run(withSchool(row));
      return row;
    }),
    setPassword: (id: string, passwordHash: string) => setPassword.run(passwordHash, id),
    /** Marks an account deactivated; false if it already was. */
    deactivate: (id: string, now: number) => deactivate.run(now, id).changes > 0,
    /** The localities an EP facilitates. */
    localitiesOf: (userId: string) => (localitiesOf.all(userId) as { locality_id: string }[]).map((r) => r.locality_id),
    addLocality: (userId: string, localityId: string) => addLocality.run(userId, localityId),
  };
}
export type UsersRepo = ReturnType<typeof usersRepo>;
