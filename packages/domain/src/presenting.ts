import type { Command, CommandType } from './commands.js';
import { type Refusal, refuse } from './errors.js';
import type { MeetingState } from './meeting.js';
import { type MeetingRole, mayCommand } from './permissions.js';

/**
 * The presenting SENCO (issue 9 item 3): a signed-in SENCO whose school's case is on the agenda joins the meeting
 * from the case page. They take part as a phone does (a participant, with a participant's budgets), and may also
 * send these commands, for their own case only (`presenterRefusal`).
 */
export const PRESENTER_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>(['card.helpful']);

/**
 * Whether a connection may send a command: its role's grants (`MEETING_PERMISSIONS`), and a presenting SENCO's.
 * `presenting` is the case ids the server bound to the account at the handshake; a phone never has any.
 */
export function mayCommandAs(role: MeetingRole, type: CommandType, presenting: readonly string[]): boolean {
  if (mayCommand(role, type)) return true;
  return role === 'participant' && presenting.length > 0 && PRESENTER_COMMANDS.has(type);
}

/**
 * Why a presenting SENCO may not mark this card now, or null: the card is a visible card of the case being
 * discussed, that case is one they present, and the meeting is at the stage where helpful cards are marked.
 * The EP's console is not held to this (it passes no `presenting`).
 */
export function presenterRefusal(state: MeetingState, command: Command, presenting: readonly string[]): Refusal | null {
  if (command.type !== 'card.helpful') return null;
  const card = state.cards.find((candidate) => candidate.id === command.cardId);
  if (!card || card.hidden) return refuse('no_such_card');
  const current = state.cases[state.caseIndex];
  if (!current || card.caseId !== current.id || !presenting.includes(current.id)) return refuse('not_your_case');
  if (!state.stages[state.stageIndex]?.marksHelpful) return refuse('not_helpful_stage');
  return null;
}
