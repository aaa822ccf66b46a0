import { randomUUID } from 'node:crypto';
import { displayNameSchema, joinRequestSchema, normaliseJoinCode } from '@consultboard/domain';
import { Hono } from 'hono';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { AppError, errors } from '../errors.js';
import { clientAddress, readJson } from '../middleware.js';
import { parseBody } from '../validate.js';

/** A phone joins a live session with its join code and a display name, and gets a token for the socket. */
export function joinRoutes(deps: HttpDeps) {
  const { repos, limiters } = deps;
  return new Hono<AppEnv>().post('/join', async (c) => {
    const body = parseBody(joinRequestSchema, await readJson(c));
    const address = clientAddress(c);
    if (!limiters.join.allowed(address)) throw errors.rateLimited();
    const code = normaliseJoinCode(body.code);
    const session = code ? repos.consultSessions.byLiveCode(code) : undefined;
    if (!session) {
      limiters.join.hit(address);
      throw errors.unknownCode();
    }
    // The EP locked the room: those already in stay, nobody new comes in.
    if (deps.meetings.state(session.id).locked) throw errors.roomLocked();
    const name = displayNameSchema.safeParse(body.name);
    if (!name.success) {
      const message = name.error.issues[0]?.message ?? 'Enter your name.';
      throw new AppError(400, 'invalid_payload', message, { name: message });
    }
    const token = newToken();
    repos.participants.insert(randomUUID(), hashToken(token), session.id, name.data, Date.now());
    return c.json({ token, sessionId: session.id, name: name.data });
  });
}
