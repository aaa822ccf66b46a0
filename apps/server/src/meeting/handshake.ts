import { allowed, ERROR_CODES, type ErrorCode, type MeetingRole, PROTOCOL_VERSION } from '@consultboard/domain';
import { z } from 'zod';
import { actorOf, sessionTarget } from '../access/actor.js';
import { readCookie, SESSION_COOKIE } from '../auth/cookies.js';
import { hashToken } from '../auth/tokens.js';
import type { Repos } from '../db/repos.js';

const base = { protocol: z.number().int(), lastSeq: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) };
const handshakeSchema = z.union([
  z.object({ ...base, token: z.string().min(1).max(200) }).strict(),
  z.object({ ...base, sessionId: z.string().min(1).max(64), role: z.enum(['facilitator', 'projector']) }).strict(),
]);

/** Who a meeting socket is, once its handshake has been checked. */
export interface SocketIdentity {
  sessionId: string;
  role: MeetingRole;
  /** Stable across a person's tabs: the participant's id, or role and account id. */
  personId: string;
  name: string;
  lastSeq: number;
  /** The signed-in account behind a console or projector; null for a phone. */
  userId: string | null;
}

/** One person within one meeting (an account's role and id are the same in every meeting it runs). */
export function personIn(who: Pick<SocketIdentity, 'sessionId' | 'personId'>): string {
  return `${who.sessionId}\u0000${who.personId}`;
}

export class HandshakeRefused extends Error {
  readonly data: { code: ErrorCode; message: string };
  constructor(code: ErrorCode) {
    super(code);
    this.data = { code, message: ERROR_CODES[code] };
  }
}

/**
 * Authenticates a meeting socket: a phone by its participant token (valid only while the session is
 * live), the EP's console and projector by the sign-in cookie of an account that may run the session
 * ('session.run' on the session's locality).
 */
export function identify(repos: Repos, auth: unknown, cookieHeader: string | undefined): SocketIdentity {
  const parsed = handshakeSchema.safeParse(auth);
  if (!parsed.success) {
    const protocol = (auth as { protocol?: unknown } | null)?.protocol;
    throw new HandshakeRefused(
      typeof protocol === 'number' && protocol !== PROTOCOL_VERSION ? 'protocol_mismatch' : 'unauthenticated',
    );
  }
  const hello = parsed.data;
  if (hello.protocol !== PROTOCOL_VERSION) throw new HandshakeRefused('protocol_mismatch');

  if ('token' in hello) {
    const hash = hashToken(hello.token);
    const participant = repos.participants.byToken(hash);
    if (!participant)
      throw new HandshakeRefused(repos.participants.wasRemoved(hash) ? 'participant_removed' : 'unauthenticated');
    if (participant.session_status !== 'live') throw new HandshakeRefused('session_not_live');
    return {
      sessionId: participant.session_id,
      role: 'participant',
      personId: participant.id,
      name: participant.name,
      lastSeq: hello.lastSeq,
      userId: null,
    };
  }

  const cookie = readCookie(cookieHeader, SESSION_COOKIE);
  const user = cookie ? repos.authSessions.findUser(hashToken(cookie), Date.now()) : undefined;
  if (!user) throw new HandshakeRefused('unauthenticated');
  const session = repos.consultSessions.byId(hello.sessionId);
  if (!session || !allowed(actorOf(repos, user), 'session.run', sessionTarget(session))) {
    throw new HandshakeRefused('forbidden');
  }
  return {
    sessionId: session.id,
    role: hello.role,
    personId: `${hello.role}:${user.id}`,
    name: hello.role === 'projector' ? 'Projector' : user.name,
    lastSeq: hello.lastSeq,
    userId: user.id,
  };
}

/** Whether the account behind a console or projector may still run the session (checked on every command). */
export function mayStillRun(repos: Repos, who: SocketIdentity): boolean {
  if (who.userId === null) return true;
  const user = repos.users.byId(who.userId);
  const session = repos.consultSessions.byId(who.sessionId);
  if (!user || user.deactivated_at !== null || !session) return false;
  return allowed(actorOf(repos, user), 'session.run', sessionTarget(session));
}
