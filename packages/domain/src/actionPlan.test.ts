import { describe, expect, it } from 'vitest';
import { actionPlanRequestSchema, actionRowSchema, reviewRequestSchema } from './actionPlan.js';
import { ACTION_PLAN_LIMITS } from './actionPlanRules.js';

const row = (overrides: Record<string, unknown> = {}) => ({
  id: 'r1',
  action: 'Meet and greet at the gate',
  who: 'Class teacher',
  byWhen: '2026-12-01',
  successLooksLike: 'Comes in calmly',
  reviewDate: '2027-01-10',
  areaOfNeed: 'social-emotional-and-mental-health',
  fromCardId: null,
  ...overrides,
});

describe('actionRowSchema', () => {
  it('accepts a full row and trims its text', () => {
    const parsed = actionRowSchema.parse(row({ action: '  Visual timetable \r\n ', who: ' TA ' }));
    expect(parsed.action).toBe('Visual timetable');
    expect(parsed.who).toBe('TA');
  });

  it('accepts blank dates while not yet decided', () => {
    expect(actionRowSchema.safeParse(row({ byWhen: '', reviewDate: '' })).success).toBe(true);
  });

  it.each([
    ['an empty action', { action: '   ' }],
    ['an action too long', { action: 'x'.repeat(ACTION_PLAN_LIMITS.action + 1) }],
    ['who too long', { who: 'x'.repeat(ACTION_PLAN_LIMITS.who + 1) }],
    ['a date that is not one', { byWhen: 'next week' }],
    ['an impossible date', { reviewDate: '2026-02-30' }],
    ['an unknown area of need', { areaOfNeed: 'maths' }],
    ['an extra field', { childName: 'x' }],
    ['no id', { id: '' }],
  ])('refuses %s', (_name, overrides) => {
    expect(actionRowSchema.safeParse(row(overrides)).success).toBe(false);
  });
});

describe('actionPlanRequestSchema', () => {
  it('accepts a plan with its version and rows in order', () => {
    const parsed = actionPlanRequestSchema.parse({ version: 3, rows: [row(), row({ id: 'r2' })] });
    expect(parsed.rows.map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('refuses a row twice, too many rows, a missing or negative version', () => {
    expect(actionPlanRequestSchema.safeParse({ version: 1, rows: [row(), row()] }).success).toBe(false);
    const many = Array.from({ length: ACTION_PLAN_LIMITS.rows + 1 }, (_, i) => row({ id: `r${i}` }));
    expect(actionPlanRequestSchema.safeParse({ version: 1, rows: many }).success).toBe(false);
    expect(actionPlanRequestSchema.safeParse({ rows: [row()] }).success).toBe(false);
    expect(actionPlanRequestSchema.safeParse({ version: -1, rows: [] }).success).toBe(false);
    expect(actionPlanRequestSchema.safeParse({ version: 1.5, rows: [] }).success).toBe(false);
  });

  it('refuses the whole plan when one row is wrong', () => {
    expect(
      actionPlanRequestSchema.safeParse({ version: 1, rows: [row(), row({ id: 'r2', action: '' })] }).success,
    ).toBe(false);
  });
});

describe('reviewRequestSchema', () => {
  const review = (overrides: Record<string, unknown> = {}) => ({
    actions: [{ rowId: 'r1', impact: 'partly', note: ' Calmer most mornings ' }],
    outcome: 'request-ep',
    note: 'The group suggested more EP time.',
    ...overrides,
  });

  it('accepts each impact and outcome', () => {
    for (const impact of ['achieved', 'partly', 'not-yet'])
      for (const outcome of ['continue', 'close', 'bring-back', 'request-ep'])
        expect(
          reviewRequestSchema.safeParse(review({ outcome, actions: [{ rowId: 'r1', impact, note: '' }] })).success,
        ).toBe(true);
    expect(reviewRequestSchema.parse(review()).actions[0]?.note).toBe('Calmer most mornings');
  });

  it.each([
    ['an unknown outcome', { outcome: 'escalate' }],
    ['an unknown impact', { actions: [{ rowId: 'r1', impact: 'great', note: '' }] }],
    ['a note too long', { note: 'x'.repeat(ACTION_PLAN_LIMITS.reviewNote + 1) }],
    ['no outcome', { outcome: undefined }],
    ['an extra field', { senco: 'SENCO A' }],
  ])('refuses %s', (_name, overrides) => {
    expect(reviewRequestSchema.safeParse(review(overrides)).success).toBe(false);
  });
});
