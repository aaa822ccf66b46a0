import { describe, expect, it } from 'vitest';
import { rowsToFill } from './actionPlanRules.js';
import { EVIDENCE_PACK_LIMITS, evidencePackQuerySchema } from './evidencePack.js';
import { evidencePackFileName } from './evidencePackRules.js';

const row = (overrides: Partial<Parameters<typeof rowsToFill>[0][number]>) => ({
  id: 'r',
  action: 'Meet and greet at the gate',
  who: 'Class teacher',
  byWhen: '2026-12-04',
  successLooksLike: 'Comes into class calmly',
  reviewDate: '2027-01-15',
  areaOfNeed: null,
  fromCardId: null,
  ...overrides,
});

describe('rowsToFill', () => {
  it('names each row with an empty Who, By when or Success looks like, counting from 1', () => {
    const rows = [
      row({ id: 'a' }),
      row({ id: 'b', who: '  ' }),
      row({ id: 'c', byWhen: '', successLooksLike: '' }),
      row({ id: 'd', reviewDate: '' }),
    ];
    expect(rowsToFill(rows)).toEqual([
      { row: 2, id: 'b', missing: ['who'] },
      { row: 3, id: 'c', missing: ['byWhen', 'successLooksLike'] },
    ]);
    expect(rowsToFill([row({})])).toEqual([]);
  });
});

describe('evidencePackQuerySchema', () => {
  it('takes a range of dates, start first, at most three school years long', () => {
    expect(evidencePackQuerySchema.safeParse({ from: '2026-09-01', to: '2027-07-31' }).success).toBe(true);
    expect(evidencePackQuerySchema.safeParse({ from: '2026-09-01', to: '2026-09-01' }).success).toBe(true);
    expect(evidencePackQuerySchema.safeParse({ from: '2027-07-31', to: '2026-09-01' }).success).toBe(false);
    expect(evidencePackQuerySchema.safeParse({ from: '2020-09-01', to: '2026-09-01' }).success).toBe(false);
    expect(EVIDENCE_PACK_LIMITS.days).toBeGreaterThanOrEqual(3 * 365);
    expect(evidencePackQuerySchema.safeParse({ from: '1 September', to: '2027-07-31' }).success).toBe(false);
    expect(evidencePackQuerySchema.safeParse({ from: '2026-09-01', to: '2027-07-31', school: 'x' }).success).toBe(
      false,
    );
  });

  it('names the file by the range, never a school or a name', () => {
    expect(evidencePackFileName('2026-09-01', '2027-07-31', 'pdf')).toBe('evidence-pack-2026-09-01-to-2027-07-31.pdf');
  });
});
