import { findingKey, privacyDismissalRequestSchema } from '@consultboard/domain';
import { Hono } from 'hono';
import { recheckForms } from '../../privacy/caseChecks.js';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { readJson } from '../middleware.js';
import { caseFor } from '../resources.js';
import { parseBody } from '../validate.js';

/**
 * The privacy guard's memory of a case (issue 10): what a user said is not personal, and what the case still has to
 * check ("Personal data to check"). The finding's words are stored only as the dismissal key; the audit log records
 * the kind, never the words.
 */
export function privacyRoutes(deps: HttpDeps) {
  const { repos } = deps;
  const view = (caseId: string) => ({
    dismissed: [...repos.privacy.dismissedKeys(caseId)].sort(),
    toCheck: repos.privacy.toCheck(caseId),
  });
  return new Hono<AppEnv>()
    .get('/cases/:id/privacy', (c) => c.json(view(caseFor(c, repos, 'case.read').id)))
    .post('/cases/:id/privacy/dismissals', async (c) => {
      const row = caseFor(c, repos, 'privacy.dismiss');
      const body = parseBody(privacyDismissalRequestSchema, await readJson(c));
      const now = Date.now();
      repos.transaction(() => {
        repos.privacy.dismiss(row.id, findingKey(body), requireActor(c).user.id, now);
        // The label goes when the last finding of a form is dismissed.
        recheckForms(repos, row.id, now);
        repos.audit.record({
          actorId: requireActor(c).user.id,
          action: 'privacy.dismissed',
          entity: 'case',
          entityId: row.id,
          detail: `not personal: ${body.kind}`,
          now,
        });
      });
      return c.json(view(row.id));
    });
}
