import {
  type AreaOfNeed,
  allowed,
  type BankIdeasPage,
  type BankPage,
  bankQuerySchema,
  bankSearchWords,
  currentCase,
  type Preparation,
  reach,
  reachesAnything,
} from '@consultboard/domain';
import { Hono } from 'hono';
import { BANK_CURSOR, IDEAS_CURSOR } from '../../db/bank.js';
import { decodeCursor } from '../../db/paging.js';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { pageRequest } from '../paging.js';
import { sessionFor } from '../resources.js';
import { parseBody } from '../validate.js';

const badCursor = () =>
  errors.field('invalid_cursor', 'cursor', 'That is not a place in this list. Start from the top.');

/**
 * The strategy bank (issue 12): the bank page for whoever may read it (ACCESS 'bank.read', filtered to their reach
 * in SQL: no school, no reference, no date finer than the half term), and Ideas from the bank for the EP running a
 * live session (ACCESS 'session.run'): the entries of its locality that helped cases with the current case's areas
 * of need.
 */
export function bankRoutes(deps: HttpDeps) {
  const { repos, meetings } = deps;

  return new Hono<AppEnv>()
    .get('/bank', (c) => {
      const { actor } = requireActor(c);
      if (!reachesAnything(actor, 'bank.read')) throw errors.forbidden();
      const query = parseBody(bankQuerySchema, c.req.query());
      const after = query.cursor === undefined ? null : decodeCursor(query.cursor, BANK_CURSOR);
      if (query.cursor !== undefined && !after) throw badCursor();
      const page = repos.bank.page(
        reach(actor, 'bank.read'),
        { words: bankSearchWords(query.q ?? ''), area: query.area, caseType: query.caseType },
        { limit: query.limit, after },
      );
      return c.json({ entries: page.items.map(repos.bank.toEntryView), next: page.next } satisfies BankPage);
    })
    .get('/sessions/:id/bank-ideas', (c) => {
      const row = sessionFor(c, repos, 'session.run');
      const { actor } = requireActor(c);
      if (row.status !== 'live')
        throw errors.conflict('not_live', 'Ideas from the bank are offered only while the session is live.');
      const request = pageRequest(c, IDEAS_CURSOR);
      const caseId = currentCase(meetings.state(row.id))?.id ?? null;
      const caseRow = caseId ? repos.cases.byId(caseId) : undefined;
      // The session's locality is the bank's: the EP reads it by running the session (checked above).
      if (!row.locality_id || !caseRow || !allowed(actor, 'session.run', { localityId: row.locality_id }))
        return c.json({ caseId, areasOfNeed: [], ideas: [], next: null } satisfies BankIdeasPage);
      const areasOfNeed = (JSON.parse(caseRow.preparation) as Preparation).areasOfNeed as AreaOfNeed[];
      const page = repos.bank.ideas(row.locality_id, areasOfNeed, request);
      return c.json({
        caseId,
        areasOfNeed,
        ideas: page.items.map(repos.bank.toEntryView),
        next: page.next,
      } satisfies BankIdeasPage);
    });
}
