import type { MeetingRole, Participant } from '@consultboard/domain';

const ROLE_LABELS: Record<MeetingRole, string> = {
  facilitator: 'Facilitator',
  participant: 'Participant',
  projector: 'Board',
};

/**
 * How the room lists a person: their role, or "Presenting SENCO" with the cases they present (issue 9 item 3).
 * The server sets `presents` only for a SENCO who joined from their own case page, bound to their account.
 */
export function presenceLabel(person: Pick<Participant, 'role' | 'presents'>): string {
  if (person.presents?.length) return `Presenting SENCO: ${person.presents.join(', ')}`;
  return ROLE_LABELS[person.role];
}
