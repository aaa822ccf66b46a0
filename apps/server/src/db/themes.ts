import { WAIT_BANDS } from '@consultboard/domain';
import type { Db } from './database.js';

/** Where and when the themes look: localities (null: every locality) and an inclusive range of YYYY-MM-DD dates. */
export interface ThemesScope {
  localityIds: readonly string[] | null;
  from: string;
  to: string;
}

/** A count of one cell of a theme's table. */
export interface ThemeCount {
  halfTerm: string;
  key: string;
  count: number;
}

const DAY_MS = 86_400_000;

/**
 * The half-term key of a YYYY-MM-DD column, in SQL: exactly `halfTermKey` of the domain ("2026-1": the school
 * year that starts in September 2026, its first half term; half terms by month). themes.test.ts holds them equal.
 */
function halfTermSql(date: string): string {
  const month = `CAST(substr(${date}, 6, 2) AS INTEGER)`;
  return `((CAST(substr(${date}, 1, 4) AS INTEGER) - (${month} < 9)) || '-' ||
    CASE ${month} WHEN 1 THEN 3 WHEN 2 THEN 3 WHEN 3 THEN 4 WHEN 4 THEN 5 WHEN 5 THEN 5
      WHEN 9 THEN 1 WHEN 10 THEN 1 WHEN 11 THEN 2 WHEN 12 THEN 2 ELSE 6 END)`;
}

/** @all = 1 for every locality, else the locality ids as a JSON array in @localityIds. */
const IN_SCOPE = (column: string) => `(@all = 1 OR ${column} IN (SELECT value FROM json_each(@localityIds)))`;

/**
 * A case counts once it has been consulted on: it is on the agenda of a session that has started, dated in the
 * range, in the scope's localities (the session's locality, which is the school's: a SENCO submits to their own).
 */
const CONSULTED = `
  SELECT c.id, c.type, c.preparation, cs.date
  FROM consult_sessions cs
  JOIN session_cases sc ON sc.session_id = cs.id
  JOIN cases c ON c.id = sc.id
  WHERE cs.started_at IS NOT NULL AND cs.date BETWEEN @from AND @to AND ${IN_SCOPE('cs.locality_id')}`;

/** A case's latest review, dated in the range, of a school in the scope's localities. */
const LATEST_REVIEWS = `
  SELECT r.case_id, r.outcome, r.reviewed_at, date(r.reviewed_at / 1000, 'unixepoch') AS date
  FROM reviews r
  JOIN cases c ON c.id = r.case_id
  JOIN schools s ON s.id = c.school_id
  WHERE r.reviewed_at BETWEEN @fromMs AND @toMs AND ${IN_SCOPE('s.locality_id')}
    AND r.id = (SELECT MAX(latest.id) FROM reviews latest WHERE latest.case_id = r.case_id)`;

// Grouped by position: json_each has columns of its own (key, value) that a GROUP BY by alias would mean instead.

/**
 * The themes' counts, each computed in SQL (grouped in the database, never by loading the rows): cases by area of
 * need and by type, review outcomes, and the requests for EP involvement still waiting.
 */
export function themesRepo(db: Db) {
  const byArea = db.prepare(
    `WITH consulted AS (${CONSULTED})
     SELECT ${halfTermSql('consulted.date')} AS halfTerm, COALESCE(area.value, 'none') AS key, COUNT(*) AS count
     FROM consulted LEFT JOIN json_each(consulted.preparation, '$.areasOfNeed') area
     GROUP BY 1, 2 ORDER BY 1`,
  );
  const byType = db.prepare(
    `WITH consulted AS (${CONSULTED})
     SELECT ${halfTermSql('consulted.date')} AS halfTerm, consulted.type AS key, COUNT(*) AS count
     FROM consulted GROUP BY 1, 2 ORDER BY 1`,
  );
  const outcomes = db.prepare(
    `WITH latest AS (${LATEST_REVIEWS})
     SELECT ${halfTermSql('latest.date')} AS halfTerm, latest.outcome AS key, COUNT(*) AS count
     FROM latest GROUP BY 1, 2 ORDER BY 1`,
  );
  // A request waits until the case is on the agenda of a session started after it (the EP has taken it up) or is
  // reviewed again (a later review is the latest, so the request is no longer in LATEST_REVIEWS).
  const WAITING = `
    SELECT (@now - latest.reviewed_at) / ${DAY_MS} AS days
    FROM (${LATEST_REVIEWS}) latest
    WHERE latest.outcome = 'request-ep' AND NOT EXISTS (
      SELECT 1 FROM session_cases sc JOIN consult_sessions cs ON cs.id = sc.session_id
      WHERE sc.id = latest.case_id AND cs.started_at > latest.reviewed_at)`;
  const bandCase = `CASE ${[...WAIT_BANDS]
    .reverse()
    .map((band) => `WHEN days >= ${band.fromDays} THEN '${band.key}'`)
    .join(' ')} END`;
  const waitingBands = db.prepare(`SELECT ${bandCase} AS key, COUNT(*) AS count FROM (${WAITING}) GROUP BY 1`);
  const waitingSummary = db.prepare(`SELECT COUNT(*) AS open, MAX(days) AS longest FROM (${WAITING})`);
  const waitingAt = db.prepare(`SELECT days FROM (${WAITING}) ORDER BY days LIMIT 1 OFFSET @offset`);

  const localities = db.prepare(
    `SELECT id, name FROM localities WHERE ${IN_SCOPE('id')} ORDER BY name COLLATE NOCASE, id`,
  );

  const params = (scope: ThemesScope, now = Date.now()) => ({
    all: scope.localityIds === null ? 1 : 0,
    localityIds: JSON.stringify(scope.localityIds ?? []),
    from: scope.from,
    to: scope.to,
    fromMs: Date.parse(`${scope.from}T00:00:00Z`),
    toMs: Date.parse(`${scope.to}T00:00:00Z`) + DAY_MS - 1,
    now,
  });

  return {
    /** The localities a scope covers, by name (what the page offers to choose between). */
    localities: (localityIds: readonly string[] | null) =>
      localities.all({ all: localityIds === null ? 1 : 0, localityIds: JSON.stringify(localityIds ?? []) }) as {
        id: string;
        name: string;
      }[],
    /** Cases consulted on, by half term and area of need ('none' for a case with no area recorded). */
    casesByArea: (scope: ThemesScope) => byArea.all(params(scope)) as ThemeCount[],
    /** Cases consulted on, by half term and case type. */
    casesByType: (scope: ThemesScope) => byType.all(params(scope)) as ThemeCount[],
    /** Each case's latest review dated in the range, by the half term of the review and its outcome. */
    reviewOutcomes: (scope: ThemesScope) => outcomes.all(params(scope)) as ThemeCount[],
    /** Requests for EP involvement (made in the range) still waiting now: by band of days waited, and in sum. */
    requestsWaiting: (scope: ThemesScope, now: number) => {
      const bound = params(scope, now);
      const summary = waitingSummary.get(bound) as { open: number; longest: number | null };
      const median =
        summary.open === 0
          ? null
          : (waitingAt.get({ ...bound, offset: Math.floor((summary.open - 1) / 2) }) as { days: number }).days;
      return {
        bands: waitingBands.all(bound) as { key: string; count: number }[],
        open: summary.open,
        longestDays: summary.longest,
        medianDays: median,
      };
    },
  };
}
export type ThemesRepo = ReturnType<typeof themesRepo>;
