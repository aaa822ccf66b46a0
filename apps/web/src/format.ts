import type { SessionStatus } from '@consultboard/domain';

/** A session date (YYYY-MM-DD) as people write it here: "14 March 2026". */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

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
