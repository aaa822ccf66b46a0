import {
  allowed,
  allowedOnCase,
  ERROR_CODES,
  type ErrorCode,
  type MeetingRole,
  PROTOCOL_VERSION,
} from '@consultboard/domain';
import { z } from 'zod';
import { actorOf, caseTarget, sessionTarget } from '../access/actor.js';
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
  /** The signed-in account behind a console, a projector or a presenting SENCO's phone; null for other phones. */
  userId: string | null;
  /**
   * Issue 9 item 3: the agenda cases a presenting SENCO presents (their school's, by ACCESS 'meeting.present'),
   * with their references for the Connected list. Empty for everyone else.
   */
  presenting?: { id: string; reference: string }[];
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
    // A presenting SENCO's token opens the meeting only with their own sign-in beside it: a token alone is a phone's.
    const presenting = participant.user_id === null ? [] : presentingCases(repos, participant, cookieHeader);
    return {
      sessionId: participant.session_id,
      role: 'participant',
      personId: participant.id,
      name: participant.name,
      lastSeq: hello.lastSeq,
      userId: participant.user_id,
      presenting,
    };
  }

  const user = signedIn(repos, cookieHeader);
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
    presenting: [],
  };
}

/** The signed-in account of a request, if its sign-in cookie is current. */
function signedIn(repos: Repos, cookieHeader: string | undefined) {
  const cookie = readCookie(cookieHeader, SESSION_COOKIE);
  return cookie ? repos.authSessions.findUser(hashToken(cookie), Date.now()) : undefined;
}

/**
 * The agenda cases a SENCO may present in this session (ACCESS 'meeting.present' on each case's school), checked
 * against the sign-in that came with the socket: it must be the account the token was given to.
 */
function presentingCases(
  repos: Repos,
  participant: { session_id: string; user_id: string | null },
  cookieHeader: string | undefined,
): { id: string; reference: string }[] {
  const user = signedIn(repos, cookieHeader);
  if (!user || user.id !== participant.user_id) throw new HandshakeRefused('unauthenticated');
  const cases = casesPresentedBy(repos, user.id, participant.session_id);
  if (cases.length === 0) throw new HandshakeRefused('forbidden');
  return cases;
}

/** The cases of a session's agenda that an account may present now (none once it is deactivated or moved). */
export function casesPresentedBy(repos: Repos, userId: string, sessionId: string): { id: string; reference: string }[] {
  const user = repos.users.byId(userId);
  if (!user || user.deactivated_at !== null) return [];
  const actor = actorOf(repos, user);
  return repos.consultSessions.cases(sessionId).flatMap(({ id, reference }) => {
    const row = repos.cases.byId(id);
    return row && allowedOnCase(actor, 'meeting.present', caseTarget(row)) ? [{ id, reference }] : [];
  });
}

/**
 * Whether the account behind a console or projector may still run the session, and a presenting SENCO still
 * present their cases (checked on every command).
 */
export function mayStillRun(repos: Repos, who: SocketIdentity): boolean {
  if (who.userId === null) return true;
  if (who.role === 'participant') return casesPresentedBy(repos, who.userId, who.sessionId).length > 0;
  const user = repos.users.byId(who.userId);
  const session = repos.consultSessions.byId(who.sessionId);
  if (!user || user.deactivated_at !== null || !session) return false;
  return allowed(actorOf(repos, user), 'session.run', sessionTarget(session));
}
