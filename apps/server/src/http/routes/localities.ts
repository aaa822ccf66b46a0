import { randomUUID } from 'node:crypto';
import { allowed, createLocalityRequestSchema, createSchoolRequestSchema, reachOfAny } from '@consultboard/domain';
import { Hono } from 'hono';
import { LOCALITIES_CURSOR, SCHOOLS_CURSOR } from '../../db/localities.js';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { pageRequest } from '../paging.js';
import { parseBody } from '../validate.js';

/**
 * Localities and their schools. Everyone signed in lists the ones they belong to (the admin every one);
 * only 'locality.manage' and 'school.manage' create them.
 */
export function localityRoutes(deps: HttpDeps) {
  const { repos } = deps;
  return new Hono<AppEnv>()
    .get('/localities', (c) => {
      const { actor } = requireActor(c);
      const page = repos.localities.localities(
        reachOfAny(actor, ['locality.manage', 'session.read']),
        pageRequest(c, LOCALITIES_CURSOR),
      );
      return c.json({ localities: page.items, next: page.next });
    })
    .post('/localities', async (c) => {
      const { user, actor } = requireActor(c);
      if (!allowed(actor, 'locality.manage')) throw errors.forbidden();
      const body = parseBody(createLocalityRequestSchema, await readJson(c));
      if (repos.localities.localityByName(body.name))
        throw errors.conflict('duplicate_name', 'There is a locality of that name already.');
      const id = randomUUID();
      repos.transaction(() => {
        repos.localities.insertLocality(id, body.name, Date.now());
        repos.audit.record({ actorId: user.id, action: 'created', entity: 'locality', entityId: id });
      });
      return c.json({ locality: repos.localities.locality(id) }, 201);
    })
    .get('/schools', (c) => {
      const { actor } = requireActor(c);
      const page = repos.localities.schools(
        reachOfAny(actor, ['school.manage', 'case.read']),
        pageRequest(c, SCHOOLS_CURSOR),
      );
      return c.json({ schools: page.items, next: page.next });
    })
    .post('/schools', async (c) => {
      const { user, actor } = requireActor(c);
      if (!allowed(actor, 'school.manage')) throw errors.forbidden();
      const body = parseBody(createSchoolRequestSchema, await readJson(c));
      if (!repos.localities.locality(body.localityId)) {
        const message = 'Choose one of the localities.';
        throw errors.field('unknown_locality', 'localityId', message);
      }
      if (repos.localities.schoolByName(body.localityId, body.name))
        throw errors.conflict('duplicate_name', 'That locality has a school of that name already.');
      const id = randomUUID();
      repos.transaction(() => {
        repos.localities.insertSchool(id, body.name, body.localityId, Date.now());
        repos.audit.record({ actorId: user.id, action: 'created', entity: 'school', entityId: id });
      });
      return c.json({ school: repos.localities.school(id) }, 201);
    });
}
