// Dates as people read them, without zod: the server's exports and the web's pages write them the same way.

/** A YYYY-MM-DD date as people read it in England: "23 November 2026" ('' or null gives '', nonsense stays as is). */
export function longDate(date: string | null): string {
  if (!date) return '';
  const parsed = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    parsed,
  );
}
