import { acceptInvitationRequestSchema } from '@consultboard/domain';
import { Hono } from 'hono';
import { actorOf } from '../../access/actor.js';
import { hashPassword } from '../../auth/password.js';
import { hashToken } from '../../auth/tokens.js';
import type { UserRow } from '../../db/users.js';
import { accountView } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { readJson } from '../middleware.js';
import { startSignedInSession } from '../signIn.js';
import { parseBody } from '../validate.js';

/** An invited person opens their link (the token is the credential), sets a password and is signed in. */
export function invitationRoutes(deps: HttpDeps) {
  const { repos } = deps;
  const notFound = () => errors.notFound('That invitation');

  function invitee(token: string) {
    const invitation = token.length <= 200 ? repos.invitations.usable(hashToken(token), Date.now()) : undefined;
    const user = invitation ? repos.users.byId(invitation.user_id) : undefined;
    if (!invitation || !user) throw notFound();
    return { invitation, user };
  }

  return new Hono<AppEnv>()
    .get('/invitations/:token', (c) => {
      const { user } = invitee(c.req.param('token'));
      return c.json({ name: user.name, email: user.email, role: user.role });
    })
    .post('/invitations/:token/accept', async (c) => {
      const { invitation, user } = invitee(c.req.param('token'));
      const body = parseBody(acceptInvitationRequestSchema, await readJson(c));
      const passwordHash = await hashPassword(body.password);
      const now = Date.now();
      // Used once: of two racing accepts, the one that marks it used sets the password.
      const accepted = repos.transaction(() => {
        if (!repos.invitations.use(invitation.token_hash, now)) return false;
        if (repos.users.byId(user.id)?.deactivated_at !== null) return false;
        repos.users.setPassword(user.id, passwordHash);
        repos.audit.record({ actorId: user.id, action: 'accepted', entity: 'person', entityId: user.id, now });
        return true;
      });
      if (!accepted) throw notFound();
      startSignedInSession(c, deps, user.id);
      const fresh = repos.users.byId(user.id) as UserRow;
      return c.json({ user: accountView(fresh, actorOf(repos, fresh)) });
    });
}
