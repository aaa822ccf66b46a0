import { randomBytes, randomUUID } from 'node:crypto';
import {
  addCaseRequestSchema,
  createSessionRequestSchema,
  DEFAULT_STAGES,
  LIMITS,
  makeJoinCode,
  mayCreateSession,
  mayFacilitate,
  notesTokenRequestSchema,
  parseCaseReference,
  sessionStartedEvent,
} from '@consultboard/domain';
import { type Context, Hono } from 'hono';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { ConsultSessionRow } from '../../db/consultSessions.js';
import { toSessionView } from '../../meeting/sessionViews.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { AppError, errors } from '../errors.js';
import { readJson, requireUser } from '../middleware.js';
import { parseBody } from '../validate.js';

/** How long a notes token for the EP's console or the projector lasts: a long day of meetings. */
const NOTES_TOKEN_TTL_MS = 12 * 60 * 60_000;

/** Scheduling a session, building its agenda, starting it, and opening its notes on the EP's screens. */
export function sessionRoutes(deps: HttpDeps) {
  const { repos, meetings, publicUrl } = deps;
  const view = (row: ConsultSessionRow) => toSessionView(repos, row, publicUrl);

  /** Authorise: the session exists and the caller may run it. Unknown and forbidden look alike to outsiders. */
  function facilitated(c: Context<AppEnv>): ConsultSessionRow {
    const user = requireUser(c);
    const row = repos.consultSessions.byId(c.req.param('id') ?? '');
    if (!row || !mayFacilitate({ userId: user.id, role: user.role }, { facilitatorId: row.facilitator_id })) {
      throw errors.notFound('That session');
    }
    return row;
  }

  function draft(c: Context<AppEnv>): ConsultSessionRow {
    const row = facilitated(c);
    if (row.status !== 'draft')
      throw errors.conflict('not_draft', 'The agenda cannot change once the session has started.');
    return row;
  }

  function freshJoinCode(): string {
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = makeJoinCode((n) => randomBytes(n));
      if (!repos.consultSessions.byLiveCode(code)) return code;
    }
    throw new Error('could not find a free join code');
  }

  return new Hono<AppEnv>()
    .get('/sessions', (c) => {
      const user = requireUser(c);
      if (!mayCreateSession({ userId: user.id, role: user.role })) throw errors.forbidden();
      const rows = repos.consultSessions.list(user.role === 'admin' ? null : user.id);
      return c.json({ sessions: rows.map(view) });
    })
    .post('/sessions', async (c) => {
      const user = requireUser(c);
      if (!mayCreateSession({ userId: user.id, role: user.role })) throw errors.forbidden();
      const body = parseBody(createSessionRequestSchema, await readJson(c));
      const id = randomUUID();
      repos.consultSessions.insert({
        id,
        locality: body.locality,
        date: body.date,
        facilitator_id: user.id,
        created_at: Date.now(),
      });
      return c.json({ session: view(repos.consultSessions.byId(id) as ConsultSessionRow) }, 201);
    })
    .get('/sessions/:id', (c) => c.json({ session: view(facilitated(c)) }))
    .post('/sessions/:id/cases', async (c) => {
      const row = draft(c);
      const body = parseBody(addCaseRequestSchema, await readJson(c));
      const parsed = parseCaseReference(body.reference);
      if (!parsed.ok) throw new AppError(400, 'invalid_reference', parsed.message, { reference: parsed.message });
      repos.transaction(() => {
        const { n, last } = repos.consultSessions.caseCount(row.id);
        if (n >= LIMITS.casesPerSession) {
          throw errors.badRequest('agenda_full', `A session holds at most ${LIMITS.casesPerSession} cases.`);
        }
        repos.consultSessions.insertCase(randomUUID(), row.id, parsed.value, parsed.kind, last + 1);
      });
      return c.json({ session: view(row) }, 201);
    })
    .delete('/sessions/:id/cases/:caseId', (c) => {
      const row = draft(c);
      if (!repos.consultSessions.removeCase(c.req.param('caseId'), row.id)) throw errors.notFound('That case');
      return c.json({ session: view(row) });
    })
    .post('/sessions/:id/start', (c) => {
      const row = draft(c);
      const cases = repos.consultSessions.cases(row.id);
      if (cases.length === 0) throw errors.badRequest('empty_agenda', 'Add a case to the agenda before starting.');
      const now = Date.now();
      const code = freshJoinCode();
      const agenda = cases.map(({ id, reference, kind }) => ({ id, reference, kind }));
      meetings.append(
        row.id,
        sessionStartedEvent(agenda, DEFAULT_STAGES),
        { commandId: null, actor: requireUser(c).id, now },
        () => {
          if (!repos.consultSessions.start(row.id, code, now))
            throw errors.conflict('not_draft', 'The session has already started.');
        },
      );
      return c.json({ session: view(repos.consultSessions.byId(row.id) as ConsultSessionRow) });
    })
    .post('/sessions/:id/notes-token', async (c) => {
      const row = facilitated(c);
      const body = parseBody(notesTokenRequestSchema, await readJson(c));
      const token = newToken();
      const now = Date.now();
      repos.notesTokens.insert(hashToken(token), row.id, body.role, requireUser(c).id, now, now + NOTES_TOKEN_TTL_MS);
      return c.json({ token });
    });
}
