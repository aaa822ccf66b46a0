import { describe, expect, it } from 'vitest';
import { HIT_END, HIT_START } from '../../db/minutes.js';
import { snippetParts } from './minutes.js';

const hit = (words: string) => `${HIT_START}${words}${HIT_END}`;

describe('snippetParts', () => {
  it('marks the matched words and keeps the words around them, in order', () => {
    expect(snippetParts(`…Finds ${hit('assembly')} noisy and ${hit('assembly')} hard…`)).toEqual([
      { text: '…Finds ', hit: false },
      { text: 'assembly', hit: true },
      { text: ' noisy and ', hit: false },
      { text: 'assembly', hit: true },
      { text: ' hard…', hit: false },
    ]);
    expect(snippetParts(null)).toEqual([]);
  });

  it('shows where one line of the minutes ended and the next began', () => {
    const parts = snippetParts(`with a key adult\nA quiet ${hit('space')}\n  \nStrategy: Now and next`);
    expect(parts.map((part) => part.text).join('')).toBe('with a key adult · A quiet space · Strategy: Now and next');
    expect(parts.some((part) => part.text.includes('\n'))).toBe(false);
  });
});
