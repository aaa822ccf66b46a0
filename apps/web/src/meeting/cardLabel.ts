/** How many characters of a card's text name it on a button (issue 9, item 7). */
export const CARD_LABEL_LENGTH = 60;

/**
 * A card's text, short enough to name the card on its buttons ("Hide: Visual timetable for transitions"): on one
 * line, and cut at a word near the limit with an ellipsis when longer, so sixteen cards' buttons are told apart
 * without a screen reader reading a whole long card on every button.
 */
export function cardLabel(text: string, length = CARD_LABEL_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const characters = [...line];
  if (characters.length <= length) return line;
  const cut = characters.slice(0, length).join('');
  // The cut ends a word when the next character is a space; otherwise go back to the last whole word.
  const atWord = characters[length] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(atWord > length * 0.6 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
