import {
  type ActionRow,
  COMMAND_TYPES,
  type CommandAck,
  type CommandType,
  commandSchema,
  decide,
  findPersonalData,
  type MeetingEvent,
  type MeetingState,
  mayCommandAs,
  refuse,
  undismissed,
} from '@consultboard/domain';
import type { Repos } from '../db/repos.js';
import { draftPlanOnArrival } from '../plans/draftPlan.js';
import { writePlan } from '../plans/writePlan.js';
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
  if (!mayCommandAs(who.role, type as CommandType, presentedIds(who))) return refuse('forbidden');
  // An account's console acts only while the account may still run this session (ACCESS 'session.run').
  if (!mayStillRun(deps.repos, who)) return refuse('forbidden');
  // A phone the EP removed acts no more, even on a socket that has not been closed yet.
  if (who.role === 'participant' && deps.meetings.state(who.sessionId).removed.includes(who.personId))
    return refuse('participant_removed');

  const parsed = commandSchema.safeParse(raw);
  if (!parsed.success) return refuse('invalid_payload', parsed.error.issues[0]?.message);
  const command = parsed.data;
  // Issue 12, item 5: only the EP's console adds a card from the bank (phones may not mark their own).
  if (command.type === 'card.add' && command.fromBank && who.role !== 'facilitator') return refuse('forbidden');

  // A retry after a reconnect carries the same id: answer as before, apply nothing.
  const earlier = deps.meetings.seqOfCommand(who.sessionId, command.id);
  if (earlier !== undefined) return { ok: true, seq: earlier, duplicate: true };

  let state = deps.meetings.state(who.sessionId);
  // The stored plan is the truth (the SENCO may have written one before the meeting): decide against it.
  if (command.type === 'plan.update') state = withStoredPlan(deps.repos, state, command.caseId);
  const decision = decide(state, command, {
    now,
    author: who.name,
    actorId: who.personId,
    findParticipant: (participantId) => deps.repos.participants.inSession(who.sessionId, participantId),
    // Issue 9 item 3: a presenting SENCO marks only their own case's cards, in the stage for it.
    presenting: who.role === 'participant' ? presentedIds(who) : undefined,
    // Issue 10: a phone's card is checked for personal data (the EP's console is trusted; see DecideContext).
    personalData:
      who.role === 'participant'
        ? (caseId, text) => undismissed(findPersonalData(text), deps.repos.privacy.dismissedKeys(caseId))
        : undefined,
    // Issue 13: a Resource card links only to an entry of this session's locality (or one for all localities).
    findService: (entryId) => {
      const localityId = deps.repos.consultSessions.byId(who.sessionId)?.locality_id;
      return localityId ? deps.repos.directory.service(entryId, localityId) : undefined;
    },
  });
  if (!decision.ok) return decision;

  if (decision.event.type === 'plan.changed') return storePlanChange(deps, who, command.id, decision.event, now);
  const event = deps.meetings.append(
    who.sessionId,
    decision.event,
    { commandId: command.id, actor: who.personId, now },
    decision.event.type === 'session.ended' ? () => deps.repos.consultSessions.end(who.sessionId, now) : undefined,
  );
  if (event.type === 'stage.changed')
    draftPlanOnArrival(deps, who.sessionId, { actor: who.personId, userId: who.userId }, now);
  return { ok: true, seq: event.seq, duplicate: false };
}

/** The case ids a presenting SENCO presents (empty for every other connection). */
function presentedIds(who: SocketIdentity): string[] {
  return (who.presenting ?? []).map((presented) => presented.id);
}

function withStoredPlan(repos: Repos, state: MeetingState, caseId: string): MeetingState {
  const stored = repos.actionPlans.byCase(caseId);
  const plans = { ...state.plans };
  if (stored) plans[caseId] = { version: stored.version, rows: stored.rows };
  else delete plans[caseId];
  return { ...state, plans };
}

/** Publishes a plan edited in the meeting through the one plan write; its event carries the command's id. */
function storePlanChange(
  deps: { repos: Repos; meetings: MeetingStore },
  who: SocketIdentity,
  commandId: string,
  change: { caseId: string; version: number; rows: ActionRow[] },
  now: number,
): CommandAck {
  const written = writePlan(deps, {
    caseId: change.caseId,
    fromVersion: change.version - 1,
    rows: change.rows,
    liveSessionId: who.sessionId,
    sessionId: who.sessionId,
    userId: who.userId,
    actor: who.personId,
    commandId,
    now,
  });
  if (!written.ok) return written;
  // A write into a live session always has its event.
  return { ok: true, seq: (written.event as MeetingEvent).seq, duplicate: false };
}
