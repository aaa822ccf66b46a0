import { agendaRequestSchema, allowedOnCase, missingConsent } from '@consultboard/domain';
import { Hono } from 'hono';
import { caseTarget } from '../../access/actor.js';
import type { CaseRow } from '../../db/cases.js';
import { toCaseView } from '../../db/cases.js';
import type { ConsultSessionRow } from '../../db/consultSessions.js';
import { toSessionView } from '../../meeting/sessionViews.js';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { mustBeDraft, sessionFor } from '../resources.js';
import { parseBody } from '../validate.js';

/** How a case shows on the agenda: a child's reference, or a topic. */
const agendaKind = (row: CaseRow) => (row.type === 'child' ? 'child' : 'topic') as 'child' | 'topic';

/** The EP builds a session's agenda from the cases SENCOs submitted to it ('agenda.edit'). */
export function agendaRoutes(deps: HttpDeps) {
  const { repos, publicUrl } = deps;
  const view = (row: ConsultSessionRow) => toSessionView(repos, row, publicUrl);

  return new Hono<AppEnv>()
    .get('/sessions/:id/submitted', (c) => {
      const row = sessionFor(c, repos, 'agenda.edit');
      const { actor } = requireActor(c);
      const cases = repos.cases
        .submittedTo(row.id)
        .filter((item) => allowedOnCase(actor, 'case.read', caseTarget(item)))
        .map(toCaseView);
      return c.json({ cases });
    })
    .put('/sessions/:id/agenda', async (c) => {
      const row = mustBeDraft(sessionFor(c, repos, 'agenda.edit'));
      const { user } = requireActor(c);
      const body = parseBody(agendaRequestSchema, await readJson(c));
      if (new Set(body.caseIds).size !== body.caseIds.length)
        throw errors.badRequest('duplicate_case', 'A case can be on the agenda once.');
      // Check every case before writing anything: the whole change is refused, or the whole of it is made.
      const cases = body.caseIds.map((caseId) => {
        const item = repos.cases.byId(caseId);
        if (!item || item.submitted_session_id !== row.id)
          throw errors.badRequest('not_submitted', 'Only cases submitted to this session can go on its agenda.');
        if (missingConsent({ type: item.type, consentGiven: item.consent_given === 1 }))
          throw errors.consentMissing(item.reference);
        return item;
      });
      repos.transaction(() => {
        repos.consultSessions.setAgenda(
          row.id,
          cases.map((item) => ({ id: item.id, reference: item.reference, kind: agendaKind(item) })),
        );
        repos.audit.record({
          actorId: user.id,
          action: 'agenda.changed',
          entity: 'session',
          entityId: row.id,
          detail: body.caseIds.join(','),
        });
      });
      return c.json({ session: view(row) });
    })
    .delete('/sessions/:id/cases/:caseId', (c) => {
      const row = mustBeDraft(sessionFor(c, repos, 'agenda.edit'));
      const { user } = requireActor(c);
      const removed = repos.transaction(() => {
        if (!repos.consultSessions.removeCase(c.req.param('caseId'), row.id)) return false;
        repos.audit.record({ actorId: user.id, action: 'agenda.changed', entity: 'session', entityId: row.id });
        return true;
      });
      if (!removed) throw errors.notFound('That case');
      return c.json({ session: view(row) });
    });
}
