import { randomUUID } from 'node:crypto';
import {
  type AreaOfNeed,
  type CaseType,
  MINUTES_LIMITS,
  type MinutesBody,
  type MinutesSearch,
  type Reach,
  type ReviewOutcome,
} from '@consultboard/domain';
import type { Db } from './database.js';
import { type CursorShape, type PageRequest, pageOf, pageParams } from './paging.js';
import { isPostgres } from './postgres/syncPostgres.js';

/** Cursors: the session list (latest date first) and search results (the minutes kept most recently first). */
export const MINUTES_SESSIONS_CURSOR: CursorShape = ['string', 'number', 'string'];
export const MINUTES_SEARCH_CURSOR: CursorShape = ['number'];

/** Marks around the matched words in a snippet: private-use characters, taken out of the text indexed. */
export const HIT_START = '\uE000';
export const HIT_END = '\uE001';
const MARKS = /[\uE000\uE001]/g;

export interface MinutesRow {
  n: number;
  id: string;
  session_id: string;
  case_id: string;
  school_id: string;
  locality_id: string;
  session_date: string;
  reference: string;
  case_type: CaseType;
  areas: string;
  body: string;
  written_at: number;
}

export interface MinutesWrite {
  sessionId: string;
  caseId: string;
  schoolId: string;
  localityId: string;
  body: MinutesBody;
  /** The minutes as plain text, for the search index. */
  text: string;
  now: number;
}

export interface SessionWithMinutes {
  id: string;
  date: string;
  created_at: number;
  locality_name: string;
  facilitator_name: string;
}

export interface SearchRow {
  id: string;
  case_id: string;
  reference: string;
  case_type: CaseType;
  session_date: string;
  locality_name: string;
  n: number;
  snippet: string | null;
}

const REACH = `(@all = 1 OR m.school_id IN (SELECT value FROM json_each(@schoolIds))
  OR m.locality_id IN (SELECT value FROM json_each(@localityIds)))`;

// The case's plan and latest review as words, as the triggers of migration 8 write them.
const PLAN_WORDS = `(SELECT COALESCE(group_concat(json_extract(r.value, '$.action') || ' ' ||
  json_extract(r.value, '$.who') || ' ' || json_extract(r.value, '$.successLooksLike'), ' '), '')
  FROM action_plans p, json_each(p.rows) r WHERE p.case_id = @caseId)`;
const REVIEW_WORDS = `COALESCE((SELECT json_extract(v.review, '$.note') || ' ' || COALESCE(
  (SELECT group_concat(json_extract(a.value, '$.note'), ' ') FROM json_each(v.review, '$.actions') a), '')
  FROM reviews v WHERE v.case_id = @caseId ORDER BY v.id DESC LIMIT 1), '')`;

// CAST(@x AS TEXT) IS NULL: PostgreSQL types a parameter where it first appears, and `IS NULL` gives it none.
const FILTERS = `(CAST(@localityId AS TEXT) IS NULL OR m.locality_id = @localityId)
  AND (CAST(@from AS TEXT) IS NULL OR m.session_date >= @from)
  AND (CAST(@to AS TEXT) IS NULL OR m.session_date <= @to)
  AND (CAST(@caseType AS TEXT) IS NULL OR m.case_type = @caseType)
  AND (CAST(@area AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM json_each(m.areas) WHERE value = @area))
  AND (CAST(@outcome AS TEXT) IS NULL
    OR (SELECT outcome FROM reviews WHERE case_id = m.case_id ORDER BY id DESC LIMIT 1) = @outcome)
  AND (@requestedEp = 0 OR EXISTS (SELECT 1 FROM reviews WHERE case_id = m.case_id AND outcome = 'request-ep'))
  AND (@hasAfter = 0 OR m.n < @after0)`;

/**
 * The search entries and word search of each store, whose full-text search differs in meaning, not spelling.
 *
 * SQLite: an FTS5 table keyed by rowid, matched with MATCH, `snippet()` for the words in context.
 *
 * PostgreSQL (migration 8): `minutes_search` keyed by `n`, its generated `document` (English stems, as Porter's)
 * under a GIN index; its plan and review words are the triggers' own functions. The query is `ftsQuery`'s string
 * read by `websearch_to_tsquery`, which takes its quoted words as FTS5 does (each word, or each quoted run of words
 * as a phrase, must appear) and never fails on what a person types. The snippet is `ts_headline` over the three
 * columns with the same marks, at most 16 words, with '…' where it cuts the text, as FTS5's does. Where they
 * differ: PostgreSQL's English search drops stop words ("the", "and"), so a search of stop words alone finds
 * nothing; and FTS5 quotes its snippet from the one column that matched best.
 */
function searchStatements(db: Db) {
  if (!isPostgres(db)) {
    return {
      unindex: db.prepare('DELETE FROM minutes_search WHERE rowid = ?'),
      index: db.prepare(
        `INSERT INTO minutes_search (rowid, minutes, plan, review) VALUES (@n, @text, ${PLAN_WORDS}, ${REVIEW_WORDS})`,
      ),
      // Words: the page of matches first, walking the index from its newest row (so a page costs what it shows,
      // not what matched: no sort of every match), then the words in context of that page only.
      searchWords: db.prepare(
        `WITH hits AS (
           SELECT f.rowid AS n FROM minutes_search f JOIN minutes m ON m.n = f.rowid
           WHERE minutes_search MATCH @match AND ${REACH} AND ${FILTERS}
           ORDER BY f.rowid DESC LIMIT @limit)
         SELECT m.id, m.case_id, m.reference, m.case_type, m.session_date, m.n, COALESCE(l.name, '') AS locality_name,
           snippet(minutes_search, -1, '${HIT_START}', '${HIT_END}', '…', 16) AS snippet
         FROM minutes_search JOIN minutes m ON m.n = minutes_search.rowid LEFT JOIN localities l ON l.id = m.locality_id
         WHERE minutes_search MATCH @match AND minutes_search.rowid IN (SELECT n FROM hits)
         ORDER BY m.n DESC`,
      ),
    };
  }
  const query = `websearch_to_tsquery('english', @match)`;
  const options = `StartSel="${HIT_START}", StopSel="${HIT_END}", MaxWords=16, MinWords=8, MaxFragments=1`;
  return {
    unindex: db.prepare('DELETE FROM minutes_search WHERE n = ?'),
    index: db.prepare(
      `INSERT INTO minutes_search (n, minutes, plan, review) VALUES (@n, @text,
         minutes_plan_words((SELECT rows FROM action_plans WHERE case_id = @caseId)),
         COALESCE(minutes_review_words(
           (SELECT review FROM reviews WHERE case_id = @caseId ORDER BY id DESC LIMIT 1)), ''))`,
    ),
    // As SQLite's: the page of matches first (newest first, down the primary key), then the words in context.
    searchWords: db.prepare(
      `WITH hits AS (
         SELECT f.n FROM minutes_search f JOIN minutes m ON m.n = f.n
         WHERE f.document @@ ${query} AND ${REACH} AND ${FILTERS}
         ORDER BY f.n DESC LIMIT @limit
       ), quoted AS (
         SELECT hits.n, whole.text AS whole, ts_headline('english', whole.text, ${query}, '${options}') AS headline
         FROM hits JOIN minutes_search f ON f.n = hits.n,
           LATERAL (SELECT concat_ws(' ', f.minutes, NULLIF(f.plan, ''), NULLIF(f.review, '')) AS text) AS whole
       ), plain AS (
         SELECT quoted.*, translate(headline, '${HIT_START}${HIT_END}', '') AS words FROM quoted
       )
       SELECT m.id, m.case_id, m.reference, m.case_type, m.session_date, m.n, COALESCE(l.name, '') AS locality_name,
         CASE WHEN starts_with(plain.whole, plain.words) THEN '' ELSE '…' END || plain.headline
           || CASE WHEN right(plain.whole, length(plain.words)) = plain.words THEN '' ELSE '…' END AS snippet
       FROM plain JOIN minutes m ON m.n = plain.n LEFT JOIN localities l ON l.id = m.locality_id
       ORDER BY m.n DESC`,
    ),
  };
}

/**
 * The locality file's minutes and their search index (SQLite FTS5, PostgreSQL's full-text search: see
 * `searchStatements`). User text reaches the search only as quoted strings (`ftsQuery` in the domain), bound as a
 * parameter.
 */
export function minutesRepo(db: Db) {
  const existing = db.prepare('SELECT n, id FROM minutes WHERE session_id = ? AND case_id = ?');
  const insert = db.prepare(
    `INSERT INTO minutes (id, session_id, case_id, school_id, locality_id, session_date, reference, case_type, areas,
       written_at)
     VALUES (@id, @sessionId, @caseId, @schoolId, @localityId, @sessionDate, @reference, @caseType, @areas, @now)`,
  );
  const update = db.prepare(
    `UPDATE minutes SET school_id = @schoolId, locality_id = @localityId, session_date = @sessionDate,
       reference = @reference, case_type = @caseType, areas = @areas, written_at = @now WHERE n = @n`,
  );
  const storeBody = db.prepare(
    'INSERT INTO minutes_bodies (n, body) VALUES (?, ?) ON CONFLICT (n) DO UPDATE SET body = excluded.body',
  );
  const { unindex, index, searchWords } = searchStatements(db);
  const byId = db.prepare('SELECT m.*, b.body FROM minutes m JOIN minutes_bodies b ON b.n = m.n WHERE m.id = ?');
  const sessions = db.prepare(
    `SELECT s.id, s.date, s.created_at, COALESCE(l.name, '') AS locality_name, u.name AS facilitator_name
     FROM consult_sessions s JOIN users u ON u.id = s.facilitator_id LEFT JOIN localities l ON l.id = s.locality_id
     WHERE EXISTS (SELECT 1 FROM minutes m WHERE m.session_id = s.id AND ${REACH})
       AND (@hasAfter = 0 OR (s.date, s.created_at, s.id) < (@after0, @after1, @after2))
     ORDER BY s.date DESC, s.created_at DESC, s.id DESC LIMIT @limit`,
  );
  const ofSessions = db.prepare(
    `SELECT m.id, m.session_id, m.case_id, m.reference, m.case_type, m.areas FROM minutes m
     WHERE m.session_id IN (SELECT value FROM json_each(@sessionIds)) AND ${REACH}`,
  );
  const positions = db.prepare(
    'SELECT id, position FROM session_cases WHERE session_id IN (SELECT value FROM json_each(?))',
  );
  const searchFilters = db.prepare(
    `SELECT m.id, m.case_id, m.reference, m.case_type, m.session_date, m.n, COALESCE(l.name, '') AS locality_name,
       NULL AS snippet
     FROM minutes m LEFT JOIN localities l ON l.id = m.locality_id
     WHERE ${REACH} AND ${FILTERS} ORDER BY m.n DESC LIMIT @limit`,
  );
  const purge = db.prepare('DELETE FROM minutes WHERE session_date < ? RETURNING case_id');
  const retention = db.prepare('SELECT years, updated_at FROM minutes_retention WHERE id = 1');
  const setRetention = db.prepare(
    `INSERT INTO minutes_retention (id, years, updated_by, updated_at) VALUES (1, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET years = excluded.years, updated_by = excluded.updated_by,
       updated_at = excluded.updated_at`,
  );

  /** Writes a case's minutes for a session with their search entry; a second write replaces the first. */
  const write = db.transaction((minutes: MinutesWrite): string => {
    const { body } = minutes;
    const params = {
      sessionId: minutes.sessionId,
      caseId: minutes.caseId,
      schoolId: minutes.schoolId,
      localityId: minutes.localityId,
      sessionDate: body.sessionDate,
      reference: body.reference,
      caseType: body.caseType,
      areas: JSON.stringify(body.areasOfNeed),
      now: minutes.now,
    };
    const was = existing.get(minutes.sessionId, minutes.caseId) as { n: number; id: string } | undefined;
    let n: number;
    let id: string;
    if (was) {
      ({ n, id } = was);
      update.run({ ...params, n });
      unindex.run(n);
    } else {
      id = randomUUID();
      n = Number(insert.run({ ...params, id }).lastInsertRowid);
    }
    storeBody.run(n, JSON.stringify(body));
    index.run({ n, caseId: minutes.caseId, text: minutes.text.replace(MARKS, ' ') });
    return id;
  });

  return {
    write,
    byId: (id: string) => byId.get(id) as MinutesRow | undefined,
    /** A page of the sessions holding minutes the reach covers, latest first, each with those minutes in order. */
    sessionsPage: (reach: Reach, request: PageRequest) => {
      const page = pageOf(
        sessions.all(pageParams(reach, request, MINUTES_SESSIONS_CURSOR)) as SessionWithMinutes[],
        request.limit,
        (row) => [row.date, row.created_at, row.id],
      );
      const sessionIds = JSON.stringify(page.items.map((row) => row.id));
      const reachParams = pageParams(reach, { limit: 0, after: null }, MINUTES_SESSIONS_CURSOR);
      const listed = ofSessions.all({ ...reachParams, sessionIds }) as {
        id: string;
        session_id: string;
        case_id: string;
        reference: string;
        case_type: CaseType;
        areas: string;
      }[];
      const order = new Map(
        (positions.all(sessionIds) as { id: string; position: number }[]).map((row) => [row.id, row.position]),
      );
      listed.sort((a, b) => (order.get(a.case_id) ?? 99) - (order.get(b.case_id) ?? 99));
      return {
        next: page.next,
        items: page.items.map((session) => ({
          session,
          cases: listed
            .filter((row) => row.session_id === session.id)
            .map((row) => ({
              id: row.id,
              caseId: row.case_id,
              reference: row.reference,
              caseType: row.case_type,
              areasOfNeed: JSON.parse(row.areas) as AreaOfNeed[],
            })),
        })),
      };
    },
    /**
     * Searches the minutes (with the case's plan and latest review) a reach covers: `match` is an FTS5 query made
     * by `ftsQuery` (quoted strings only), or '' for filters alone. The minutes kept most recently come first.
     */
    search: (
      reach: Reach,
      match: string,
      filters: Omit<MinutesSearch, 'q' | 'limit' | 'cursor'>,
      request: PageRequest,
    ) => {
      const params = {
        ...pageParams(reach, request, MINUTES_SEARCH_CURSOR),
        match,
        localityId: filters.localityId ?? null,
        from: filters.from ?? null,
        to: filters.to ?? null,
        caseType: filters.caseType ?? null,
        area: filters.area ?? null,
        outcome: (filters.outcome ?? null) as ReviewOutcome | null,
        requestedEp: filters.requestedEp ? 1 : 0,
      };
      const rows = (match === '' ? searchFilters : searchWords).all(params) as SearchRow[];
      return pageOf(rows, request.limit, (row) => [row.n]);
    },
    /** Deletes every minutes of a session before this day (YYYY-MM-DD), search entries with them (a trigger). */
    purgeBefore: (date: string) => (purge.all(date) as { case_id: string }[]).map((row) => row.case_id),
    retentionYears: () => {
      const row = retention.get() as { years: number; updated_at: number } | undefined;
      return { years: row?.years ?? MINUTES_LIMITS.retentionYears.default, updatedAt: row?.updated_at ?? null };
    },
    setRetentionYears: (years: number, userId: string, now: number) => setRetention.run(years, userId, now),
  };
}
export type MinutesRepo = ReturnType<typeof minutesRepo>;
