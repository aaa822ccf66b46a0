import { halfTermOf, WAIT_BANDS } from '@consultboard/domain';
import { countOf } from './bank.js';
import type { Db } from './database.js';

/** Where and when the themes look: localities (null: every locality) and an inclusive range of YYYY-MM-DD dates. */
export interface ThemesScope {
  localityIds: readonly string[] | null;
  from: string;
  to: string;
}

/** A count of one cell of a theme's table. */
export interface ThemeCount {
  /** As `halfTermOf` gives it: 20261 is Autumn 1 2026-27. */
  halfTerm: number;
  key: string;
  count: number;
}

const DAY_MS = 86_400_000;

/**
 * The half term of a YYYY-MM-DD column, in SQL: exactly the domain's `halfTermOf` (the school year's first calendar
 * year × 10 plus the half term, 1 to 6, by the strategy bank's fixed boundaries). themes.test.ts holds them equal.
 */
function halfTermSql(date: string): string {
  const year = `CAST(substr(${date}, 1, 4) AS INTEGER)`;
  const monthDay = `CAST(substr(${date}, 6, 2) || substr(${date}, 9, 2) AS INTEGER)`;
  return `(CASE WHEN ${monthDay} >= 901 THEN ${year} * 10 + (CASE WHEN ${monthDay} <= 1031 THEN 1 ELSE 2 END)
    ELSE (${year} - 1) * 10 + (CASE WHEN ${monthDay} <= 221 THEN 3 WHEN ${monthDay} <= 414 THEN 4
      WHEN ${monthDay} <= 531 THEN 5 ELSE 6 END) END)`;
}

/**
 * The scope's localities as a condition on a column: an IN list (which SQLite looks up down the column's index,
 * where a join on json_each would be planned as a scan of every row), or always true for every locality (TRUE:
 * PostgreSQL takes no number for a condition).
 */
const LOCALITIES = (all: boolean, column: string) =>
  all ? 'TRUE' : `${column} IN (SELECT value FROM json_each(@localityIds))`;

/**
 * A case counts once it has been consulted on: it is on the agenda (session_cases sc) of a session (cs) that has
 * started, dated in the range, in the scope's localities (the session's locality, which is the school's: a SENCO
 * submits to their own).
 */
const CONSULTED_WHERE = (all: boolean) =>
  `${LOCALITIES(all, 'cs.locality_id')} AND cs.started_at IS NOT NULL AND cs.date BETWEEN @from AND @to`;
const consulted = (all: boolean) => `
  SELECT c.id, c.type, c.preparation, cs.date
  FROM consult_sessions cs
  JOIN session_cases sc ON sc.session_id = cs.id
  JOIN cases c ON c.id = sc.id
  WHERE ${CONSULTED_WHERE(all)}`;

/** Each case's latest review (one index look-up a case), dated in the range, of a school in the scope. */
const latestReviews = (all: boolean) => `
  SELECT r.case_id, r.outcome, r.reviewed_at, date(r.reviewed_at / 1000, 'unixepoch') AS date
  FROM schools s
  JOIN cases c ON c.school_id = s.id
  JOIN reviews r ON r.id = (SELECT MAX(latest.id) FROM reviews latest WHERE latest.case_id = c.id)
  WHERE ${LOCALITIES(all, 's.locality_id')} AND r.reviewed_at BETWEEN @fromMs AND @toMs`;

/**
 * Requests for EP involvement made in the range and still waiting, with the days waited: a request waits until the
 * case is on the agenda of a session started after it (the EP has taken it up) or is reviewed again (a later
 * review is the latest, so the request is no longer one). Whole days, on both stores: better-sqlite3 binds @now as a
 * real number, so SQLite alone would divide to a fraction of a day.
 */
const waiting = (all: boolean) => `
  SELECT CAST((@now - latest.reviewed_at) / ${DAY_MS} AS INTEGER) AS days
  FROM (${latestReviews(all)}) latest
  WHERE latest.outcome = 'request-ep' AND NOT EXISTS (
    SELECT 1 FROM session_cases sc JOIN consult_sessions cs ON cs.id = sc.session_id
    WHERE sc.id = latest.case_id AND cs.started_at > latest.reviewed_at)`;

/** The waiting requests in one pass: how many, the longest and the (lower) median wait, and a count per band. */
const waitingSummary = (all: boolean) => `
  WITH ordered AS (
    SELECT days, ROW_NUMBER() OVER (ORDER BY days) AS position, COUNT(*) OVER () AS open
    FROM (${waiting(all)}) AS waiting)
  SELECT COUNT(*) AS open, MAX(days) AS longest, MAX(CASE WHEN position = (open + 1) / 2 THEN days END) AS median,
    ${WAIT_BANDS.map(
      (band, index) =>
        `${countOf(`days >= ${band.fromDays}${index + 1 < WAIT_BANDS.length ? ` AND days < ${WAIT_BANDS[index + 1]?.fromDays}` : ''}`)} AS band${index}`,
    ).join(', ')}
  FROM ordered`;

// Grouped by position: json_each has columns of its own (key, value) that a GROUP BY by alias would mean instead.
// Ordered by every column grouped, so both stores list the cells in one order. A join on json_each says ON TRUE:
// PostgreSQL wants a condition on every join, SQLite takes one.
const statements = (db: Db, all: boolean) => ({
  byArea: db.prepare(
    `WITH consulted AS (${consulted(all)})
     SELECT ${halfTermSql('consulted.date')} AS halfTerm, COALESCE(area.value, 'none') AS key, COUNT(*) AS count
     FROM consulted LEFT JOIN json_each(consulted.preparation, '$.areasOfNeed') area ON TRUE
     GROUP BY 1, 2 ORDER BY 1, 2`,
  ),
  byType: db.prepare(
    `WITH consulted AS (${consulted(all)})
     SELECT ${halfTermSql('consulted.date')} AS halfTerm, consulted.type AS key, COUNT(*) AS count
     FROM consulted GROUP BY 1, 2 ORDER BY 1, 2`,
  ),
  outcomes: db.prepare(
    `WITH latest AS (${latestReviews(all)})
     SELECT ${halfTermSql('latest.date')} AS halfTerm, latest.outcome AS key, COUNT(*) AS count
     FROM latest GROUP BY 1, 2 ORDER BY 1, 2`,
  ),
  waiting: db.prepare(waitingSummary(all)),
  // The strategy bank's entries of the scope, by the half terms of their uses (the bank keeps no finer date): one
  // row per strategy or resource however many localities chose it, with its outcomes at review.
  helpful: db.prepare(
    `SELECT e.kind || ':' || e.norm AS key, MIN(e.text) AS label, COUNT(DISTINCT u.id) AS chosen,
       ${countOf("o.impact = 'achieved'")} AS achieved, ${countOf("o.impact = 'partly'")} AS partly,
       ${countOf("o.impact = 'not-yet'")} AS notYet
     FROM bank_uses u JOIN bank_entries e ON e.id = u.entry_id LEFT JOIN bank_outcomes o ON o.use_id = u.id
     WHERE ${LOCALITIES(all, 'e.locality_id')} AND u.half_term BETWEEN @fromHalfTerm AND @toHalfTerm
     GROUP BY e.kind, e.norm ORDER BY chosen DESC, achieved DESC, label LIMIT @limit`,
  ),
  // The directory's services the plans of consulted cases link to (issue 13 item 2), by how many cases: from
  // plan_services (migration 11, kept in step with each plan by triggers), never by parsing the plans' JSON. A
  // service since deleted from the directory is not counted.
  // Counted by service first, then named: the directory is read once a service, not once a link. The agenda's
  // ids are the consulted cases' without reading the cases: a link is a plan's, and a plan is a case's (the keys).
  signposted: db.prepare(
    `WITH used AS (
       SELECT ps.entry_id, COUNT(DISTINCT sc.id) AS cases
       FROM consult_sessions cs JOIN session_cases sc ON sc.session_id = cs.id
       JOIN plan_services ps ON ps.case_id = sc.id
       WHERE ${CONSULTED_WHERE(all)} GROUP BY ps.entry_id)
     SELECT d.id AS key, d.name AS label, used.cases
     FROM used JOIN directory_entries d ON d.id = used.entry_id
     ORDER BY used.cases DESC, label LIMIT @limit`,
  ),
  localities: db.prepare(
    `SELECT l.id, l.name FROM localities l WHERE ${LOCALITIES(all, 'l.id')} ORDER BY l.name COLLATE NOCASE, l.id`,
  ),
});

/**
 * The themes' counts, each computed in SQL (grouped in the database, never by loading the rows): cases by area of
 * need and by type, review outcomes, and the requests for EP involvement still waiting. Each statement comes in two
 * forms, for some localities and for every one, so each can use its indexes.
 */
export function themesRepo(db: Db) {
  const some = statements(db, false);
  const every = statements(db, true);
  const pick = (localityIds: readonly string[] | null) => (localityIds === null ? every : some);

  const params = (scope: ThemesScope, now = Date.now()) => ({
    localityIds: JSON.stringify(scope.localityIds ?? []),
    from: scope.from,
    to: scope.to,
    fromHalfTerm: halfTermOf(scope.from) ?? 0,
    toHalfTerm: halfTermOf(scope.to) ?? 0,
    fromMs: Date.parse(`${scope.from}T00:00:00Z`),
    toMs: Date.parse(`${scope.to}T00:00:00Z`) + DAY_MS - 1,
    now,
  });
  // A statement for every locality takes no list of them.
  const bound = (scope: ThemesScope, now?: number) => {
    const { localityIds, ...rest } = params(scope, now);
    return scope.localityIds === null ? rest : { localityIds, ...rest };
  };

  return {
    /** The localities a scope covers, by name (what the page offers to choose between). */
    localities: (localityIds: readonly string[] | null) =>
      pick(localityIds).localities.all(localityIds === null ? {} : { localityIds: JSON.stringify(localityIds) }) as {
        id: string;
        name: string;
      }[],
    /** Cases consulted on, by half term and area of need ('none' for a case with no area recorded). */
    casesByArea: (scope: ThemesScope) => pick(scope.localityIds).byArea.all(bound(scope)) as ThemeCount[],
    /** Cases consulted on, by half term and case type. */
    casesByType: (scope: ThemesScope) => pick(scope.localityIds).byType.all(bound(scope)) as ThemeCount[],
    /** Each case's latest review dated in the range, by the half term of the review and its outcome. */
    reviewOutcomes: (scope: ThemesScope) => pick(scope.localityIds).outcomes.all(bound(scope)) as ThemeCount[],
    /** The strategies and resources found most helpful in the range, with how they worked out at review. */
    helpfulStrategies: (scope: ThemesScope, limit: number) =>
      pick(scope.localityIds).helpful.all({ ...bound(scope), limit }) as {
        key: string;
        label: string;
        chosen: number;
        achieved: number;
        partly: number;
        notYet: number;
      }[],
    /** The directory's services most signposted: linked from the plans of the cases consulted on in the range. */
    directoryUsed: (scope: ThemesScope, limit: number) =>
      pick(scope.localityIds).signposted.all({ ...bound(scope), limit }) as {
        key: string;
        label: string;
        cases: number;
      }[],
    /** Requests for EP involvement (made in the range) still waiting now: by band of days waited, and in sum. */
    requestsWaiting: (scope: ThemesScope, now: number) => {
      const row = pick(scope.localityIds).waiting.get(bound(scope, now)) as Record<string, number | null>;
      return {
        bands: WAIT_BANDS.map((band, index) => ({ key: band.key, count: row[`band${index}`] ?? 0 })),
        open: row.open ?? 0,
        longestDays: row.longest ?? null,
        medianDays: row.median ?? null,
      };
    },
  };
}
export type ThemesRepo = ReturnType<typeof themesRepo>;
