import { describe, expect, it } from 'vitest';
import { LINE_HEIGHT, labelWidthFor, layoutRows, wrapLines } from './chartLayout';

// Every character 10 px wide: what fits is easy to count.
const measure = (text: string) => text.length * 10;

describe('wrapLines', () => {
  it('breaks between words, never inside one, to the width given', () => {
    expect(wrapLines('Autumn 1 2026-27', 80, measure)).toEqual(['Autumn 1', '2026-27']);
    expect(wrapLines('Communication and interaction', 60, measure)).toEqual(['Communication', 'and', 'interaction']);
    expect(wrapLines('Under 2 weeks', 200, measure)).toEqual(['Under 2 weeks']);
  });

  it('cuts a name past the most lines with an ellipsis', () => {
    const lines = wrapLines('one two three four five six', 30, measure, 4);
    expect(lines).toEqual(['one', 'two', 'three', 'four…']);
  });
});

describe('layoutRows', () => {
  it('makes each row tall enough for its bars and its name, one under the other', () => {
    const { rows, height, barHeight } = layoutRows(['Autumn 1 2026-27', 'Spring 1'], 5, 80, measure);
    expect(barHeight).toBe(14);
    expect(rows[0]).toEqual({ top: 0, height: 70, lines: ['Autumn 1', '2026-27'] });
    expect(rows[1]?.top).toBe(84);
    expect(height).toBe(154);
  });

  it('gives a long name the lines it needs when they are taller than its bar', () => {
    const { rows } = layoutRows(['Social stories before trips and changes to routine'], 1, 120, measure);
    expect(rows[0]?.lines.length).toBeGreaterThan(2);
    expect(rows[0]?.height).toBe((rows[0]?.lines.length ?? 0) * LINE_HEIGHT);
  });
});

describe('labelWidthFor', () => {
  it('gives names 40% of the chart, no less than 7.5 em and no more than 15', () => {
    expect(labelWidthFor(300)).toBe(120);
    expect(labelWidthFor(400)).toBe(160);
    expect(labelWidthFor(640)).toBe(240);
  });
});
