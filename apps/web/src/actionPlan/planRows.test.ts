import type { ActionRow } from '@consultboard/domain';
import { describe, expect, it } from 'vitest';
import { addRow, emptyRow, keepBlankRows, mergeRows, moveRow, removeRow, sameRows, updateRow } from './planRows';

function buildRow(overrides: Partial<ActionRow> & { id: string }): ActionRow {
  return { ...emptyRow(overrides.id), action: `Action ${overrides.id}`, ...overrides };
}

const ids = (rows: ActionRow[]) => rows.map((row) => row.id);

describe('row editing', () => {
  const rows = [buildRow({ id: 'a' }), buildRow({ id: 'b' }), buildRow({ id: 'c' })];

  it('adds an empty row at the end', () => {
    const added = addRow(rows, 'd');
    expect(ids(added)).toEqual(['a', 'b', 'c', 'd']);
    expect(added[3]).toEqual(emptyRow('d'));
    expect(rows).toHaveLength(3);
  });

  it('changes one row only', () => {
    const changed = updateRow(rows, 'b', { who: 'SENCO A', byWhen: '2026-12-01' });
    expect(changed[1]).toMatchObject({ id: 'b', who: 'SENCO A', byWhen: '2026-12-01', action: 'Action b' });
    expect(changed[0]).toBe(rows[0]);
  });

  it('removes a row', () => {
    expect(ids(removeRow(rows, 'b'))).toEqual(['a', 'c']);
  });

  it('moves a row up and down, and not past either end', () => {
    expect(ids(moveRow(rows, 'b', -1))).toEqual(['b', 'a', 'c']);
    expect(ids(moveRow(rows, 'b', 1))).toEqual(['a', 'c', 'b']);
    expect(ids(moveRow(rows, 'a', -1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveRow(rows, 'c', 1))).toEqual(['a', 'b', 'c']);
    expect(ids(moveRow(rows, 'missing', 1))).toEqual(['a', 'b', 'c']);
  });
});

describe('sameRows', () => {
  it('ignores the spaces the server trims, but not real changes', () => {
    const row = buildRow({ id: 'a', who: 'Class teacher' });
    expect(sameRows([row], [{ ...row, who: 'Class teacher ' }])).toBe(true);
    expect(sameRows([row], [{ ...row, who: 'TA' }])).toBe(false);
    expect(sameRows([row], [])).toBe(false);
  });
});

describe('keepBlankRows', () => {
  it('keeps an unwritten row where it was while taking the stored rows', () => {
    const stored = [buildRow({ id: 'a', who: 'TA' }), buildRow({ id: 'b' })];
    const local = [buildRow({ id: 'a' }), emptyRow('new'), buildRow({ id: 'b' })];
    const kept = keepBlankRows(stored, local);
    expect(ids(kept)).toEqual(['a', 'new', 'b']);
    expect(kept[0]?.who).toBe('TA');
  });
});

describe('mergeRows', () => {
  const base = [buildRow({ id: 'a' }), buildRow({ id: 'b' }), buildRow({ id: 'c' })];

  it('keeps my field changes on top of theirs', () => {
    const mine = updateRow(base, 'a', { who: 'SENCO A' });
    const theirs = updateRow(base, 'a', { byWhen: '2026-12-01' });
    expect(mergeRows(base, mine, theirs)[0]).toMatchObject({ who: 'SENCO A', byWhen: '2026-12-01' });
  });

  it('keeps my new rows after the row they followed, and their new rows too', () => {
    const mine = [base[0], buildRow({ id: 'mine' }), base[1], base[2]] as ActionRow[];
    const theirs = [...base, buildRow({ id: 'theirs' })];
    expect(ids(mergeRows(base, mine, theirs))).toEqual(['a', 'mine', 'b', 'c', 'theirs']);
  });

  it('puts a new first row first', () => {
    const mine = [buildRow({ id: 'first' }), ...base];
    expect(ids(mergeRows(base, mine, base))).toEqual(['first', 'a', 'b', 'c']);
  });

  it('drops rows I removed and keeps rows only they removed gone', () => {
    const mine = removeRow(base, 'b');
    const theirs = removeRow(base, 'c');
    expect(ids(mergeRows(base, mine, theirs))).toEqual(['a']);
  });

  it('takes their value for a field only they changed', () => {
    const theirs = updateRow(base, 'c', { action: 'Their wording' });
    expect(mergeRows(base, base, theirs)[2]?.action).toBe('Their wording');
  });
});
