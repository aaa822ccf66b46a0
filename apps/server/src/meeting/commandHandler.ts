import {
  COMMAND_TYPES,
  type CommandAck,
  type CommandType,
  commandSchema,
  decide,
  mayCommand,
  refuse,
} from '@consultboard/domain';
import type { Repos } from '../db/repos.js';
import { mayStillRun, type SocketIdentity } from './handshake.js';
import type { MeetingStore } from './meetingStore.js';

const KNOWN = new Set<string>(COMMAND_TYPES);

/**
 * Handles one meeting command in four steps: authorise → validate → resolve → publish.
 * Every failure comes back as a refusal value with a stable code; nothing is written unless it is accepted.
 */
export function handleCommand(
  deps: { repos: Repos; meetings: MeetingStore },
  who: SocketIdentity,
  raw: unknown,
  now = Date.now(),
): CommandAck {
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof raw !== 'object' || raw === null || typeof type !== 'string') return refuse('invalid_payload');
  if (!KNOWN.has(type)) return refuse('unknown_command');

  // Authorise before looking closer: a role that may never send this command learns nothing more.
  if (!mayCommand(who.role, type as CommandType)) return refuse('forbidden');
  // An account's console acts only while the account may still run this session (ACCESS 'session.run').
  if (!mayStillRun(deps.repos, who)) return refuse('forbidden');

  const parsed = commandSchema.safeParse(raw);
  if (!parsed.success) return refuse('invalid_payload', parsed.error.issues[0]?.message);
  const command = parsed.data;

  // A retry after a reconnect carries the same id: answer as before, apply nothing.
  const earlier = deps.meetings.seqOfCommand(who.sessionId, command.id);
  if (earlier !== undefined) return { ok: true, seq: earlier, duplicate: true };

  const decision = decide(deps.meetings.state(who.sessionId), command, { now, author: who.name });
  if (!decision.ok) return decision;

  const event = deps.meetings.append(
    who.sessionId,
    decision.event,
    { commandId: command.id, actor: who.personId, now },
    decision.event.type === 'session.ended' ? () => deps.repos.consultSessions.end(who.sessionId, now) : undefined,
  );
  return { ok: true, seq: event.seq, duplicate: false };
}
