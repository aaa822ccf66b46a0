import { randomBytes, randomUUID } from 'node:crypto';
import {
  type AgendaCase,
  allowed,
  DEFAULT_STAGES,
  makeJoinCode,
  missingConsent,
  notesTokenRequestSchema,
  reach,
  scheduleSessionRequestSchema,
  sessionStartedEvent,
} from '@consultboard/domain';
import { Hono } from 'hono';
import { hashToken, newToken } from '../../auth/tokens.js';
import { todayInEngland } from '../../dates.js';
import { type ConsultSessionRow, SESSIONS_CURSOR } from '../../db/consultSessions.js';
import { toSessionView } from '../../meeting/sessionViews.js';
import { broughtBackCases } from '../../plans/reviewOverview.js';
import { authorise, requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { pageRequest } from '../paging.js';
import { mustBeDraft, sessionFor } from '../resources.js';
import { parseBody } from '../validate.js';

/** How long a notes token for the EP's console or the projector lasts: a long day of meetings. */
const NOTES_TOKEN_TTL_MS = 12 * 60 * 60_000;

/** Scheduling a session for a locality, starting it, and opening its notes on the EP's screens. */
export function sessionRoutes(deps: HttpDeps) {
  const { repos, meetings, publicUrl } = deps;
  const view = (row: ConsultSessionRow) => toSessionView(repos, row, publicUrl);

  function freshJoinCode(): string {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = makeJoinCode((n) => randomBytes(n));
      if (!repos.consultSessions.byLiveCode(code)) return code;
    }
    throw errors.noFreeJoinCode();
  }

  /** The agenda as the session.started event carries it: each case with its preparation form, never a school. */
  function agendaSnapshot(row: ConsultSessionRow): AgendaCase[] {
    return repos.consultSessions.cases(row.id).map(({ id, reference, kind }) => {
      const stored = repos.cases.byId(id);
      if (!stored) return { id, reference, kind };
      const preparation = JSON.parse(stored.preparation) as AgendaCase['preparation'];
      return { id, reference, kind, type: stored.type, preparation };
    });
  }

  return new Hono<AppEnv>()
    .get('/sessions', (c) => {
      const { actor } = requireActor(c);
      const page = repos.consultSessions.page(reach(actor, 'session.read'), pageRequest(c, SESSIONS_CURSOR));
      return c.json({ sessions: page.items.map(view), next: page.next });
    })
    .post('/sessions', async (c) => {
      const { user, actor } = requireActor(c);
      if (!allowed(actor, 'session.create')) throw errors.forbidden();
      const body = parseBody(scheduleSessionRequestSchema, await readJson(c));
      const locality = repos.localities.locality(body.localityId);
      const target = { localityId: body.localityId };
      authorise('That locality', {
        sees: locality !== undefined && allowed(actor, 'session.read', target),
        may: locality !== undefined && allowed(actor, 'session.create', target),
      });
      const id = randomUUID();
      const now = Date.now();
      repos.transaction(() => {
        repos.consultSessions.insert({
          id,
          locality_id: body.localityId,
          date: body.date,
          facilitator_id: user.id,
          created_at: now,
        });
        repos.audit.record({ actorId: user.id, action: 'created', entity: 'session', entityId: id, now });
        // Cases brought back to the group and waiting for a session of this locality are offered to this one.
        if (body.date > todayInEngland())
          for (const { caseRow, offeredSessionId } of broughtBackCases(repos)) {
            if (offeredSessionId !== null || caseRow.locality_id !== body.localityId) continue;
            repos.cases.submit(caseRow.id, id, now);
            repos.audit.record({
              actorId: user.id,
              action: 'submitted',
              entity: 'case',
              entityId: caseRow.id,
              detail: id,
              now,
            });
          }
      });
      return c.json({ session: view(repos.consultSessions.byId(id) as ConsultSessionRow) }, 201);
    })
    .get('/sessions/:id', (c) => c.json({ session: view(sessionFor(c, repos, 'session.read')) }))
    .post('/sessions/:id/start', (c) => {
      const row = mustBeDraft(sessionFor(c, repos, 'session.run'));
      const { user } = requireActor(c);
      const agenda = agendaSnapshot(row);
      if (agenda.length === 0) throw errors.badRequest('empty_agenda', 'Add a case to the agenda before starting.');
      const missing = agenda.find((item) => {
        const stored = repos.cases.byId(item.id);
        return stored !== undefined && missingConsent({ type: stored.type, consentGiven: stored.consent_given === 1 });
      });
      if (missing) throw errors.consentMissing(missing.reference);
      const now = Date.now();
      const code = freshJoinCode();
      meetings.append(
        row.id,
        // The locality's own template, if it has one (issue 9 item 8): the event keeps it for this session's life.
        sessionStartedEvent(
          agenda,
          (row.locality_id && repos.stageTemplates.stagesOf(row.locality_id)) || DEFAULT_STAGES,
        ),
        { commandId: null, actor: user.id, now },
        () => {
          if (!repos.consultSessions.start(row.id, code, now))
            throw errors.conflict('not_draft', 'The session has already started.');
          repos.audit.record({ actorId: user.id, action: 'started', entity: 'session', entityId: row.id, now });
        },
      );
      return c.json({ session: view(repos.consultSessions.byId(row.id) as ConsultSessionRow) });
    })
    .post('/sessions/:id/notes-token', async (c) => {
      const row = sessionFor(c, repos, 'session.run');
      const body = parseBody(notesTokenRequestSchema, await readJson(c));
      const token = newToken();
      const now = Date.now();
      const { user } = requireActor(c);
      repos.notesTokens.insert(hashToken(token), row.id, body.role, user.id, now, now + NOTES_TOKEN_TTL_MS);
      return c.json({ token });
    });
}
