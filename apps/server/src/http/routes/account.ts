import { randomUUID } from 'node:crypto';
import { setupRequestSchema, signInRequestSchema } from '@consultboard/domain';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../../auth/cookies.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../auth/password.js';
import { hashToken, newToken } from '../../auth/tokens.js';
import { toUserView } from '../../db/users.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { errors } from '../errors.js';
import { clientAddress, readJson, requireUser } from '../middleware.js';
import { parseBody } from '../validate.js';

/** First-run set-up, sign in, sign out, and who am I. */
export function accountRoutes(deps: HttpDeps) {
  const { repos, limiters } = deps;

  function startSession(c: Context<AppEnv>, userId: string): void {
    const token = newToken();
    const now = Date.now();
    repos.authSessions.insert(hashToken(token), userId, now, now + SESSION_TTL_MS);
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: deps.secureCookies,
      path: '/',
      maxAge: SESSION_TTL_MS / 1000,
    });
  }

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
      startSession(c, row.id);
      return c.json({ user: toUserView({ ...row, deactivated_at: null }) }, 201);
    })
    .post('/auth/sign-in', async (c) => {
      const body = parseBody(signInRequestSchema, await readJson(c));
      const address = clientAddress(c);
      const key = `${address}|${body.email}`;
      if (!limiters.signIn.allowed(key) || !limiters.signInPerAddress.allowed(address)) throw errors.rateLimited();
      const user = repos.users.byEmail(body.email);
      const ok = await verifyPassword(body.password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok || user.deactivated_at !== null) {
        limiters.signIn.hit(key);
        limiters.signInPerAddress.hit(address);
        throw errors.badCredentials();
      }
      limiters.signIn.reset(key);
      startSession(c, user.id);
      return c.json({ user: toUserView(user) });
    })
    .post('/auth/sign-out', (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) repos.authSessions.remove(hashToken(token));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .get('/auth/me', (c) => c.json({ user: toUserView(requireUser(c)) }));
}
