import { allowed } from '@consultboard/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { parseBody } from '../validate.js';

const querySchema = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }).strict();

/** The audit log, newest first, for the admin only ('audit.read'). */
export function auditRoutes(deps: HttpDeps) {
  return new Hono<AppEnv>().get('/audit', (c) => {
    const { actor } = requireActor(c);
    if (!allowed(actor, 'audit.read')) throw errors.forbidden();
    const { limit } = parseBody(querySchema, c.req.query());
    return c.json({ entries: deps.repos.audit.newest(limit) });
  });
}
