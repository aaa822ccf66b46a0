/** The first day of the school year a date is in (1 September), as YYYY-MM-DD: where the pack's range starts. */
export function schoolYearStart(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return `${month >= 9 ? year : year - 1}-09-01`;
}

/** What is wrong with a range before asking the server (which checks it again), by field. */
export function rangeProblems(from: string, to: string): Partial<Record<'from' | 'to', string>> {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  const problems: Partial<Record<'from' | 'to', string>> = {};
  if (!date.test(from)) problems.from = 'Enter the first day.';
  if (!date.test(to)) problems.to = 'Enter the last day.';
  else if (date.test(from) && from > to) problems.to = 'The last day comes after the first.';
  return problems;
}
