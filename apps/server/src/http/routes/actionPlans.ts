import { type ActionRow, actionPlanFileName, actionPlanRequestSchema, allowedOnCase } from '@consultboard/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { caseTarget } from '../../access/actor.js';
import { todayInEngland } from '../../dates.js';
import type { ActionPlanRow } from '../../db/actionPlans.js';
import type { CaseRow } from '../../db/cases.js';
import { planSource } from '../../exports/planSource.js';
import { toPlanView } from '../../plans/planViews.js';
import { liveSessionOf, savePlan } from '../../plans/savePlan.js';
import { requireActor } from '../access.js';
import { buildExport } from '../buildExport.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { caseFor } from '../resources.js';
import { parseBody } from '../validate.js';

/** A case's plan, once the caller may take this action on the case (404 `no_plan` when there is none yet). */
export function planFor(
  c: Context<AppEnv>,
  deps: HttpDeps,
  action: 'plan.read' | 'plan.update' | 'plan.export' | 'review.record',
) {
  const caseRow = caseFor(c, deps.repos, action);
  const plan = deps.repos.actionPlans.byCase(caseRow.id);
  return { caseRow, plan };
}

const EXPORTS = {
  docx: { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  pdf: { type: 'application/pdf' },
} as const;

/** The action plan: read, edit as a whole (with a version, so nobody overwrites anyone), export to Word and PDF. */
export function actionPlanRoutes(deps: HttpDeps) {
  const { repos } = deps;
  const view = (caseRow: CaseRow, plan: ActionPlanRow) => toPlanView(repos, caseRow, plan);

  const exportAs = (extension: keyof typeof EXPORTS) => async (c: Context<AppEnv>) => {
    const { caseRow, plan } = planFor(c, deps, 'plan.export');
    if (!plan) throw errors.noPlan();
    // Read here (a few queries); parsed, laid out and encoded in an export worker, off the event loop.
    const source = planSource(repos, caseRow, plan);
    // The guard's check runs in the worker on exactly what the file would print (issue 10).
    const dismissed = [...repos.privacy.dismissedKeys(caseRow.id)];
    const bytes = await buildExport(c, deps, { kind: 'plan', format: extension, source, dismissed });
    repos.audit.record({
      actorId: requireActor(c).user.id,
      action: 'exported',
      entity: 'case',
      entityId: caseRow.id,
      detail: `action plan v${plan.version} ${extension}`,
    });
    const fileName = actionPlanFileName(caseRow.reference, source.sessionDate ?? todayInEngland(), extension);
    return c.body(bytes, 200, {
      'content-type': EXPORTS[extension].type,
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    });
  };

  return new Hono<AppEnv>()
    .get('/cases/:id/plan', (c) => {
      const { caseRow, plan } = planFor(c, deps, 'plan.read');
      if (!plan) throw errors.noPlan();
      return c.json({ plan: view(caseRow, plan) });
    })
    .put('/cases/:id/plan', async (c) => {
      const { caseRow } = planFor(c, deps, 'plan.update');
      const { user, actor } = requireActor(c);
      // The EP edits the plan only in the meeting; outside it the plan is the school's.
      if (!liveSessionOf(repos, caseRow) && !allowedOnCase(actor, 'plan.updateOutsideMeeting', caseTarget(caseRow)))
        throw errors.planOwnedBySchool();
      const body = parseBody(actionPlanRequestSchema, await readJson(c));
      const saved = savePlan(deps, {
        caseRow,
        fromVersion: body.version,
        rows: body.rows as ActionRow[],
        userId: user.id,
        actor: `${user.role}:${user.id}`,
        now: Date.now(),
      });
      const plan = repos.actionPlans.byCase(caseRow.id);
      if (!saved.ok) throw errors.refused(409, saved, { plan: plan ? view(caseRow, plan) : null });
      return c.json({ plan: view(caseRow, plan as ActionPlanRow) });
    })
    .get('/cases/:id/plan.docx', exportAs('docx'))
    .get('/cases/:id/plan.pdf', exportAs('pdf'));
}
