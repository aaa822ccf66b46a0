import { textWidth, widestWord } from './textWidth.js';

export interface ColumnFit {
  /** Each column's share of the width when nothing needs more (they need not add up to 1). */
  weights: readonly number[];
  /** The width for the columns' text, in points (what is left of the table's width after padding and rules). */
  width: number;
  fontSize: number;
  /** A column is never given more than this share of the width for one word: a longer word is broken. */
  maxShare?: number;
  /** Columns whose cells are kept on one line (dates): as wide as their widest cell, not their widest word. */
  whole?: readonly number[];
}

/**
 * Column widths (points of text, per column) at which no word of the table is broken across lines: each column is
 * at least as wide as its widest word (the header's in bold), and the width left over is shared by the weights.
 * Only a word wider than `maxShare` of the table (a long link, a run of letters) is still broken.
 */
export function fitColumns(header: readonly string[], rows: readonly (readonly string[])[], fit: ColumnFit): number[] {
  const maxShare = fit.maxShare ?? 0.4;
  const whole = new Set(fit.whole ?? []);
  const measure = (column: number) => (text: string) =>
    whole.has(column) ? textWidth(text, fit.fontSize) : widestWord(text, fit.fontSize);
  // A point to spare per column: the renderers round widths and measure kerning their own way.
  const least = header.map((label, column) =>
    Math.min(
      fit.width * maxShare,
      1 + Math.max(widestWord(label, fit.fontSize, true), ...rows.map((cells) => measure(column)(cells[column] ?? ''))),
    ),
  );
  const total = least.reduce((sum, width) => sum + width, 0);
  if (total >= fit.width) return least.map((width) => (width * fit.width) / total);
  // Share the width by weight; a column whose share is less than its widest word takes that word's width, and the
  // rest is shared again among the others, until every share holds its words.
  const widths = least.map(() => 0);
  const fixed = new Set<number>();
  for (;;) {
    const free = fit.weights.map((_, i) => i).filter((i) => !fixed.has(i));
    const left = fit.width - [...fixed].reduce((sum, i) => sum + (least[i] ?? 0), 0);
    const weight = free.reduce((sum, i) => sum + (fit.weights[i] ?? 0), 0);
    const short = free.filter((i) => (left * (fit.weights[i] ?? 0)) / weight < (least[i] ?? 0));
    if (short.length === 0) {
      for (const i of free) widths[i] = (left * (fit.weights[i] ?? 0)) / weight;
      for (const i of fixed) widths[i] = least[i] ?? 0;
      return widths;
    }
    for (const i of short) fixed.add(i);
  }
}
