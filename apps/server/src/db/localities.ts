import type { LocalityView, SchoolView } from '@consultboard/domain';
import type { Db } from './database.js';

/** Localities (families of schools) and their schools. */
export function localitiesRepo(db: Db) {
  const insertLocality = db.prepare('INSERT INTO localities (id, name, created_at) VALUES (?, ?, ?)');
  const localityById = db.prepare('SELECT id, name FROM localities WHERE id = ?');
  const localityByName = db.prepare('SELECT id, name FROM localities WHERE name = ? COLLATE NOCASE');
  const localities = db.prepare('SELECT id, name FROM localities ORDER BY name COLLATE NOCASE LIMIT 1000');
  const SCHOOL = `SELECT s.id, s.name, s.locality_id AS localityId, l.name AS localityName
                  FROM schools s JOIN localities l ON l.id = s.locality_id`;
  const insertSchool = db.prepare('INSERT INTO schools (id, name, locality_id, created_at) VALUES (?, ?, ?, ?)');
  const schoolById = db.prepare(`${SCHOOL} WHERE s.id = ?`);
  const schoolByName = db.prepare(`${SCHOOL} WHERE s.locality_id = ? AND s.name = ? COLLATE NOCASE`);
  const schools = db.prepare(`${SCHOOL} ORDER BY l.name COLLATE NOCASE, s.name COLLATE NOCASE LIMIT 5000`);
  return {
    insertLocality: (id: string, name: string, now: number) => insertLocality.run(id, name, now),
    locality: (id: string) => localityById.get(id) as LocalityView | undefined,
    localityByName: (name: string) => localityByName.get(name) as LocalityView | undefined,
    localities: () => localities.all() as LocalityView[],
    insertSchool: (id: string, name: string, localityId: string, now: number) =>
      insertSchool.run(id, name, localityId, now),
    school: (id: string) => schoolById.get(id) as SchoolView | undefined,
    schoolByName: (localityId: string, name: string) => schoolByName.get(localityId, name) as SchoolView | undefined,
    schools: () => schools.all() as SchoolView[],
  };
}
export type LocalitiesRepo = ReturnType<typeof localitiesRepo>;
