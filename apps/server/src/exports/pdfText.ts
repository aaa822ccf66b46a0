/**
 * pdfmake lays text out in time that grows with the square of two lengths: a word too wide for its line (it
 * measures what is left of the word again for each line the word fills) and the words of one paragraph (it copies
 * the words still to place for each word it places). A stage's notes may hold a megabyte in one paragraph or one
 * word, which took minutes; cut as below, every text is laid out in time that grows with its length. Ordinary text
 * (words shorter than a piece, paragraphs shorter than a chunk) is handed over exactly as before.
 */

/** The longest run of characters without a space handed to pdfmake as one piece. */
export const WORD_PIECE = 200;
/** The longest text of one paragraph node. */
export const PARAGRAPH_CHUNK = 2000;

const LONG_WORD = new RegExp(`\\S{${WORD_PIECE + 1},}`, 'g');
const HAS_LONG_WORD = new RegExp(`\\S{${WORD_PIECE + 1}}`);

/**
 * A text as pdfmake's inline content: a long word is handed over in pieces. pdfmake keeps pieces with no break
 * between them on one line as far as they fit and wraps them at the line's edge, as it would the whole word.
 */
export function inlineText(text: string): string | string[] {
  if (!HAS_LONG_WORD.test(text)) return text;
  const pieces: string[] = [];
  let from = 0;
  for (const match of text.matchAll(LONG_WORD)) {
    if (match.index > from) pieces.push(text.slice(from, match.index));
    for (let at = 0; at < match[0].length; at += WORD_PIECE) pieces.push(match[0].slice(at, at + WORD_PIECE));
    from = match.index + match[0].length;
  }
  if (from < text.length) pieces.push(text.slice(from));
  return pieces;
}

/**
 * A paragraph cut into chunks of at most PARAGRAPH_CHUNK characters, each laid out as a paragraph of its own:
 * after a space where there is one (a very long paragraph gains a line break every few hundred words).
 */
export function paragraphChunks(text: string): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > PARAGRAPH_CHUNK) {
    const space = rest.lastIndexOf(' ', PARAGRAPH_CHUNK);
    const cut = space > 0 ? space + 1 : PARAGRAPH_CHUNK;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut);
  }
  chunks.push(rest);
  return chunks;
}
