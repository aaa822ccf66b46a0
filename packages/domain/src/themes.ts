import { z } from 'zod';
import { REVIEW_OUTCOME_LABELS, REVIEW_OUTCOMES } from './actionPlanRules.js';
import { AREA_OF_NEED_LABELS, AREAS_OF_NEED, CASE_TYPE_LABELS, CASE_TYPES } from './caseLabels.js';
import { text } from './textSchema.js';

/**
 * Themes (issue 13, item 3): what comes up in a locality, half term by half term (`halfTermOf`, the strategy bank's
 * boundaries). Each theme is one table of counts
 * (rows by columns); the page draws it as a chart with the same table beside it, and downloads it as CSV.
 */

/** The themes the page shows, in its order. */
export const THEME_IDS = [
  'cases-by-area',
  'cases-by-type',
  'review-outcomes',
  'requests-waiting',
  'helpful-strategies',
  'directory-used',
] as const;
export type ThemeId = (typeof THEME_IDS)[number];

/** One theme: a table of counts, rows (half terms, or bands, or strategies) by columns (the series). */
export interface ThemeTable {
  id: ThemeId;
  title: string;
  /** What the rows are, as the table's first column heading. */
  rowHeading: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string; values: number[] }[];
  /** A sentence under the chart (e.g. the longest wait), or ''. */
  summary: string;
}

export interface ThemesView {
  /** The range asked for (YYYY-MM-DD, inclusive) and the locality, or null for all the account reaches. */
  from: string;
  to: string;
  localityId: string | null;
  /** The localities the account may choose between. */
  localities: { id: string; name: string }[];
  themes: ThemeTable[];
}

/** The columns of the case themes and the outcomes, in the order of the domain's own lists. */
export const THEME_COLUMNS = {
  areas: [
    ...AREAS_OF_NEED.map((key) => ({ key, label: AREA_OF_NEED_LABELS[key] })),
    { key: 'none', label: 'Not recorded' },
  ],
  types: CASE_TYPES.map((key) => ({ key, label: CASE_TYPE_LABELS[key] })),
  outcomes: REVIEW_OUTCOMES.map((key) => ({ key, label: REVIEW_OUTCOME_LABELS[key] })),
};

/** How long the open requests for EP involvement have waited, in days: the bands of the chart. */
export const WAIT_BANDS = [
  { key: 'under-2-weeks', label: 'Under 2 weeks', fromDays: 0 },
  { key: '2-to-4-weeks', label: '2 to 4 weeks', fromDays: 14 },
  { key: '4-to-8-weeks', label: '4 to 8 weeks', fromDays: 28 },
  { key: '8-weeks-or-more', label: '8 weeks or more', fromDays: 56 },
] as const;

const isoDate = z.iso.date({ message: 'Enter a date as YYYY-MM-DD.' });

/** GET /api/themes and its CSV: the range (at most ten years) and the locality, all optional. */
export const themesQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    localityId: text().min(1).max(64).optional(),
    theme: z.enum(THEME_IDS).optional(),
  })
  .strict()
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'The start of the range must not be after its end.',
    path: ['from'],
  });
export type ThemesQuery = z.infer<typeof themesQuerySchema>;

/**
 * One theme as CSV (RFC 4180, CRLF). A cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or
 * carriage return first) is written with a leading apostrophe, so a strategy's words can never run as one.
 */
export function themeCsv(theme: ThemeTable): string {
  const lines = [
    [theme.rowHeading, ...theme.columns.map((column) => column.label)],
    ...theme.rows.map((row) => [row.label, ...row.values.map(String)]),
  ];
  return `${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
