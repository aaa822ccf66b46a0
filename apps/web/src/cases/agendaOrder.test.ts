import { describe, expect, it } from 'vitest';
import { addCase, moveCase, removeCase } from './agendaOrder';

describe('agenda order', () => {
  it('moves a case up and down, and not past either end', () => {
    expect(moveCase(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveCase(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveCase(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveCase(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('adds a case once at the end and removes it', () => {
    expect(addCase(['a'], 'b')).toEqual(['a', 'b']);
    expect(addCase(['a', 'b'], 'a')).toEqual(['a', 'b']);
    expect(removeCase(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });
});
