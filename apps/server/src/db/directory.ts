import {
  AREA_OF_NEED_LABELS,
  type AreaOfNeed,
  DIRECTORY_LIMITS,
  type DirectoryEntryFields,
  type DirectoryEntryView,
  type DirectorySuggestion,
  needsChecking,
  type Reach,
  type ServiceLink,
} from '@consultboard/domain';
import type { Db } from './database.js';
import { type CursorShape, type PageRequest, pageOf, pageParams } from './paging.js';

/** A cursor of the directory list: the last entry's name and id (by name). */
export const DIRECTORY_CURSOR: CursorShape = ['string', 'string'];

interface EntryRow {
  id: string;
  localityId: string | null;
  localityName: string | null;
  name: string;
  offer: string;
  ageFrom: number | null;
  ageTo: number | null;
  areasOfNeed: string;
  eligibility: string;
  access: string;
  contact: string;
  website: string;
  lastChecked: string;
  updatedAt: number;
}

/** What an entry's words are searched by: its name, what it offers and its areas of need, lower-cased. */
function searchText(entry: DirectoryEntryFields): string {
  return [entry.name, entry.offer, ...entry.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area])]
    .join('\n')
    .toLowerCase();
}

/** The words of a search, lower-cased, each of which an entry must hold (at most 8, so a query stays cheap). */
export function searchWords(query: string | undefined): string[] {
  return (query ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .slice(0, 8);
}

function toView(row: EntryRow, today: string): DirectoryEntryView {
  return {
    ...row,
    areasOfNeed: JSON.parse(row.areasOfNeed) as AreaOfNeed[],
    needsCheck: needsChecking(row.lastChecked, today),
  };
}

/**
 * The signposting directory (issue 13): services outside school, per locality or (locality null) for all. Every
 * list is filtered here by the reader's reach, before a page is cut: an entry for all localities reaches everyone
 * who reads the directory at all.
 */
export function directoryRepo(db: Db) {
  const SELECT = `SELECT d.id, d.locality_id AS localityId, l.name AS localityName, d.name, d.offer,
      d.age_from AS ageFrom, d.age_to AS ageTo, d.areas_of_need AS areasOfNeed, d.eligibility, d.access, d.contact,
      d.website, d.last_checked AS lastChecked, d.updated_at AS updatedAt
    FROM directory_entries d LEFT JOIN localities l ON l.id = d.locality_id`;
  // The reader's reach, the locality asked for (its entries and those for all), and every search word. The CAST
  // types @locality for PostgreSQL, which types a parameter where it first appears (`IS NULL` gives it none).
  const FILTER = `(@all = 1 OR d.locality_id IS NULL OR d.locality_id IN (SELECT value FROM json_each(@localityIds)))
      AND (CAST(@locality AS TEXT) IS NULL OR d.locality_id IS NULL OR d.locality_id = @locality)
      AND NOT EXISTS (SELECT 1 FROM json_each(@words) w WHERE instr(d.search_text, w.value) = 0)`;
  const insert = db.prepare(
    `INSERT INTO directory_entries (id, locality_id, name, offer, age_from, age_to, areas_of_need, eligibility,
       access, contact, website, last_checked, search_text, created_at, updated_at, updated_by)
     VALUES (@id, @localityId, @name, @offer, @ageFrom, @ageTo, @areasOfNeed, @eligibility, @access, @contact,
       @website, @lastChecked, @searchText, @now, @now, @userId)`,
  );
  const update = db.prepare(
    `UPDATE directory_entries SET locality_id = @localityId, name = @name, offer = @offer, age_from = @ageFrom,
       age_to = @ageTo, areas_of_need = @areasOfNeed, eligibility = @eligibility, access = @access,
       contact = @contact, website = @website, last_checked = @lastChecked, search_text = @searchText,
       updated_at = @now, updated_by = @userId
     WHERE id = @id`,
  );
  const remove = db.prepare('DELETE FROM directory_entries WHERE id = ?');
  const byId = db.prepare(`${SELECT} WHERE d.id = ?`);
  const page = db.prepare(
    `${SELECT} WHERE ${FILTER}
       AND (@hasAfter = 0 OR (d.name COLLATE NOCASE, d.id) > (@after0, @after1))
     ORDER BY d.name COLLATE NOCASE, d.id LIMIT @limit`,
  );
  const all = db.prepare(`${SELECT} WHERE ${FILTER} ORDER BY d.name COLLATE NOCASE, d.id LIMIT @limit`);
  // A session's locality and those for all; names that start with the first word come first.
  const suggest = db.prepare(
    `SELECT d.id, d.name, d.offer, d.access, d.areas_of_need AS areasOfNeed FROM directory_entries d
     WHERE (d.locality_id IS NULL OR d.locality_id = @locality)
       AND NOT EXISTS (SELECT 1 FROM json_each(@words) w WHERE instr(d.search_text, w.value) = 0)
     ORDER BY instr(lower(d.name), @first) <> 1, d.name COLLATE NOCASE, d.id LIMIT @limit`,
  );
  const serviceOf = db.prepare(
    'SELECT id, name, access FROM directory_entries WHERE id = ? AND (locality_id IS NULL OR locality_id = ?)',
  );

  const params = (id: string, localityId: string | null, entry: DirectoryEntryFields, userId: string, now: number) => ({
    id,
    localityId,
    ...entry,
    areasOfNeed: JSON.stringify(entry.areasOfNeed),
    searchText: searchText(entry),
    userId,
    now,
  });
  const filter = (reach: Reach, localityId: string | null, query: string | undefined) => ({
    locality: localityId,
    words: JSON.stringify(searchWords(query)),
    all: reach.all ? 1 : 0,
    localityIds: JSON.stringify(reach.localityIds),
  });

  return {
    insert: (id: string, localityId: string | null, entry: DirectoryEntryFields, userId: string, now: number) =>
      insert.run(params(id, localityId, entry, userId, now)),
    update: (id: string, localityId: string | null, entry: DirectoryEntryFields, userId: string, now: number) =>
      update.run(params(id, localityId, entry, userId, now)).changes > 0,
    remove: (id: string) => remove.run(id).changes > 0,
    entry: (id: string, today: string) => {
      const row = byId.get(id) as EntryRow | undefined;
      return row ? toView(row, today) : undefined;
    },
    /** A page of the entries a reach covers, of one locality (with those for all) or every one, matching a search. */
    page: (reach: Reach, localityId: string | null, query: string | undefined, request: PageRequest, today: string) =>
      pageOf(
        (
          page.all({
            ...pageParams(reach, request, DIRECTORY_CURSOR),
            ...filter(reach, localityId, query),
          }) as EntryRow[]
        ).map((row) => toView(row, today)),
        request.limit,
        (row) => [row.name, row.id],
      ),
    /** Every entry of an export (bounded: at most as many as an import may bring, times a few). */
    everything: (reach: Reach, localityId: string | null, today: string) =>
      (all.all({ ...filter(reach, localityId, undefined), limit: DIRECTORY_LIMITS.importRows * 5 }) as EntryRow[]).map(
        (row) => toView(row, today),
      ),
    /** The Resource box's suggestions in a session of this locality. */
    suggestions: (localityId: string, query: string): DirectorySuggestion[] => {
      const words = searchWords(query);
      const rows = suggest.all({
        locality: localityId,
        words: JSON.stringify(words),
        first: words[0] ?? '',
        limit: DIRECTORY_LIMITS.suggestions,
      }) as (Omit<DirectorySuggestion, 'areasOfNeed'> & { areasOfNeed: string })[];
      return rows.map((row) => ({ ...row, areasOfNeed: JSON.parse(row.areasOfNeed) as AreaOfNeed[] }));
    },
    /** An entry a card of a session in this locality may link to, or undefined. */
    service: (id: string, localityId: string) => serviceOf.get(id, localityId) as ServiceLink | undefined,
  };
}
export type DirectoryRepo = ReturnType<typeof directoryRepo>;
