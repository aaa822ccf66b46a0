import { allowed, NOTES_PATH, parseNotesDocName } from '@consultboard/domain';
import { actorOf, sessionTarget } from '../access/actor.js';
import { hashToken } from '../auth/tokens.js';
import type { Repos } from '../db/repos.js';

/** Who a notes connection is, decided once, before the upgrade completes. */
export interface NotesIdentity {
  docName: string;
  caseId: string;
  sessionId: string;
  role: 'participant' | 'facilitator' | 'projector';
  /** A participant's id, or role and account id. */
  personId: string;
  /** Whether its document updates are applied (the projector's never are; nobody's once the session is over). */
  writable: boolean;
}

/** The upgrade is refused with this HTTP status: 401 no or unknown token, 403 anything else. */
export class NotesRefused extends Error {
  constructor(readonly status: 401 | 403 | 503) {
    super(status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : 'another node runs the session');
  }
}

/** Reads the document name and token from an upgrade's URL (`/yjs/<docName>?token=…`). */
export function readNotesRequest(url: string | undefined): { docName: string; token: string | null } {
  const parsed = new URL(url ?? '/', 'http://notes.invalid');
  const prefix = `${NOTES_PATH}/`;
  if (!parsed.pathname.startsWith(prefix)) throw new NotesRefused(403);
  let docName: string;
  try {
    docName = decodeURIComponent(parsed.pathname.slice(prefix.length));
  } catch {
    throw new NotesRefused(403);
  }
  return { docName, token: parsed.searchParams.get('token') };
}

/**
 * Authorises a notes connection: a phone by its participant token while the session is live; the EP's
 * console (writable while live) or the projector (always read-only) by a notes token. The document
 * must be the notes of a case on that session's agenda. Throws NotesRefused.
 */
export function authoriseNotes(repos: Repos, docName: string, token: string | null, now: number): NotesIdentity {
  if (!token || token.length > 200) throw new NotesRefused(401);
  const hash = hashToken(token);
  const who = participantOf(repos, hash) ?? notesTokenHolder(repos, hash, now);
  if (!who) throw new NotesRefused(401);
  const doc = parseNotesDocName(docName);
  if (!doc || !repos.consultSessions.hasCase(who.sessionId, doc.caseId)) throw new NotesRefused(403);
  return { ...who, docName, caseId: doc.caseId };
}

type Holder = Omit<NotesIdentity, 'docName' | 'caseId'>;

function participantOf(repos: Repos, hash: string): Holder | undefined {
  const participant = repos.participants.byToken(hash);
  if (!participant) return undefined;
  // A phone sees nothing before or after the meeting.
  if (participant.session_status !== 'live') throw new NotesRefused(403);
  return { sessionId: participant.session_id, role: 'participant', personId: participant.id, writable: true };
}

function notesTokenHolder(repos: Repos, hash: string, now: number): Holder | undefined {
  const token = repos.notesTokens.find(hash, now);
  if (!token) return undefined;
  // The account must still be allowed to run the session ('session.run' on its locality).
  const user = repos.users.byId(token.user_id);
  const session = repos.consultSessions.byId(token.session_id);
  if (!user || !session || !allowed(actorOf(repos, user), 'session.run', sessionTarget(session)))
    throw new NotesRefused(403);
  return {
    sessionId: token.session_id,
    role: token.role,
    personId: `${token.role}:${token.user_id}`,
    writable: token.role === 'facilitator' && token.session_status === 'live',
  };
}
