import { describe, expect, it } from 'vitest';
import { halfTermKey, halfTermLabel, type ThemeTable, themeCsv, themesQuerySchema } from './themes.js';

describe('half terms', () => {
  it.each([
    ['2026-09-01', '2026-1', 'Autumn 1 2026–27'],
    ['2026-10-31', '2026-1', 'Autumn 1 2026–27'],
    ['2026-11-30', '2026-2', 'Autumn 2 2026–27'],
    ['2027-01-04', '2026-3', 'Spring 1 2026–27'],
    ['2027-02-28', '2026-3', 'Spring 1 2026–27'],
    ['2027-03-15', '2026-4', 'Spring 2 2026–27'],
    ['2027-04-20', '2026-5', 'Summer 1 2026–27'],
    ['2027-07-20', '2026-6', 'Summer 2 2026–27'],
    ['2027-08-31', '2026-6', 'Summer 2 2026–27'],
    ['2099-12-01', '2099-2', 'Autumn 2 2099–00'],
  ])('%s is in %s (%s)', (date, key, label) => {
    expect(halfTermKey(date)).toBe(key);
    expect(halfTermLabel(key)).toBe(label);
  });

  it('sorts in the order of the school year', () => {
    const keys = ['2027-03-01', '2026-09-10', '2027-07-01', '2026-12-01'].map(halfTermKey).sort();
    expect(keys).toEqual(['2026-1', '2026-2', '2026-4', '2026-6']);
  });
});

describe('themeCsv', () => {
  const theme: ThemeTable = {
    id: 'helpful-strategies',
    title: 'Most helpful strategies',
    rowHeading: 'Strategy',
    columns: [{ key: 'chosen', label: 'Chosen' }],
    rows: [
      { key: 'a', label: '=HYPERLINK("http://example.org","x")', values: [3] },
      { key: 'b', label: 'Visual timetable, "now and next"', values: [2] },
      { key: 'c', label: '@SUM(A1)', values: [1] },
      { key: 'd', label: '-1+2', values: [1] },
    ],
    summary: '',
  };

  it('writes a heading line and one line per row, quoting commas and quotes', () => {
    const lines = themeCsv(theme).split('\r\n');
    expect(lines[0]).toBe('Strategy,Chosen');
    expect(lines[2]).toBe('"Visual timetable, ""now and next""",2');
    expect(lines).toHaveLength(6);
  });

  it('never lets a cell start as a formula', () => {
    const lines = themeCsv(theme).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""http://example.org"",""x"")",3`);
    expect(lines[3]).toBe("'@SUM(A1),1");
    expect(lines[4]).toBe("'-1+2,1");
  });
});

describe('themesQuerySchema', () => {
  it('takes a range, a locality and a theme, all optional', () => {
    expect(themesQuerySchema.parse({})).toEqual({});
    expect(themesQuerySchema.parse({ from: '2026-09-01', to: '2027-08-31', localityId: 'L1' })).toMatchObject({
      from: '2026-09-01',
    });
  });

  it('refuses a range that ends before it starts, a bad date, an unknown theme or anything else', () => {
    expect(themesQuerySchema.safeParse({ from: '2027-01-01', to: '2026-01-01' }).success).toBe(false);
    expect(themesQuerySchema.safeParse({ from: '2026-13-01' }).success).toBe(false);
    expect(themesQuerySchema.safeParse({ theme: 'cases' }).success).toBe(false);
    expect(themesQuerySchema.safeParse({ sql: '1' }).success).toBe(false);
    expect(themesQuerySchema.safeParse({ localityId: 'x'.repeat(65) }).success).toBe(false);
  });
});
