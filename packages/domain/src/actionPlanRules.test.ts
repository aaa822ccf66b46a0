import { describe, expect, it } from 'vitest';
import { actionRowSchema } from './actionPlan.js';
import { ACTION_PLAN_LIMITS, actionPlanFileName, draftRowsFromHelpful, nextReviewDate } from './actionPlanRules.js';
import { LIMITS } from './limits.js';
import { buildCard } from './testing/builders.js';

const ids = () => {
  let n = 0;
  return () => `row-${++n}`;
};

describe('draftRowsFromHelpful', () => {
  it('drafts one row per helpful, visible strategy or resource, in the order they were added', () => {
    const cards = [
      buildCard({ id: 'c1', kind: 'strategy', text: 'Meet and greet at the gate', helpful: true }),
      buildCard({ id: 'c2', kind: 'strategy', text: 'Not marked', helpful: false }),
      buildCard({ id: 'c3', kind: 'question', text: 'A helpful question', helpful: true }),
      buildCard({ id: 'c4', kind: 'resource', text: 'Local offer: sensory service', helpful: true }),
      buildCard({ id: 'c5', kind: 'strategy', text: 'Hidden but helpful', helpful: true, hidden: true }),
      buildCard({ id: 'c6', kind: 'affirmation', text: 'Good rapport', helpful: true }),
    ];
    const rows = draftRowsFromHelpful(cards, ids());
    expect(rows.map((row) => [row.id, row.action, row.fromCardId])).toEqual([
      ['row-1', 'Meet and greet at the gate', 'c1'],
      ['row-2', 'Local offer: sensory service', 'c4'],
    ]);
    expect(rows[0]).toMatchObject({ who: '', byWhen: '', successLooksLike: '', reviewDate: '', areaOfNeed: null });
  });

  it('caps the draft at the most rows a plan holds, and keeps each card whole (never cut)', () => {
    const longest = `${'x'.repeat(LIMITS.cardText.max - 3)}end`;
    const cards = Array.from({ length: ACTION_PLAN_LIMITS.rows + 5 }, (_, i) =>
      buildCard({ id: `c${i}`, kind: 'strategy', text: longest, helpful: true }),
    );
    const rows = draftRowsFromHelpful(cards, ids());
    expect(rows).toHaveLength(ACTION_PLAN_LIMITS.rows);
    expect(rows[0]?.action).toBe(longest);
    expect(actionRowSchema.safeParse(rows[0]).success).toBe(true);
  });

  it('leaves out a withdrawn card even if it was marked helpful', () => {
    const cards = [buildCard({ id: 'c1', kind: 'strategy', text: 'Withdrawn', helpful: true, withdrawn: true })];
    expect(draftRowsFromHelpful(cards, ids())).toEqual([]);
  });

  it('drafts nothing when nothing was found helpful', () => {
    expect(draftRowsFromHelpful([buildCard({ kind: 'strategy' })], ids())).toEqual([]);
  });
});

describe('nextReviewDate', () => {
  const rows = (dates: string[]) =>
    draftRowsFromHelpful(
      dates.map((_, i) => buildCard({ id: `c${i}`, kind: 'strategy', helpful: true })),
      ids(),
    ).map((row, i) => ({ ...row, reviewDate: dates[i] ?? '' }));

  it('is the earliest review date set', () => {
    expect(nextReviewDate(rows(['2027-02-01', '', '2026-12-15']))).toBe('2026-12-15');
  });

  it('is null when no row has a review date', () => {
    expect(nextReviewDate(rows(['', '']))).toBeNull();
    expect(nextReviewDate([])).toBeNull();
  });
});

describe('actionPlanFileName', () => {
  it('carries the reference and the date, and nothing else', () => {
    expect(actionPlanFileName('J5M', '2026-11-23', 'docx')).toBe('action-plan-J5M-2026-11-23.docx');
    expect(actionPlanFileName('Year 3 transition', '2026-11-23', 'pdf')).toBe(
      'action-plan-Year-3-transition-2026-11-23.pdf',
    );
  });

  it('keeps quotes and slashes out of the header it goes in', () => {
    expect(actionPlanFileName('"../x"', '2026-11-23', 'pdf')).toBe('action-plan-x-2026-11-23.pdf');
    expect(actionPlanFileName('///', '2026-11-23', 'pdf')).toBe('action-plan-case-2026-11-23.pdf');
  });
});
