import { randomUUID } from 'node:crypto';
import { accessActor, setupRequestSchema, signInRequestSchema } from '@consultboard/domain';
import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { actorOf } from '../../access/actor.js';
import { SESSION_COOKIE } from '../../auth/cookies.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../auth/password.js';
import { hashToken } from '../../auth/tokens.js';
import { isInvited } from '../../db/users.js';
import { accountView, requireActor } from '../access.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { clientAddress, readJson, retryLater } from '../middleware.js';
import { startSignedInSession } from '../signIn.js';
import { parseBody } from '../validate.js';

/** First-run set-up (the first account is an EPS admin), sign in, sign out, and who am I. */
export function accountRoutes(deps: HttpDeps) {
  const { repos, limiters } = deps;

  return new Hono<AppEnv>()
    .get('/setup', (c) => c.json({ needed: repos.users.count() === 0 }))
    .post('/setup', async (c) => {
      const body = parseBody(setupRequestSchema, await readJson(c));
      if (repos.users.count() > 0) throw errors.conflict('already_set_up', 'Consultboard is already set up. Sign in.');
      const row = {
        id: randomUUID(),
        name: body.name,
        email: body.email,
        password_hash: await hashPassword(body.password),
        role: 'admin' as const,
        created_at: Date.now(),
      };
      // Checked again inside a transaction: two set-ups racing through the hash make one account.
      if (!repos.users.insertFirst(row))
        throw errors.conflict('already_set_up', 'Consultboard is already set up. Sign in.');
      startSignedInSession(c, deps, row.id);
      const user = { ...row, deactivated_at: null, school_id: null };
      return c.json({ user: accountView(user, accessActor('admin')) }, 201);
    })
    .post('/auth/sign-in', async (c) => {
      const body = parseBody(signInRequestSchema, await readJson(c));
      // Counted as a failure until the password proves right, so parallel guesses cannot all slip past the limit.
      const attempt = limiters.signIn.begin(clientAddress(c, deps), body.email);
      if ('retryAfterMs' in attempt) throw retryLater(c, attempt.retryAfterMs, tooManySignIns(attempt.retryAfterMs));
      const user = repos.users.byEmail(body.email);
      // An invited account has no password yet: it is checked against the dummy hash, like an unknown e-mail.
      const usable = user && !isInvited(user) && user.deactivated_at === null ? user : undefined;
      const ok = await verifyPassword(body.password, usable?.password_hash ?? DUMMY_HASH);
      if (!usable || !ok) throw errors.badCredentials();
      attempt.succeeded();
      startSignedInSession(c, deps, usable.id);
      return c.json({ user: accountView(usable, actorOf(repos, usable)) });
    })
    .post('/auth/sign-out', (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) repos.authSessions.remove(hashToken(token));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/auth/me', (c) => {
      const { user, actor } = requireActor(c);
      return c.json({ user: accountView(user, actor) });
    });
}

/** Says how long to wait in words: the first waits are seconds, the longest a quarter of an hour. */
function tooManySignIns(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait =
    seconds < 60
      ? `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`
      : `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  return `Too many attempts to sign in. Wait ${wait} and try again.`;
}
