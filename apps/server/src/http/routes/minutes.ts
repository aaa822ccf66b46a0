import {
  allowed,
  ftsQuery,
  type MinutesBody,
  type MinutesSearchResult,
  type MinutesSession,
  type MinutesView,
  minutesSearchSchema,
  reach,
  reachesAnything,
  retentionRequestSchema,
  type SnippetPart,
} from '@consultboard/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import {
  HIT_END,
  HIT_START,
  MINUTES_SEARCH_CURSOR,
  MINUTES_SESSIONS_CURSOR,
  type MinutesRow,
} from '../../db/minutes.js';
import { decodeCursor } from '../../db/paging.js';
import { requireActor } from '../access.js';
import { buildExport } from '../buildExport.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { pageRequest } from '../paging.js';
import { parseBody } from '../validate.js';

const FILES = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { type: 'application/pdf' },
} as const;

/** A snippet from FTS5, its hits marked by HIT_START / HIT_END, as parts the page shows (never as HTML). */
export function snippetParts(snippet: string | null): SnippetPart[] {
  if (!snippet) return [];
  const parts: SnippetPart[] = [];
  // The minutes are indexed a line a thing (a heading, a card, a plan row): on one line of a result, a " · " tells
  // where one ended ("…with a key adult · A quiet space…"), where a browser would run them together.
  const lines = snippet.replace(/[ \t]*\n\s*/g, ' · ');
  for (const [index, piece] of lines.split(HIT_START).entries()) {
    if (index === 0) {
      if (piece) parts.push({ text: piece, hit: false });
      continue;
    }
    const end = piece.indexOf(HIT_END);
    const hit = end < 0 ? piece : piece.slice(0, end);
    const rest = end < 0 ? '' : piece.slice(end + HIT_END.length);
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest, hit: false });
  }
  return parts;
}

function toView(row: MinutesRow): MinutesView {
  return {
    id: row.id,
    sessionId: row.session_id,
    caseId: row.case_id,
    localityId: row.locality_id,
    writtenAt: row.written_at,
    minutes: JSON.parse(row.body) as MinutesBody,
  };
}

/**
 * The locality file (issue 12): the sessions with their cases' minutes, one case's minutes (page, Word, PDF; every
 * read in the audit log), the search, and how long minutes are kept. ACCESS 'minutes.read' (the admin all, an EP
 * their localities, a SENCO their own school's cases: anyone else is told the minutes do not exist) and
 * 'retention.manage'.
 */
export function minutesRoutes(deps: HttpDeps) {
  const { repos } = deps;

  /** The minutes named in the path, if the caller may read them (404 otherwise, whatever the reason). */
  const minutesFor = (c: Context<AppEnv>) => {
    const { actor } = requireActor(c);
    const row = repos.minutes.byId(c.req.param('id') ?? '');
    if (!row || !allowed(actor, 'minutes.read', { schoolId: row.school_id, localityId: row.locality_id }))
      throw errors.notFound('Those minutes');
    return row;
  };

  const audited = (c: Context<AppEnv>, row: MinutesRow, action: 'viewed' | 'exported', what: string) =>
    repos.audit.record({
      actorId: requireActor(c).user.id,
      action,
      entity: 'case',
      entityId: row.case_id,
      detail: `minutes ${row.id} (session ${row.session_id}) ${what}`,
    });

  const download = (format: keyof typeof FILES) => async (c: Context<AppEnv>) => {
    const row = minutesFor(c);
    const view = toView(row);
    const dismissed = [...repos.privacy.dismissedKeys(row.case_id)];
    const bytes = await buildExport(c, deps, { kind: 'minutes', format, minutes: view.minutes, dismissed });
    audited(c, row, 'exported', format);
    const name = `Minutes ${view.minutes.reference} ${view.minutes.sessionDate}.${format}`.replace(/[^\w .-]/g, '');
    return c.body(bytes, 200, {
      'content-type': FILES[format].type,
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    });
  };

  const mayList = (c: Context<AppEnv>, action: 'minutes.read' | 'retention.manage') => {
    const { actor } = requireActor(c);
    if (!reachesAnything(actor, action)) throw errors.forbidden();
    return actor;
  };

  return new Hono<AppEnv>()
    .get('/minutes', (c) => {
      const actor = mayList(c, 'minutes.read');
      const page = repos.minutes.sessionsPage(reach(actor, 'minutes.read'), pageRequest(c, MINUTES_SESSIONS_CURSOR));
      const sessions: MinutesSession[] = page.items.map(({ session, cases }) => ({
        id: session.id,
        date: session.date,
        localityName: session.locality_name,
        facilitatorName: session.facilitator_name,
        cases,
      }));
      return c.json({ sessions, next: page.next });
    })
    .get('/minutes/search', (c) => {
      const actor = mayList(c, 'minutes.read');
      const query = parseBody(minutesSearchSchema, c.req.query());
      const after = query.cursor === undefined ? null : decodeCursor(query.cursor, MINUTES_SEARCH_CURSOR);
      if (query.cursor !== undefined && !after)
        throw errors.field('invalid_cursor', 'cursor', 'That is not a place in this list. Start from the top.');
      const match = ftsQuery(query.q);
      // Words typed, none of them searchable (only `*` or `"`): nothing can match them.
      if (match === '' && query.q.trim() !== '') return c.json({ results: [], next: null });
      const { q: _q, limit, cursor: _cursor, ...filters } = query;
      const page = repos.minutes.search(reach(actor, 'minutes.read'), match, filters, { limit, after });
      // The words in context are a read of those minutes: each case shown with them is in the audit log, as a page
      // opened is. Filters alone show no words of the minutes (reference, type and date, as the session list).
      if (match !== '' && page.items.length > 0) {
        const { user } = requireActor(c);
        repos.transaction(() => {
          for (const row of page.items)
            repos.audit.record({
              actorId: user.id,
              action: 'viewed',
              entity: 'case',
              entityId: row.case_id,
              detail: `minutes ${row.id} search result`,
            });
        });
      }
      const results: MinutesSearchResult[] = page.items.map((row) => ({
        id: row.id,
        caseId: row.case_id,
        reference: row.reference,
        caseType: row.case_type,
        sessionDate: row.session_date,
        localityName: row.locality_name,
        snippet: snippetParts(row.snippet),
      }));
      return c.json({ results, next: page.next });
    })
    .get('/minutes/:id', (c) => {
      const row = minutesFor(c);
      audited(c, row, 'viewed', 'page');
      return c.json({ minutes: toView(row) });
    })
    .get('/minutes/:id/docx', download('docx'))
    .get('/minutes/:id/pdf', download('pdf'))
    .get('/retention', (c) => {
      mayList(c, 'retention.manage');
      return c.json({ retention: repos.minutes.retentionYears() });
    })
    .put('/retention', async (c) => {
      mayList(c, 'retention.manage');
      const { user } = requireActor(c);
      const body = parseBody(retentionRequestSchema, await readJson(c));
      const now = Date.now();
      repos.transaction(() => {
        repos.minutes.setRetentionYears(body.years, user.id, now);
        repos.audit.record({
          actorId: user.id,
          action: 'changed',
          entity: 'retention',
          entityId: null,
          detail: `minutes kept ${body.years} years`,
          now,
        });
      });
      return c.json({ retention: repos.minutes.retentionYears() });
    });
}
