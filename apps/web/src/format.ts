import type { SessionStatus } from '@consultboard/domain';

/** A date (YYYY-MM-DD) as people write it here, "14 March 2026": the domain's rule, as the exports write it. */
export { longDate as formatDate } from '@consultboard/domain';

export const STATUS_LABELS: Record<SessionStatus, string> = {
  draft: 'Draft',
  live: 'Live',
  ended: 'Ended',
};

/** Today's date in the browser's time zone, as a date input wants it. */
export function todayIso(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** A moment (milliseconds) as people read it here: "23 November 2026, 14:05". */
export function formatDateTime(at: number): string {
  return new Date(at).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });
}
