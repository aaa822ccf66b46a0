import { describe, expect, it } from 'vitest';
import { cardLabel } from './cardLabel';

describe('cardLabel', () => {
  it('keeps a short card whole', () => {
    expect(cardLabel('Visual timetable for transitions')).toBe('Visual timetable for transitions');
  });

  it('puts a card on one line', () => {
    expect(cardLabel('Now and next board\n\nat every   transition')).toBe('Now and next board at every transition');
  });

  it('cuts a long card at a word within the first 60 characters, with an ellipsis', () => {
    const text =
      'A calm corner after lunch with a sand timer, and a key adult who checks in at the start of each afternoon';
    const label = cardLabel(text);
    expect(label).toBe('A calm corner after lunch with a sand timer, and a key adult…');
    expect([...label].length).toBeLessThanOrEqual(61);
  });

  it('cuts a long word where it must, and never splits a character made of two code units', () => {
    expect(cardLabel('x'.repeat(200))).toBe(`${'x'.repeat(60)}…`);
    expect(cardLabel('😀'.repeat(70))).toBe(`${'😀'.repeat(60)}…`);
  });
});
