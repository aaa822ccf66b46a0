import type { Context } from 'hono';
import { setCookie } from 'hono/cookie';
import { SESSION_COOKIE, SESSION_TTL_MS } from '../auth/cookies.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { AppEnv, HttpDeps } from './context.js';

/** Signs an account in on this browser: a fresh session token, stored hashed, in an httpOnly cookie. */
export function startSignedInSession(c: Context<AppEnv>, deps: HttpDeps, userId: string): void {
  const token = newToken();
  const now = Date.now();
  deps.repos.authSessions.insert(hashToken(token), userId, now, now + SESSION_TTL_MS);
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: deps.secureCookies,
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}
