import { describe, expect, it } from 'vitest';
import { fitColumns } from './tableColumns.js';
import { textWidth, widestWord } from './textWidth.js';

describe('textWidth', () => {
  it('measures by Helvetica widths, bold wider, anything outside ASCII as the widest', () => {
    expect(textWidth('Communication', 10)).toBeCloseTo(69.46, 2);
    expect(textWidth('Communication', 10, true)).toBeGreaterThan(textWidth('Communication', 10));
    expect(textWidth('é', 10)).toBe(10);
    expect(widestWord('Social, emotional and mental health', 10)).toBe(textWidth('emotional', 10));
  });
});

describe('fitColumns', () => {
  const header = ['Action', 'Who', 'Area of need'];
  const fit = { weights: [6, 2, 1], width: 450, fontSize: 9 };

  it('shares the width by weight when every word fits', () => {
    const widths = fitColumns(header, [['Meet at the gate', 'Class teacher', 'Sensory']], fit);
    expect(widths.reduce((a, b) => a + b)).toBeCloseTo(450);
    expect(widths[0]).toBeCloseTo(300);
  });

  it('widens a column to its widest word and takes the width from the others', () => {
    const widths = fitColumns(header, [['Meet at the gate', 'Class teacher', 'Communication and interaction']], fit);
    expect(widths[2]).toBeGreaterThanOrEqual(widestWord('Communication', 9));
    expect(widths.reduce((a, b) => a + b)).toBeCloseTo(450);
    expect(widths[0]).toBeLessThan(300);
  });

  it('breaks only a word wider than its share of the table', () => {
    const wide = ['x'.repeat(400), 'y'.repeat(400), 'Communication'];
    const widths = fitColumns(header, [wide], fit);
    expect(widths.reduce((a, b) => a + b)).toBeCloseTo(450);
    expect(widths[2]).toBeGreaterThanOrEqual(widestWord('Communication', 9));
    expect(widths[0]).toBeLessThan(textWidth(wide[0] as string, 9));
  });

  it("keeps a whole column's cells on one line", () => {
    const widths = fitColumns(['Action', 'By when'], [['Meet at the gate', '15 January 2027']], {
      weights: [9, 1],
      width: 450,
      fontSize: 9,
      whole: [1],
    });
    expect(widths[1]).toBeGreaterThanOrEqual(textWidth('15 January 2027', 9));
  });
});
