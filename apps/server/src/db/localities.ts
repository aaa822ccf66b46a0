import type { LocalityView, Reach, SchoolView } from '@consultboard/domain';
import type { Db } from './database.js';
import { type CursorShape, type PageRequest, pageOf, pageParams } from './paging.js';

/** A cursor of the localities list: the last locality's name and id (by name). */
export const LOCALITIES_CURSOR: CursorShape = ['string', 'string'];
/** A cursor of the schools list: the last school's locality name, name and id (by locality, then name). */
export const SCHOOLS_CURSOR: CursorShape = ['string', 'string', 'string'];

/** Localities (families of schools) and their schools. */
export function localitiesRepo(db: Db) {
  const insertLocality = db.prepare('INSERT INTO localities (id, name, created_at) VALUES (?, ?, ?)');
  const localityById = db.prepare('SELECT id, name FROM localities WHERE id = ?');
  const localityByName = db.prepare('SELECT id, name FROM localities WHERE name = ? COLLATE NOCASE');
  const localities = db.prepare(
    `SELECT id, name FROM localities
     WHERE (@all = 1 OR id IN (SELECT value FROM json_each(@localityIds)))
       AND (@hasAfter = 0 OR (name COLLATE NOCASE, id) > (@after0, @after1))
     ORDER BY name COLLATE NOCASE, id LIMIT @limit`,
  );
  const SCHOOL = `SELECT s.id, s.name, s.locality_id AS localityId, l.name AS localityName
                  FROM schools s JOIN localities l ON l.id = s.locality_id`;
  const insertSchool = db.prepare('INSERT INTO schools (id, name, locality_id, created_at) VALUES (?, ?, ?, ?)');
  const schoolById = db.prepare(`${SCHOOL} WHERE s.id = ?`);
  const schoolByName = db.prepare(`${SCHOOL} WHERE s.locality_id = ? AND s.name = ? COLLATE NOCASE`);
  const schools = db.prepare(
    `${SCHOOL}
     WHERE (@all = 1 OR s.locality_id IN (SELECT value FROM json_each(@localityIds))
            OR s.id IN (SELECT value FROM json_each(@schoolIds)))
       AND (@hasAfter = 0 OR (l.name COLLATE NOCASE, s.name COLLATE NOCASE, s.id) > (@after0, @after1, @after2))
     ORDER BY l.name COLLATE NOCASE, s.name COLLATE NOCASE, s.id LIMIT @limit`,
  );
  return {
    insertLocality: (id: string, name: string, now: number) => insertLocality.run(id, name, now),
    locality: (id: string) => localityById.get(id) as LocalityView | undefined,
    localityByName: (name: string) => localityByName.get(name) as LocalityView | undefined,
    /** A page of the localities a reach covers, by name: filtered here, before the page is cut. */
    localities: (reach: Reach, request: PageRequest) =>
      pageOf(localities.all(pageParams(reach, request, LOCALITIES_CURSOR)) as LocalityView[], request.limit, (row) => [
        row.name,
        row.id,
      ]),
    insertSchool: (id: string, name: string, localityId: string, now: number) =>
      insertSchool.run(id, name, localityId, now),
    school: (id: string) => schoolById.get(id) as SchoolView | undefined,
    schoolByName: (localityId: string, name: string) => schoolByName.get(localityId, name) as SchoolView | undefined,
    /** A page of the schools a reach covers (by locality or by school), by locality then name. */
    schools: (reach: Reach, request: PageRequest) =>
      pageOf(schools.all(pageParams(reach, request, SCHOOLS_CURSOR)) as SchoolView[], request.limit, (row) => [
        row.localityName,
        row.name,
        row.id,
      ]),
  };
}
export type LocalitiesRepo = ReturnType<typeof localitiesRepo>;
