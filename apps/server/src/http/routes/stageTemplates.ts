import {
  allowed,
  DEFAULT_STAGES,
  type LocalityView,
  type StageTemplateView,
  stageTemplateRequestSchema,
} from '@consultboard/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { Repos } from '../../db/repos.js';
import { authorise, requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { readJson } from '../middleware.js';
import { parseBody } from '../validate.js';

/**
 * The locality named in the path, once the caller may edit its template ('template.edit'): 404 to those who do
 * not see the locality at all, 403 to those who see it (a SENCO of one of its schools) but may not edit.
 */
function localityFor(c: Context<AppEnv>, repos: Repos): LocalityView {
  const { actor } = requireActor(c);
  const locality = repos.localities.locality(c.req.param('id') ?? '');
  const target = { localityId: locality?.id };
  authorise('That locality', {
    sees:
      locality !== undefined && (allowed(actor, 'locality.manage', target) || allowed(actor, 'session.read', target)),
    may: locality !== undefined && allowed(actor, 'template.edit', target),
  });
  return locality as LocalityView;
}

function view(repos: Repos, locality: LocalityView): StageTemplateView {
  const own = repos.stageTemplates.stagesOf(locality.id);
  return { localityId: locality.id, localityName: locality.name, stages: own ?? [...DEFAULT_STAGES], custom: !!own };
}

/**
 * A locality's stage template (issue 9 item 8): read, replace whole, or restore the default. A session takes its
 * locality's template when it starts and keeps it in its `session.started` event, so no edit here reaches a
 * session that has started.
 */
export function stageTemplateRoutes(deps: HttpDeps) {
  const { repos } = deps;
  return new Hono<AppEnv>()
    .get('/localities/:id/template', (c) => c.json({ template: view(repos, localityFor(c, repos)) }))
    .put('/localities/:id/template', async (c) => {
      const locality = localityFor(c, repos);
      const { user } = requireActor(c);
      const { stages } = parseBody(stageTemplateRequestSchema, await readJson(c));
      repos.transaction(() => {
        repos.stageTemplates.save(locality.id, stages, user.id, Date.now());
        const detail = `stage template: ${stages.map((stage) => stage.name).join(', ')}`;
        repos.audit.record({ actorId: user.id, action: 'changed', entity: 'locality', entityId: locality.id, detail });
      });
      return c.json({ template: view(repos, locality) });
    })
    .delete('/localities/:id/template', (c) => {
      const locality = localityFor(c, repos);
      const { user } = requireActor(c);
      repos.transaction(() => {
        if (repos.stageTemplates.restoreDefault(locality.id))
          repos.audit.record({
            actorId: user.id,
            action: 'changed',
            entity: 'locality',
            entityId: locality.id,
            detail: 'stage template: the default restored',
          });
      });
      return c.json({ template: view(repos, locality) });
    });
}
