import { describe, expect, it } from 'vitest';
import { inlineText, PARAGRAPH_CHUNK, paragraphChunks, WORD_PIECE } from './pdfText.js';

describe('inlineText', () => {
  it('hands ordinary text over unchanged, so the PDF is laid out as before', () => {
    const text = 'Settles after a movement break. See https://www.example.org/local-offer/wellbeing for more.';
    expect(inlineText(text)).toBe(text);
    expect(inlineText('x'.repeat(WORD_PIECE))).toBe('x'.repeat(WORD_PIECE));
  });

  it('cuts a long word into pieces no longer than a piece, keeping every character in order', () => {
    const word = 'W'.repeat(WORD_PIECE * 3 + 7);
    const text = `Before ${word} after`;
    const pieces = inlineText(text) as string[];
    expect(Array.isArray(pieces)).toBe(true);
    expect(pieces.join('')).toBe(text);
    expect(Math.max(...pieces.map((piece) => piece.replace(/^ +| +$/g, '').length))).toBeLessThanOrEqual(WORD_PIECE);
    expect(pieces[0]).toBe('Before ');
    expect(pieces.at(-1)).toBe(' after');
  });
});

describe('paragraphChunks', () => {
  it('leaves a paragraph of ordinary length whole', () => {
    const text = 'A paragraph. '.repeat(100).trim();
    expect(paragraphChunks(text)).toEqual([text]);
  });

  it('cuts a long paragraph after spaces into chunks no longer than a chunk, losing no word', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const chunks = paragraphChunks(text);
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(PARAGRAPH_CHUNK);
    expect(chunks.join(' ')).toBe(text);
  });

  it('cuts a paragraph with no space at all every chunk', () => {
    const text = 'x'.repeat(PARAGRAPH_CHUNK * 2 + 5);
    expect(paragraphChunks(text).map((chunk) => chunk.length)).toEqual([PARAGRAPH_CHUNK, PARAGRAPH_CHUNK, 5]);
  });
});
