import {
  AREAS_OF_NEED,
  type AreaOfNeed,
  type BankEntryView,
  type BankKind,
  CASE_TYPES,
  type CaseType,
  halfTermLabel,
  type Reach,
} from '@consultboard/domain';
import type { Db } from './database.js';
import { type CursorShape, type PageRequest, pageOf, pageParams } from './paging.js';

/** A cursor of the bank page: the last entry's times chosen and id (most chosen first). */
export const BANK_CURSOR: CursorShape = ['number', 'string'];
/** A cursor of Ideas from the bank: the last idea's review score, times chosen and id (best reviewed first). */
export const IDEAS_CURSOR: CursorShape = ['number', 'number', 'string'];

/** One helpful card of a case, as the bank keeps it when the meeting leaves the case. */
export interface BankUse {
  /** The id a new entry gets (ignored when the locality's bank has the entry already). */
  newEntryId: string;
  kind: BankKind;
  text: string;
  norm: string;
  cardId: string;
}

/** What every use of one case in one session shares. */
export interface BankCase {
  sessionId: string;
  caseId: string;
  localityId: string;
  caseType: CaseType;
  areasOfNeed: readonly AreaOfNeed[];
  halfTerm: number;
}

interface EntryRow {
  id: string;
  kind: BankKind;
  text: string;
  areas: string;
  case_types: string;
  chosen: number;
  achieved: number;
  partly: number;
  not_yet: number;
  score: number;
  last_half_term: number;
}

/** How many rows meet a condition, in SQL both stores read alike (PostgreSQL does not sum a comparison). */
export const countOf = (condition: string) => `COALESCE(SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;

/**
 * The counts of each entry over the uses a query keeps (`kept`: a filter on `u`, the use, and `e`, its entry): times
 * chosen, and the outcomes of the plan rows that came from those uses at their latest review. The score ranks ideas:
 * an action achieved counts two, partly achieved one.
 */
const entriesOver = (kept: string) => `
  WITH uses AS (
    SELECT u.id, u.entry_id, u.half_term FROM bank_uses u JOIN bank_entries e ON e.id = u.entry_id WHERE ${kept}
  ), stats AS (
    SELECT uses.entry_id, COUNT(DISTINCT uses.id) AS chosen, MAX(uses.half_term) AS last_half_term,
      ${countOf("o.impact = 'achieved'")} AS achieved, ${countOf("o.impact = 'partly'")} AS partly,
      ${countOf("o.impact = 'not-yet'")} AS not_yet
    FROM uses LEFT JOIN bank_outcomes o ON o.use_id = uses.id GROUP BY uses.entry_id
  ), ranked AS (SELECT *, achieved * 2 + partly AS score FROM stats)
  SELECT e.id, e.kind, e.text, r.chosen, r.achieved, r.partly, r.not_yet, r.score, r.last_half_term,
    (SELECT json_group_array(DISTINCT a.area) FROM bank_uses u2 JOIN bank_use_areas a ON a.use_id = u2.id
      WHERE u2.entry_id = e.id) AS areas,
    (SELECT json_group_array(DISTINCT u3.case_type) FROM bank_uses u3 WHERE u3.entry_id = e.id) AS case_types
  FROM ranked r JOIN bank_entries e ON e.id = r.entry_id`;

const inOrder = <T extends string>(all: readonly T[], json: string): T[] => {
  const present = new Set(JSON.parse(json) as string[]);
  return all.filter((item) => present.has(item));
};

function toEntryView(row: EntryRow): BankEntryView {
  return {
    id: row.id,
    kind: row.kind,
    text: row.text,
    areasOfNeed: inOrder(AREAS_OF_NEED, row.areas),
    caseTypes: inOrder(CASE_TYPES, row.case_types),
    chosen: row.chosen,
    achieved: row.achieved,
    partly: row.partly,
    notYet: row.not_yet,
    lastChosen: halfTermLabel(row.last_half_term),
  };
}

/**
 * The strategy bank (issue 12): what the presenting SENCOs found helpful, per locality, and how it worked out.
 * Every count is made here, in SQL; a search is bound as parameters (words as a JSON array, matched with instr),
 * so no user text ever becomes SQL.
 */
export function bankRepo(db: Db) {
  const dropUses = db.prepare('DELETE FROM bank_uses WHERE session_id = ? AND case_id = ?');
  const insertEntry = db.prepare(
    `INSERT INTO bank_entries (id, locality_id, kind, text, norm, created_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (locality_id, kind, norm) DO NOTHING`,
  );
  const entryId = db.prepare('SELECT id FROM bank_entries WHERE locality_id = ? AND kind = ? AND norm = ?').pluck();
  const insertUse = db.prepare(
    `INSERT INTO bank_uses (entry_id, session_id, case_id, card_id, case_type, half_term, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertArea = db.prepare('INSERT OR IGNORE INTO bank_use_areas (use_id, area) VALUES (?, ?)');
  const dropOutcomes = db.prepare(
    'DELETE FROM bank_outcomes WHERE use_id IN (SELECT id FROM bank_uses WHERE case_id = ?)',
  );
  // The latest review of each row gives its impact (a review names a row at most once: the route refuses
  // duplicates). Picked by ROW_NUMBER rather than written in order with INSERT OR REPLACE, which PostgreSQL has not.
  const insertOutcomes = db.prepare(
    `INSERT INTO bank_outcomes (use_id, row_id, impact)
     SELECT use_id, row_id, impact FROM (
       SELECT u.id AS use_id, json_extract(a.value, '$.rowId') AS row_id, json_extract(a.value, '$.impact') AS impact,
         ROW_NUMBER() OVER (PARTITION BY u.id, json_extract(a.value, '$.rowId') ORDER BY r.id DESC) AS latest
       FROM reviews r, json_each(r.review, '$.actions') a, action_plans p, json_each(p.rows) pr, bank_uses u
       WHERE r.case_id = @caseId AND p.case_id = r.case_id
         AND json_extract(pr.value, '$.id') = json_extract(a.value, '$.rowId')
         AND u.case_id = r.case_id AND u.card_id = json_extract(pr.value, '$.fromCardId')) AS reviewed
     WHERE latest = 1`,
  );
  const anonymise = db.prepare(
    'UPDATE bank_uses SET case_id = NULL, session_id = NULL, card_id = NULL WHERE case_id = ?',
  );
  // CAST(@x AS TEXT) IS NULL: PostgreSQL types a parameter where it first appears, and `IS NULL` gives it none.
  const page = db.prepare(
    `${entriesOver(`(@all = 1 OR e.locality_id IN (SELECT value FROM json_each(@localityIds)))
        AND (CAST(@area AS TEXT) IS NULL
          OR EXISTS (SELECT 1 FROM bank_use_areas a WHERE a.use_id = u.id AND a.area = @area))
        AND (CAST(@caseType AS TEXT) IS NULL OR u.case_type = @caseType)
        AND NOT EXISTS (SELECT 1 FROM json_each(@words) w WHERE instr(e.norm, w.value) = 0)`)}
     WHERE (@hasAfter = 0 OR (r.chosen, e.id) < (@after0, @after1))
     ORDER BY r.chosen DESC, e.id DESC LIMIT @limit`,
  );
  const ideas = db.prepare(
    `${entriesOver(`e.locality_id = @localityId
        AND EXISTS (SELECT 1 FROM bank_use_areas a WHERE a.use_id = u.id
                    AND a.area IN (SELECT value FROM json_each(@areas)))`)}
     WHERE (@hasAfter = 0 OR (r.score, r.chosen, e.id) < (@after0, @after1, @after2))
     ORDER BY r.score DESC, r.chosen DESC, e.id DESC LIMIT @limit`,
  );

  /** Sets each use's outcomes from the latest review of each plan row drafted from its card. */
  function refreshOutcomes(caseId: string): void {
    dropOutcomes.run(caseId);
    insertOutcomes.run({ caseId });
  }

  return {
    /**
     * Keeps a case's helpful cards as uses, replacing whatever this session kept for the case before (the case was
     * left, reopened with Previous case and left again): never doubled. Run inside the caller's transaction.
     */
    replaceUses(place: BankCase, uses: readonly BankUse[], now: number): void {
      dropUses.run(place.sessionId, place.caseId);
      for (const use of uses) {
        insertEntry.run(use.newEntryId, place.localityId, use.kind, use.text, use.norm, now);
        const id = entryId.get(place.localityId, use.kind, use.norm) as string;
        const useId = insertUse.run(
          id,
          place.sessionId,
          place.caseId,
          use.cardId,
          place.caseType,
          place.halfTerm,
          now,
        ).lastInsertRowid;
        for (const area of place.areasOfNeed) insertArea.run(useId, area);
      }
      refreshOutcomes(place.caseId);
    },
    refreshOutcomes,
    /** Forgets which case (and session and card) a case's uses came from: only anonymous counts stay. */
    anonymiseCase: (caseId: string) => anonymise.run(caseId).changes,
    /** A page of the bank a reach covers: words (each must appear), an area of need and a case type narrow it. */
    page(
      reach: Reach,
      filter: { words: readonly string[]; area?: AreaOfNeed; caseType?: CaseType },
      request: PageRequest,
    ) {
      const rows = page.all({
        ...pageParams(reach, request, BANK_CURSOR),
        words: JSON.stringify(filter.words),
        area: filter.area ?? null,
        caseType: filter.caseType ?? null,
      }) as EntryRow[];
      return pageOf(rows, request.limit, (row) => [row.chosen, row.id]);
    },
    /** Ideas for a case: entries of its locality that helped cases sharing an area of need, best reviewed first. */
    ideas(localityId: string, areas: readonly AreaOfNeed[], request: PageRequest) {
      const rows = ideas.all({
        ...pageParams({ all: false, localityIds: [], schoolIds: [] }, request, IDEAS_CURSOR),
        localityId,
        areas: JSON.stringify(areas),
      }) as EntryRow[];
      return pageOf(rows, request.limit, (row) => [row.score, row.chosen, row.id]);
    },
    toEntryView,
  };
}
export type BankRepo = ReturnType<typeof bankRepo>;
