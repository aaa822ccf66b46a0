import { describe, expect, it } from 'vitest';
import { findPersonalData } from './privacy/detector.js';
import { findingKey } from './privacy/findings.js';
import { findingContext, privacyReplaceRequestSchema, replaceFindings, replacementChoices } from './privacyCheck.js';

describe('Check before keeping, its pure parts (issue 10, item 4)', () => {
  it('shows a finding with a few words either side, cut at a space', () => {
    const source = `${'Morning routines are hard and the walk to school is long. '.repeat(2)}Ben Smith is tired.`;
    const start = source.indexOf('Ben');
    const context = findingContext(source, start, start + 3);
    expect(context.match).toBe('Ben');
    expect(context.before.startsWith('…')).toBe(true);
    expect(context.before.endsWith('is long. ')).toBe(true);
    expect(context.before.length).toBeLessThanOrEqual(42);
    expect(context.after).toBe(' Smith is tired.');
    expect(findingContext('Ben', 0, 3)).toEqual({ before: '', match: 'Ben', after: '' });
  });

  it('offers the reference only for a child', () => {
    expect(replacementChoices({ reference: 'J5M', kind: 'child' })).toEqual(['J5M', 'the child', 'parent/carer']);
    expect(replacementChoices({ reference: 'Year 3 transition', kind: 'topic' })).toEqual([
      'the child',
      'parent/carer',
    ]);
  });

  it('replaces every finding with the same words and kind, and nothing else', () => {
    const source = 'Ben likes lunch. Ring 07700 900123. Ask Ben again.';
    const findings = findPersonalData(source);
    const result = replaceFindings(source, findings, findingKey({ kind: 'name', text: 'Ben' }), 'J5M');
    expect(result).toEqual({ text: 'J5M likes lunch. Ring 07700 900123. Ask J5M again.', replaced: 2 });
    expect(replaceFindings(source, findings, findingKey({ kind: 'name', text: 'Sara' }), 'J5M').replaced).toBe(0);
  });

  it('takes a place, the words and a replacement of at most 80 characters, and nothing more', () => {
    const good = { place: { type: 'card', cardId: 'c1' }, kind: 'name', text: 'Ben', replacement: ' J5M ' };
    expect(privacyReplaceRequestSchema.parse(good).replacement).toBe('J5M');
    for (const bad of [
      { ...good, replacement: '' },
      { ...good, replacement: 'x'.repeat(81) },
      { ...good, kind: 'shoe size' },
      { ...good, place: { type: 'plan', rowId: 'r1', field: 'byWhen' } },
      { ...good, place: { type: 'notes', stageId: 'Not A Stage' } },
      { ...good, extra: true },
    ])
      expect(privacyReplaceRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
