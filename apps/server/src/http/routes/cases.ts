import { randomUUID } from 'node:crypto';
import {
  allowed,
  type CaseType,
  caseReferenceRequestSchema,
  createCaseRequestSchema,
  EMPTY_PREPARATION,
  findPersonalData,
  parseCaseReference,
  reach,
  reachesAnything,
} from '@consultboard/domain';
import { Hono } from 'hono';
import { CASES_CURSOR, type CaseRow, toCaseView } from '../../db/cases.js';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { pageRequest } from '../paging.js';
import { caseFor } from '../resources.js';
import { parseBody } from '../validate.js';

/** Checks a case's reference against its type: a child is J5M, anything else a short topic. */
export function checkReference(type: CaseType, input: string): string {
  const parsed = parseCaseReference(input);
  const refuse = (message: string): never => {
    throw errors.field('invalid_reference', 'reference', message);
  };
  // A topic the privacy guard flags: the refusal carries the findings, so the form can mark the words.
  if (!parsed.ok && parsed.findings) throw errors.personalDataInReference(parsed.message, parsed.findings);
  if (!parsed.ok) return refuse(parsed.message);
  if (type === 'child' && parsed.kind !== 'child')
    return refuse('A child is known only by first initial, year group and gender, for example J5M.');
  if (type !== 'child' && parsed.kind !== 'topic')
    return refuse('That is a child reference. Choose "An individual child or young person", or describe the topic.');
  return parsed.value;
}

/** A SENCO's cases: list, create for their own school, read (audited) and delete while not on an agenda. */
export function caseRoutes(deps: HttpDeps) {
  const { repos } = deps;

  return new Hono<AppEnv>()
    .get('/cases', (c) => {
      const { actor } = requireActor(c);
      if (!reachesAnything(actor, 'case.list')) throw errors.forbidden();
      const page = repos.cases.page(reach(actor, 'case.list'), pageRequest(c, CASES_CURSOR));
      return c.json({ cases: page.items.map(toCaseView), next: page.next });
    })
    .post('/cases', async (c) => {
      const { user, actor } = requireActor(c);
      // A SENCO creates cases for their own school only: the school comes from the account, not the body.
      const schoolId = actor.schoolId;
      if (!schoolId || !allowed(actor, 'case.create', { schoolId, localityId: actor.schoolLocalityId }))
        throw errors.forbidden();
      const body = parseBody(createCaseRequestSchema, await readJson(c));
      const reference = checkReference(body.type, body.reference);
      const id = randomUUID();
      const now = Date.now();
      repos.transaction(() => {
        repos.cases.insert({
          id,
          school_id: schoolId,
          type: body.type,
          reference,
          preparation: EMPTY_PREPARATION,
          created_by: user.id,
          created_at: now,
        });
        repos.audit.record({ actorId: user.id, action: 'created', entity: 'case', entityId: id, now });
      });
      return c.json({ case: toCaseView(repos.cases.byId(id) as CaseRow) }, 201);
    })
    .get('/cases/:id', (c) => {
      const row = caseFor(c, repos, 'case.read');
      repos.audit.record({ actorId: requireActor(c).user.id, action: 'viewed', entity: 'case', entityId: row.id });
      return c.json({ case: toCaseView(row) });
    })
    .put('/cases/:id/reference', async (c) => {
      const row = caseFor(c, repos, 'case.update');
      const { user } = requireActor(c);
      const body = parseBody(caseReferenceRequestSchema, await readJson(c));
      const reference = checkReference(row.type, body.reference);
      const now = Date.now();
      repos.transaction(() => {
        const sessionId = repos.consultSessions.agendaSessionOf(row.id);
        // A live session folded the agenda's references into its log when it started: the room keeps the old one
        // until the session ends, so the change waits for it rather than leave the room and the record apart.
        if (sessionId && repos.consultSessions.byId(sessionId)?.status === 'live')
          throw errors.conflict(
            'case_in_live_session',
            'This case is in a live session. Change its reference when the session has ended.',
          );
        repos.cases.setReference(row.id, reference, now);
        if (sessionId) repos.consultSessions.renameCase(row.id, reference);
        // The old words stay out of the audit log if they were what had to be put right.
        const before = findPersonalData(row.reference).length > 0 ? 'words with personal data' : row.reference;
        repos.audit.record({
          actorId: user.id,
          action: 'changed',
          entity: 'case',
          entityId: row.id,
          detail: `reference: ${before} → ${reference}`,
          now,
        });
      });
      return c.json({ case: toCaseView(repos.cases.byId(row.id) as CaseRow) });
    })
    .delete('/cases/:id', (c) => {
      const row = caseFor(c, repos, 'case.delete');
      const { user } = requireActor(c);
      repos.transaction(() => {
        if (repos.consultSessions.onAnyAgenda(row.id))
          throw errors.conflict('on_agenda', 'This case is on an agenda. Ask the EP to take it off first.');
        repos.cases.remove(row.id);
        repos.audit.record({ actorId: user.id, action: 'deleted', entity: 'case', entityId: row.id });
      });
      return c.body(null, 204);
    });
}
