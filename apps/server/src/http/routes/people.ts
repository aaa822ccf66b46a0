import { randomUUID } from 'node:crypto';
import { allowed, type InvitationView, inviteRequestSchema } from '@consultboard/domain';
import { Hono } from 'hono';
import { hashToken, newToken } from '../../auth/tokens.js';
import { PEOPLE_CURSOR, type UserRow } from '../../db/users.js';
import { requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { pageRequest } from '../paging.js';
import { toPersonView } from '../peopleViews.js';
import { parseBody } from '../validate.js';

/** An invitation link works for seven days. */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60_000;

/** The admin's people: list, invite (a link shown once) and deactivate. Every route needs 'person.manage'. */
export function peopleRoutes(deps: HttpDeps) {
  const { repos } = deps;

  function manager(c: Parameters<typeof requireActor>[0]) {
    const who = requireActor(c);
    if (!allowed(who.actor, 'person.manage')) throw errors.forbidden();
    return who;
  }

  function refuseField(code: string, field: string, message: string): never {
    throw errors.field(code, field, message);
  }

  return new Hono<AppEnv>()
    .get('/people', (c) => {
      manager(c);
      const page = repos.users.page(pageRequest(c, PEOPLE_CURSOR));
      return c.json({ people: page.items.map((row) => toPersonView(repos, row)), next: page.next });
    })
    .post('/people/invite', async (c) => {
      const { user } = manager(c);
      const body = parseBody(inviteRequestSchema, await readJson(c));
      if (repos.users.byEmail(body.email))
        throw errors.conflict('email_taken', 'There is an account with that e-mail address already.');
      if (body.role === 'ep') {
        for (const localityId of body.localityIds)
          if (!repos.localities.locality(localityId))
            refuseField('unknown_locality', 'localityIds', 'Choose from the localities.');
      } else if (!repos.localities.school(body.schoolId)) {
        refuseField('unknown_school', 'schoolId', 'Choose one of the schools.');
      }
      const now = Date.now();
      const id = randomUUID();
      const token = newToken();
      const expiresAt = now + INVITATION_TTL_MS;
      repos.transaction(() => {
        repos.users.insert({
          id,
          name: body.name,
          email: body.email,
          password_hash: '',
          role: body.role,
          created_at: now,
          school_id: body.role === 'senco' ? body.schoolId : null,
        });
        if (body.role === 'ep') for (const localityId of body.localityIds) repos.users.addLocality(id, localityId);
        repos.invitations.insert(hashToken(token), id, now, expiresAt);
        repos.audit.record({ actorId: user.id, action: 'invited', entity: 'person', entityId: id, now });
      });
      const invitation: InvitationView = {
        person: toPersonView(repos, repos.users.byId(id) as UserRow),
        inviteUrl: `${deps.publicUrl}/invite/${token}`,
        expiresAt,
      };
      return c.json(invitation, 201);
    })
    .post('/people/:id/deactivate', (c) => {
      const { user } = manager(c);
      const person = repos.users.byId(c.req.param('id'));
      if (!person) throw errors.notFound('That person');
      if (person.id === user.id)
        throw errors.conflict('cannot_deactivate_self', 'You cannot deactivate your own account.');
      const now = Date.now();
      repos.transaction(() => {
        if (!repos.users.deactivate(person.id, now)) return;
        repos.authSessions.removeAllOf(person.id);
        repos.notesTokens.revokeAllOf(person.id);
        repos.invitations.revokeAllOf(person.id, now);
        repos.audit.record({ actorId: user.id, action: 'deactivated', entity: 'person', entityId: person.id, now });
      });
      // Their open screens go at once: the cookie is gone, and so are their sockets.
      deps.live.endUser(person.id);
      return c.json({ person: toPersonView(repos, repos.users.byId(person.id) as UserRow) });
    });
}
