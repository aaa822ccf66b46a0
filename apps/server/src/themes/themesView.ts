import {
  halfTermLabel,
  REVIEW_IMPACT_LABELS,
  THEME_COLUMNS,
  type ThemeId,
  type ThemesView,
  type ThemeTable,
  WAIT_BANDS,
} from '@consultboard/domain';
import type { Repos } from '../db/repos.js';
import type { ThemeCount, ThemesScope } from '../db/themes.js';

/** A half-term table: one row per half term that has any count, in order, one column per key. */
function byHalfTerm(
  id: ThemeId,
  title: string,
  columns: { key: string; label: string }[],
  counts: ThemeCount[],
  summary = '',
): ThemeTable {
  const rows = new Map<number, number[]>();
  for (const { halfTerm, key, count } of counts) {
    const column = columns.findIndex((candidate) => candidate.key === key);
    if (column < 0) continue;
    const values = rows.get(halfTerm) ?? columns.map(() => 0);
    values[column] = (values[column] ?? 0) + count;
    rows.set(halfTerm, values);
  }
  return {
    id,
    title,
    rowHeading: 'Half term',
    columns,
    rows: [...rows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([halfTerm, values]) => ({ key: String(halfTerm), label: halfTermLabel(halfTerm), values })),
    summary,
  };
}

/** How many of the most helpful strategies the theme lists. */
export const HELPFUL_LISTED = 10;

const days = (count: number) => `${count} ${count === 1 ? 'day' : 'days'}`;

/** Every theme of a scope, as the page and the CSV downloads show them. */
export function themeTables(repos: Repos, scope: ThemesScope, now: number): ThemeTable[] {
  const cases = repos.themes.casesByType(scope);
  const consulted = cases.reduce((sum, count) => sum + count.count, 0);
  const waiting = repos.themes.requestsWaiting(scope, now);
  const bandCounts = new Map(waiting.bands.map((band) => [band.key, band.count]));
  return [
    byHalfTerm(
      'cases-by-area',
      'Cases by area of need',
      THEME_COLUMNS.areas,
      repos.themes.casesByArea(scope),
      `${consulted} ${consulted === 1 ? 'case' : 'cases'} consulted on. A case with more than one area of need counts under each.`,
    ),
    byHalfTerm('cases-by-type', 'Cases by type', THEME_COLUMNS.types, cases),
    byHalfTerm(
      'review-outcomes',
      'Review outcomes',
      THEME_COLUMNS.outcomes,
      repos.themes.reviewOutcomes(scope),
      "Each case's latest review, by the half term it was recorded in.",
    ),
    {
      id: 'requests-waiting',
      title: 'Requests for EP involvement still waiting',
      rowHeading: 'Waiting',
      columns: [{ key: 'open', label: 'Open requests' }],
      rows: WAIT_BANDS.map((band) => ({ key: band.key, label: band.label, values: [bandCounts.get(band.key) ?? 0] })),
      summary:
        waiting.open === 0
          ? 'No request for EP involvement is waiting.'
          : `${waiting.open} waiting; the median wait is ${days(waiting.medianDays ?? 0)}, the longest ${days(waiting.longestDays ?? 0)}.`,
    },
    {
      id: 'helpful-strategies',
      title: 'Most helpful strategies and resources',
      rowHeading: 'Strategy or resource',
      columns: [
        { key: 'chosen', label: 'Chosen as helpful' },
        { key: 'achieved', label: REVIEW_IMPACT_LABELS.achieved },
        { key: 'partly', label: REVIEW_IMPACT_LABELS.partly },
        { key: 'not-yet', label: REVIEW_IMPACT_LABELS['not-yet'] },
      ],
      rows: repos.themes.helpfulStrategies(scope, HELPFUL_LISTED).map((entry) => ({
        key: entry.key,
        label: entry.label,
        values: [entry.chosen, entry.achieved, entry.partly, entry.notYet],
      })),
      summary: `The ${HELPFUL_LISTED} chosen most often in the strategy bank, with how the actions that came from them worked out at their latest review.`,
    },
    {
      id: 'directory-used',
      title: 'Directory services most signposted',
      rowHeading: 'Service',
      columns: [{ key: 'cases', label: 'Cases' }],
      rows: repos.themes.directoryUsed(scope, HELPFUL_LISTED).map((entry) => ({
        key: entry.key,
        label: entry.label,
        values: [entry.cases],
      })),
      summary: `The ${HELPFUL_LISTED} services of the directory the action plans link to most, by the cases consulted on.`,
    },
  ];
}

/** The page's answer: the scope asked for, the localities on offer, and every theme. */
export function themesView(
  repos: Repos,
  scope: ThemesScope & { localityId: string | null },
  localities: { id: string; name: string }[],
  now: number,
): ThemesView {
  return {
    from: scope.from,
    to: scope.to,
    localityId: scope.localityId,
    localities,
    themes: themeTables(repos, scope, now),
  };
}
