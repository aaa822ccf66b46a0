/** Item 5 of issue 9: from what share of a limit a text box shows how much is left. */
export const COUNT_FROM = 0.9;

const number = new Intl.NumberFormat('en-GB');

/** "940 of 1,000" once text reaches 90% of its limit, else null (a counter from the first letter is noise). */
export function limitCount(length: number, limit: number): string | null {
  if (length < Math.ceil(limit * COUNT_FROM)) return null;
  return `${number.format(length)} of ${number.format(limit)}`;
}

/** What a box over its limit says: nothing was cut, and by how much to shorten it. */
export function overLimitMessage(length: number, limit: number): string | null {
  if (length <= limit) return null;
  const over = length - limit;
  return `This is ${number.format(over)} ${over === 1 ? 'character' : 'characters'} over the limit of ${number.format(limit)}. Shorten it to carry on: nothing has been cut.`;
}
