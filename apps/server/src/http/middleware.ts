import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { actorOf } from '../access/actor.js';
import { clientAddressFrom } from '../auth/clientAddress.js';
import { SESSION_COOKIE } from '../auth/cookies.js';
import { isAllowedOrigin } from '../auth/origin.js';
import { hashToken } from '../auth/tokens.js';
import type { UserRow } from '../db/users.js';
import type { AppEnv, HttpDeps } from './context.js';
import { type AppError, errors } from './errors.js';

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
 * send without a preflight) and, when the browser names an Origin, come from one of ours (PUBLIC_URL's or
 * ALLOWED_ORIGINS). The Host header does not count: under DNS rebinding it is the attacker's name.
 */
export function sameSiteOnly(deps: HttpDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.req.method !== 'OPTIONS') {
      if (!isAllowedOrigin(c.req.header('origin'), deps.allowedOrigins)) throw errors.crossSite();
      const type = c.req.header('content-type') ?? '';
      if (!type.toLowerCase().startsWith('application/json')) throw errors.unsupportedMediaType();
    }
    await next();
  };
}

/** The signed-in account, or a 401. */
export function requireUser(c: Context<AppEnv>): UserRow {
  const user = c.get('user');
  if (!user) throw errors.unauthenticated();
  return user;
}

/** The caller's network address, for rate limits: X-Forwarded-For counts only as far as TRUST_PROXY says. */
export function clientAddress(c: Context<AppEnv>, deps: Pick<HttpDeps, 'trustProxy'>): string {
  let peer = 'unknown';
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Not on a Node socket (app.request in a unit test): one shared key.
  }
  return clientAddressFrom(peer, c.req.header('x-forwarded-for'), deps.trustProxy);
}

/** A 429 that tells the client when to try again (Retry-After, in whole seconds). */
export function retryLater(c: Context<AppEnv>, retryAfterMs: number, message: string): AppError {
  c.header('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
  return errors.rateLimited(message);
}

/** Reads and parses a JSON body; anything unreadable is a clear 400. */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw errors.badRequest('invalid_json', 'The request body is not valid JSON.');
  }
}
