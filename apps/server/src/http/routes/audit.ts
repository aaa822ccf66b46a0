import { allowed } from '@consultboard/domain';
import { Hono } from 'hono';
import { AUDIT_CURSOR } from '../../db/audit.js';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { pageRequest } from '../paging.js';

/** The audit log, newest first, for the admin only ('audit.read'). */
export function auditRoutes(deps: HttpDeps) {
  return new Hono<AppEnv>().get('/audit', (c) => {
    const { actor } = requireActor(c);
    if (!allowed(actor, 'audit.read')) throw errors.forbidden();
    const page = deps.repos.audit.page(pageRequest(c, AUDIT_CURSOR));
    return c.json({ entries: page.items, next: page.next });
  });
}
