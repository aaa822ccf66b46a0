/** Today's date where the service runs (England), as YYYY-MM-DD. */
export function todayInEngland(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/** A YYYY-MM-DD date moved by a number of days. */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** A YYYY-MM-DD date as people read it in England: one rule for the exports and the pages, in the domain. */
export { longDate } from '@consultboard/domain';
