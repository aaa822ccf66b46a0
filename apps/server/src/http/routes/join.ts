import { randomUUID } from 'node:crypto';
import {
  displayNameSchema,
  type JoinResponse,
  joinRequestSchema,
  REPLAY_PAGE,
  readJoinCode,
} from '@consultboard/domain';
import { Hono } from 'hono';
import { hashToken, newToken } from '../../auth/tokens.js';
import type { AppEnv, HttpDeps } from '../context.js';
import { AppError, errors } from '../errors.js';
import { clientAddress, readJson, retryLater } from '../middleware.js';
import { parseBody } from '../validate.js';

const TOO_MANY_WITH_CODE = 'Too many people joined with this code just now. Wait a moment and try again.';
const TOO_MANY_FROM_HERE = 'Too many people joined from this network just now. Wait a moment and try again.';

/** A phone joins a live session with its join code and a display name, and gets a token for the socket. */
export function joinRoutes(deps: HttpDeps) {
  const { repos, limiters } = deps;
  return new Hono<AppEnv>().post('/join', async (c) => {
    const body = parseBody(joinRequestSchema, await readJson(c));
    const address = clientAddress(c, deps);
    // Wrong codes are limited strictly per address, so guessing a code stays slow; while limited, every code waits.
    const guessing = limiters.joinFailures.retryAfterMs(address);
    if (guessing > 0) throw retryLater(c, guessing, 'Too many wrong join codes. Wait a few minutes and try again.');
    // Item 6 of issue 9: a code that cannot be one says why (which characters codes never use), and still
    // counts as a wrong code, so guessing stays as slow as before.
    const reading = readJoinCode(body.code);
    if (!reading.ok) {
      limiters.joinFailures.hit(address);
      throw new AppError(400, 'invalid_join_code', reading.message, { code: reading.message });
    }
    const session = repos.consultSessions.byLiveCode(reading.code);
    if (!session) {
      limiters.joinFailures.hit(address);
      throw errors.unknownCode();
    }
    // The EP locked the room: those already in stay, nobody new comes in.
    if (deps.meetings.state(session.id).locked) throw errors.roomLocked();
    const name = displayNameSchema.safeParse(body.name);
    if (!name.success) {
      const message = name.error.issues[0]?.message ?? 'Enter your name.';
      throw new AppError(400, 'invalid_payload', message, { name: message });
    }
    // Successful joins are limited per session and per address: a room arriving at once passes, a flood does not.
    const perCode = limiters.joinsPerCode.waitMs(session.id);
    if (perCode > 0) throw retryLater(c, perCode, TOO_MANY_WITH_CODE);
    const perAddress = limiters.joinsPerAddress.waitMs(address);
    if (perAddress > 0) throw retryLater(c, perAddress, TOO_MANY_FROM_HERE);
    limiters.joinsPerCode.take(session.id);
    limiters.joinsPerAddress.take(address);
    const token = newToken();
    repos.participants.insert(randomUUID(), hashToken(token), session.id, name.data, Date.now());
    // The meeting as the phone's socket would replay it, so the phone shows the stage (and its card box) at once
    // and its socket asks only for what came after. A meeting too big for one replay page comes over the socket.
    const view = deps.meetings.roomView(session.id);
    const answer: JoinResponse = { token, sessionId: session.id, name: name.data };
    if (view.bytes <= REPLAY_PAGE.bytes) answer.meeting = view.state;
    return c.json(answer);
  });
}
