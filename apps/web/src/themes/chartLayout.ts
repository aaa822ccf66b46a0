/**
 * Where a theme's chart puts things (issue 13 item 3). Each row (a half term, a wait, a strategy, a service) is a
 * group of horizontal bars with its name to the left, in as many lines as the name needs: names that long
 * (a strategy's words, "Autumn 1 2026-27" on a 360 px phone) cannot stand under upright bars without running into
 * each other. Pure, with the text measured by the caller, so it is tested without a browser.
 */

/** The chart's type size and line height, in px (one SVG unit a pixel): 16 px on a phone too. */
export const FONT_SIZE = 16;
export const LINE_HEIGHT = 20;
/** A name takes at most this many lines; the rest is cut with an ellipsis (the table beside has it whole). */
export const MAX_LINES = 4;

/** The text's width in px at the chart's type size. */
export type Measure = (text: string) => number;

/** Breaks a name into lines no wider than `width` where it can, between words; a word wider than that stands alone. */
export function wrapLines(text: string, width: number, measure: Measure, maxLines = MAX_LINES): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && measure(`${last} ${word}`) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

export interface RowLayout {
  /** The top of the row's group, from the top of the plot. */
  top: number;
  height: number;
  lines: string[];
}

/**
 * Each row's place: tall enough for its bars (one a column) and for its name's lines, with a gap between rows.
 * Returns the rows and the plot's whole height.
 */
export function layoutRows(
  labels: readonly string[],
  columns: number,
  labelWidth: number,
  measure: Measure,
): { rows: RowLayout[]; height: number; barHeight: number } {
  const barHeight = columns > 1 ? 14 : 24;
  const gap = columns > 1 ? 14 : 10;
  let top = 0;
  const rows = labels.map((label) => {
    const lines = wrapLines(label, labelWidth, measure);
    const height = Math.max(columns * barHeight, lines.length * LINE_HEIGHT);
    const row = { top, height, lines };
    top += height + gap;
    return row;
  });
  return { rows, height: Math.max(0, top - gap), barHeight };
}

/** The width of the names' column: 40% of the chart, within 7.5 and 15 em. */
export const labelWidthFor = (chartWidth: number) =>
  Math.round(Math.min(15 * FONT_SIZE, Math.max(7.5 * FONT_SIZE, chartWidth * 0.4)));
