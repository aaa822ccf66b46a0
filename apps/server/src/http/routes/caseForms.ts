import {
  allowed,
  consentRequestSchema,
  needsParentalConsent,
  preparationSchema,
  submitCaseRequestSchema,
} from '@consultboard/domain';
import { Hono } from 'hono';
import { sessionTarget } from '../../access/actor.js';
import { todayInEngland } from '../../dates.js';
import { type CaseRow, toCaseView } from '../../db/cases.js';
import { preparationTexts, recheckPlace } from '../../privacy/caseChecks.js';
import { requireActor } from '../access.js';
import { buildExport } from '../buildExport.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { caseFor } from '../resources.js';
import { parseBody } from '../validate.js';

/** Before the meeting: parental consent and its form, the preparation form, and submitting to a session. */
export function caseFormRoutes(deps: HttpDeps) {
  const { repos } = deps;
  const fresh = (id: string) => toCaseView(repos.cases.byId(id) as CaseRow);

  return new Hono<AppEnv>()
    .put('/cases/:id/consent', async (c) => {
      const row = caseFor(c, repos, 'case.consent');
      const body = parseBody(consentRequestSchema, await readJson(c));
      if (!needsParentalConsent(row.type)) throw errors.notAChildCase();
      if (body.given && body.date !== null && body.date > todayInEngland()) {
        const message = 'The date consent was given cannot be in the future.';
        throw errors.field('invalid_payload', 'date', message);
      }
      const now = Date.now();
      repos.transaction(() => {
        repos.cases.setConsent(row.id, body.given, body.given ? body.date : null, now);
        repos.audit.record({
          actorId: requireActor(c).user.id,
          action: 'consented',
          entity: 'case',
          entityId: row.id,
          detail: body.given ? 'given' : 'not given',
          now,
        });
      });
      return c.json({ case: fresh(row.id) });
    })
    .get('/cases/:id/consent-form.pdf', async (c) => {
      const row = caseFor(c, repos, 'case.consent');
      if (!needsParentalConsent(row.type)) throw errors.notAChildCase();
      const pdf = await buildExport(c, deps, {
        kind: 'consentForm',
        details: { reference: row.reference, schoolName: row.school_name, localityName: row.locality_name },
      });
      repos.audit.record({
        actorId: requireActor(c).user.id,
        action: 'exported',
        entity: 'case',
        entityId: row.id,
        detail: 'consent form',
      });
      return c.body(pdf, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="consent-form-${row.reference}.pdf"`,
        'cache-control': 'no-store',
      });
    })
    .put('/cases/:id/preparation', async (c) => {
      const row = caseFor(c, repos, 'case.update');
      // A draft saved as they type may carry only the fields that changed; any invalid field refuses it all.
      const changes = parseBody(preparationSchema.partial().strict(), await readJson(c));
      const preparation = preparationSchema.parse({ ...JSON.parse(row.preparation), ...changes });
      const now = Date.now();
      repos.transaction(() => {
        // Saved whatever it holds (nothing typed is lost); the privacy guard counts what is left to check.
        repos.cases.setPreparation(row.id, preparation, now);
        recheckPlace(repos, row.id, 'preparation', preparationTexts(preparation), now);
        repos.audit.record({
          actorId: requireActor(c).user.id,
          action: 'changed',
          entity: 'case',
          entityId: row.id,
          detail: 'preparation',
          now,
        });
      });
      return c.json({ case: fresh(row.id) });
    })
    .post('/cases/:id/submit', async (c) => {
      const row = caseFor(c, repos, 'case.submit');
      const { user, actor } = requireActor(c);
      const body = parseBody(submitCaseRequestSchema, await readJson(c));
      const session = repos.consultSessions.byId(body.sessionId);
      // Only a session of the case's own locality, and one the SENCO can see.
      if (
        !session ||
        session.locality_id !== row.locality_id ||
        !allowed(actor, 'session.read', sessionTarget(session))
      )
        throw errors.notFound('That session');
      if (session.status !== 'draft')
        throw errors.conflict('not_draft', 'That session has started. Choose one that has not.');
      const now = Date.now();
      repos.transaction(() => {
        const earlier = row.submitted_session_id ? repos.consultSessions.byId(row.submitted_session_id) : undefined;
        if (earlier && earlier.id !== session.id && repos.consultSessions.hasCase(earlier.id, row.id)) {
          if (earlier.status !== 'draft')
            throw errors.conflict('already_discussed', 'This case has been discussed at a session already.');
          // Moving a case takes it off the agenda it was on.
          repos.consultSessions.removeCase(row.id, earlier.id);
          repos.audit.record({
            actorId: user.id,
            action: 'agenda.changed',
            entity: 'session',
            entityId: earlier.id,
            now,
          });
        }
        repos.cases.submit(row.id, session.id, now);
        repos.audit.record({
          actorId: user.id,
          action: 'submitted',
          entity: 'case',
          entityId: row.id,
          detail: session.id,
          now,
        });
      });
      return c.json({ case: fresh(row.id) });
    });
}
