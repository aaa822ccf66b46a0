import { allowed, reviewRequestSchema } from '@consultboard/domain';
import { Hono } from 'hono';
import { todayInEngland } from '../../dates.js';
import { toPlanView } from '../../plans/planViews.js';
import { nextDraftSession, reviewOverview } from '../../plans/reviewOverview.js';
import { recheckPlace, reviewTexts } from '../../privacy/caseChecks.js';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { parseBody } from '../validate.js';
import { planFor } from './actionPlans.js';

/** Plan-do-review: the SENCO records a review; the EP sees what is due, requested and brought back. */
export function reviewRoutes(deps: HttpDeps) {
  const { repos } = deps;

  return new Hono<AppEnv>()
    .put('/cases/:id/review', async (c) => {
      const { caseRow, plan } = planFor(c, deps, 'review.record');
      const { user } = requireActor(c);
      if (!plan) throw errors.noPlan();
      const body = parseBody(reviewRequestSchema, await readJson(c));
      const rowIds = new Set(plan.rows.map((row) => row.id));
      const reviewed = body.actions.map((action) => action.rowId);
      if (reviewed.some((id) => !rowIds.has(id))) throw errors.unknownAction();
      if (new Set(reviewed).size !== reviewed.length) throw errors.duplicateAction();
      const now = Date.now();
      repos.transaction(() => {
        repos.actionPlans.recordReview(caseRow.id, body, user.id, now);
        recheckPlace(repos, caseRow.id, 'review', reviewTexts(body), now);
        // Issue 12: the strategy bank's counts follow the latest review of each plan row drafted from a helpful card.
        repos.bank.refreshOutcomes(caseRow.id);
        repos.audit.record({
          actorId: user.id,
          action: 'reviewed',
          entity: 'case',
          entityId: caseRow.id,
          detail: body.outcome,
          now,
        });
        // Brought back: offered to the locality's next draft session, if one is scheduled; otherwise it waits.
        const next =
          body.outcome === 'bring-back' ? nextDraftSession(repos, caseRow.locality_id, todayInEngland()) : undefined;
        if (next && next.id !== caseRow.submitted_session_id) {
          repos.cases.submit(caseRow.id, next.id, now);
          repos.audit.record({
            actorId: user.id,
            action: 'submitted',
            entity: 'case',
            entityId: caseRow.id,
            detail: next.id,
            now,
          });
        }
      });
      const fresh = repos.cases.byId(caseRow.id) ?? caseRow;
      return c.json({ plan: toPlanView(repos, fresh, plan) });
    })
    .get('/reviews', (c) => {
      const { actor } = requireActor(c);
      if (!allowed(actor, 'review.overview')) throw errors.forbidden();
      return c.json(reviewOverview(repos, actor));
    });
}
