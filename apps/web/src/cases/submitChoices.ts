import type { SessionView } from '@consultboard/domain';

/** The sessions a case can be submitted to: drafts still to come, soonest first. */
export function submitChoices(sessions: readonly SessionView[]): SessionView[] {
  return sessions
    .filter((session) => session.status === 'draft')
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt - b.createdAt);
}
