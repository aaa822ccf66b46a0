import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { actorOf } from '../access/actor.js';
import { SESSION_COOKIE } from '../auth/cookies.js';
import { hashToken } from '../auth/tokens.js';
import type { UserRow } from '../db/users.js';
import type { AppEnv, HttpDeps } from './context.js';
import { errors } from './errors.js';

/** Loads the signed-in account (or null) from the session cookie, with where it belongs for the ACCESS table. */
export function loadUser(deps: HttpDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const user = token ? (deps.repos.authSessions.findUser(hashToken(token), Date.now()) ?? null) : null;
    c.set('user', user);
    c.set('actor', user ? actorOf(deps.repos, user) : null);
    await next();
  };
}

/**
 * Refuses state-changing requests from other sites: they must be JSON (which a cross-site form cannot
 * send without a preflight) and, when the browser names an Origin, come from ours.
 */
export function sameSiteOnly(deps: HttpDeps): MiddlewareHandler<AppEnv> {
  const allowed = new URL(deps.publicUrl).origin;
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS') {
      const origin = c.req.header('origin');
      if (origin && origin !== allowed && origin !== requestOrigin(c)) throw errors.crossSite();
      const type = c.req.header('content-type') ?? '';
      if (!type.toLowerCase().startsWith('application/json')) throw errors.unsupportedMediaType();
    }
    await next();
  };
}

function requestOrigin(c: Context): string | undefined {
  const host = c.req.header('host');
  return host ? `${new URL(c.req.url).protocol}//${host}` : undefined;
}

/** The signed-in account, or a 401. */
export function requireUser(c: Context<AppEnv>): UserRow {
  const user = c.get('user');
  if (!user) throw errors.unauthenticated();
  return user;
}

/** The caller's network address, for rate limits. */
export function clientAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Reads and parses a JSON body; anything unreadable is a clear 400. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw errors.badRequest('invalid_json', 'The request body is not valid JSON.');
  }
}
