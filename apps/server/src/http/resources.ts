import { type Action, allowed, allowedOnCase } from '@consultboard/domain';
import type { Context } from 'hono';
import { caseTarget, sessionTarget } from '../access/actor.js';
import type { CaseRow } from '../db/cases.js';
import type { ConsultSessionRow } from '../db/consultSessions.js';
import type { Repos } from '../db/repos.js';
import { authorise, requireActor } from './access.js';
import type { AppEnv } from './context.js';
import { errors } from './errors.js';

/**
 * The session named in the path, once the caller may take this action on it: 404 to those who may not read
 * it (unknown and forbidden look alike), 403 to those who read it but may not do this.
 */
export function sessionFor(c: Context<AppEnv>, repos: Repos, action: Action): ConsultSessionRow {
  const { actor } = requireActor(c);
  const row = repos.consultSessions.byId(c.req.param('id') ?? '');
  const target = row ? sessionTarget(row) : undefined;
  authorise('That session', {
    sees: target !== undefined && allowed(actor, 'session.read', target),
    may: target !== undefined && allowed(actor, action, target),
  });
  return row as ConsultSessionRow;
}

/** A session that has not started: its agenda may still change. */
export function mustBeDraft(row: ConsultSessionRow): ConsultSessionRow {
  if (row.status !== 'draft')
    throw errors.conflict('not_draft', 'The agenda cannot change once the session has started.');
  return row;
}

/** The case named in the path, once the caller may take this action on it (404 / 403 as for sessions). */
export function caseFor(c: Context<AppEnv>, repos: Repos, action: Action): CaseRow {
  const { actor } = requireActor(c);
  const row = repos.cases.byId(c.req.param('id') ?? '');
  const target = row ? caseTarget(row) : undefined;
  authorise('That case', {
    sees: target !== undefined && allowedOnCase(actor, 'case.read', target),
    may: target !== undefined && allowedOnCase(actor, action, target),
  });
  return row as CaseRow;
}
