import { describe, expect, it } from 'vitest';
import { bind, translate } from './translate.js';

describe('translating a SQLite statement for PostgreSQL', () => {
  it('numbers ? parameters in order', () => {
    expect(translate('SELECT * FROM users WHERE id = ? AND role = ?')).toEqual({
      text: 'SELECT * FROM users WHERE id = $1 AND role = $2',
      names: null,
      count: 2,
    });
  });

  it('numbers named parameters once each, and binds an object in their order', () => {
    const translated = translate('INSERT INTO t (a, b, c) VALUES (@a, :b, $c) ON CONFLICT (a) DO UPDATE SET b = @b');
    expect(translated.text).toBe('INSERT INTO t (a, b, c) VALUES ($1, $2, $3) ON CONFLICT (a) DO UPDATE SET b = $2');
    expect(translated.names).toEqual(['a', 'b', 'c']);
    expect(bind(translated, [{ c: 3, b: 2, a: 1 }])).toEqual([1, 2, 3]);
    expect(() => bind(translated, [{ a: 1, b: 2 }])).toThrow('missing the named parameter "c"');
    expect(() => bind(translate('SELECT ?'), [1, 2])).toThrow('takes 1 values, not 2');
    // As better-sqlite3: an empty object binds nothing to a statement with no parameters, anything else is refused.
    expect(bind(translate('SELECT 1'), [{}])).toEqual([]);
    expect(() => bind(translate('SELECT 1'), [{ a: 1 }])).toThrow('takes 0 values, not 1');
  });

  it('leaves quoted text, identifiers and comments alone', () => {
    const sql = `SELECT coalesce(body, '$.who ? @x') AS "who?" FROM t -- where a = ?\nWHERE b = ? /* :c */`;
    expect(translate(sql).text).toBe(
      `SELECT coalesce(body, '$.who ? @x') AS "who?" FROM t -- where a = ?\nWHERE b = $1 /* :c */`,
    );
  });

  it('spells the forms that differ only in spelling', () => {
    expect(translate('INSERT OR IGNORE INTO t (a) VALUES (?)').text).toBe(
      'INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING',
    );
    expect(translate('INSERT OR IGNORE INTO t (a) VALUES (?) RETURNING a').text).toBe(
      'INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING RETURNING a',
    );
    expect(translate("SELECT * FROM u WHERE name LIKE ? ESCAPE '\\' AND x NOT LIKE ?").text).toBe(
      "SELECT * FROM u WHERE name ILIKE $1 ESCAPE '\\' AND x NOT ILIKE $2",
    );
    expect(translate('SELECT instr(a, ?) AS at, ifnull(b, 0) AS lastId, c AS plain FROM t').text).toBe(
      'SELECT strpos(a, $1) AS at, coalesce(b, 0) AS "lastId", c AS plain FROM t',
    );
  });

  it('refuses a statement that mixes both kinds of parameters', () => {
    expect(() => translate('SELECT ? , @a')).toThrow('mixes');
  });
});

describe("translating SQLite's JSON functions", () => {
  it('reads a JSON array of ids given as a parameter', () => {
    expect(translate('SELECT 1 FROM t WHERE id IN (SELECT value FROM json_each(@ids))').text).toBe(
      'SELECT 1 FROM t WHERE id IN (SELECT value FROM jsonb_array_elements_text(CAST($1 AS jsonb)))',
    );
  });

  it('reads paths, nested calls, and aggregates', () => {
    expect(
      translate("SELECT group_concat(json_extract(a.value, '$.note'), ' ') FROM json_each(v.review, '$.actions') a")
        .text,
    ).toBe(
      "SELECT string_agg(CAST((CAST(a.value AS jsonb) #>> '{note}') AS text), ' ') FROM jsonb_array_elements_text(CAST(v.review AS jsonb) #> '{actions}') a",
    );
    expect(translate("SELECT json_extract(body, '$.card.id') AS id").text).toBe(
      "SELECT (CAST(body AS jsonb) #>> '{card,id}') AS id",
    );
    expect(translate('SELECT json_group_array(DISTINCT a.area) AS areas FROM x a').text).toBe(
      'SELECT CAST(json_agg(DISTINCT a.area) AS text) AS areas FROM x a',
    );
    expect(translate("SELECT my_json_each(x), 'json_each(y)'").text).toBe("SELECT my_json_each(x), 'json_each(y)'");
  });
});

describe('translating casts and dates', () => {
  it('leaves a type name after AS as a type, while quoting an alias with capitals', () => {
    expect(translate('SELECT CAST(substr(d, 1, 4) AS INTEGER) AS halfTerm, CAST(? AS TEXT) IS NULL').text).toBe(
      'SELECT CAST(substr(d, 1, 4) AS INTEGER) AS "halfTerm", CAST($1 AS TEXT) IS NULL',
    );
  });

  it("spells date(ms / 1000, 'unixepoch') as the UTC day, and leaves a column called date alone", () => {
    expect(translate("SELECT date(c.created_at / 1000, 'unixepoch') AS day, s.date, date FROM t").text).toBe(
      "SELECT to_char(to_timestamp(c.created_at / 1000) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, s.date, date FROM t",
    );
    expect(() => translate("SELECT date('now')")).toThrow('a date() this translation does not know');
  });
});
