import type { CommandType } from './commands.js';

/** How a connection takes part in a live session. */
export const MEETING_ROLES = ['facilitator', 'participant', 'projector'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

/** Who may send which meeting command: the one table the socket gateway consults. */
export const MEETING_PERMISSIONS: Record<MeetingRole, ReadonlySet<CommandType>> = {
  facilitator: new Set<CommandType>([
    'stage.next',
    'stage.previous',
    'timer.start',
    'timer.pause',
    'timer.extend',
    'case.next',
    'session.end',
    'card.add',
    'card.hide',
    'card.spotlight',
    'card.helpful',
    'plan.update',
    'participant.remove',
    'room.lock',
    // Item 2 of issue 9: a person's own cards only (decide checks the author).
    'card.edit',
    'card.withdraw',
    // Issue 9, item 4 and "Show join code".
    'case.previous',
    'case.goTo',
    'card.merge',
    'card.unmerge',
    'join.show',
    // Issue 10: held cards (Held for checking).
    'card.release',
    'card.remove',
  ]),
  participant: new Set<CommandType>(['card.add', 'card.edit', 'card.withdraw']),
  projector: new Set<CommandType>(),
};

export function mayCommand(role: MeetingRole, command: CommandType): boolean {
  return MEETING_PERMISSIONS[role].has(command);
}

/** Account roles. The first account is an EPS admin, who may also facilitate. */
export const ACCOUNT_ROLES = ['admin', 'ep', 'senco'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];
