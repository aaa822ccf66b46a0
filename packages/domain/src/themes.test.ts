import { describe, expect, it } from 'vitest';
import { type ThemeTable, themeCsv, themesQuerySchema } from './themes.js';

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
