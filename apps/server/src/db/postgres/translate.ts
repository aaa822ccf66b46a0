/**
 * Turns a statement written for SQLite (as every repository writes them) into PostgreSQL's dialect, for the forms
 * that differ only in spelling. What differs in meaning (SQLite's json_each over text, FTS5) is not guessed at
 * here: such a statement is written for each store by its repository.
 *
 * - Parameters: `?` in order, and better-sqlite3's named `@name`, `:name`, `$name`, become `$1`, `$2`, …; the names
 *   are returned so an object of values binds in the right order.
 * - `INSERT OR IGNORE INTO …` becomes `INSERT INTO … ON CONFLICT DO NOTHING`.
 * - `COLLATE NOCASE` stays: PostgreSQL's schema has a case-insensitive collation of that name (migration 1).
 * - `LIKE` becomes `ILIKE` (SQLite's LIKE ignores the case of ASCII letters).
 * - `instr(a, b)` becomes `strpos(a, b)`, `ifnull(` becomes `coalesce(`.
 * - SQLite's JSON functions over JSON kept as text: `json_each(x)` and `json_each(x, '$.path')` become
 *   `jsonb_array_elements_text(…)` (whose column is `value` too, as text: a string element is the string, an object
 *   its JSON, which `json_extract` reads again); `json_extract(x, '$.a.b')` becomes `(CAST(x AS jsonb) #>> '{a,b}')`;
 *   `group_concat(x, sep)` becomes `string_agg(CAST(x AS text), sep)`; `json_group_array(x)` becomes
 *   `CAST(json_agg(x) AS text)` (SQLite answers JSON as text, and so do these).
 * - `date(x, 'unixepoch')` (seconds since 1970 as a YYYY-MM-DD day, UTC) becomes
 *   `to_char(to_timestamp(x) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`.
 * - An alias with capitals (`AS lastId`) is quoted, so PostgreSQL keeps its case as SQLite does; a type name after
 *   AS (`CAST(x AS INTEGER)`, `CAST(? AS TEXT)`) is not an alias and stays as written.
 *
 * Text inside quotes and comments is never touched.
 */
export interface Translated {
  text: string;
  /** For named parameters, the name of each `$n` in order; null when the statement uses `?` (or none). */
  names: string[] | null;
  /** How many `$n` the statement takes. */
  count: number;
}

type Piece = { code: boolean; text: string };

/** Splits a statement into code and the parts left alone: '…' strings, "…" identifiers, -- and /* comments. */
function pieces(sql: string): Piece[] {
  const out: Piece[] = [];
  let code = '';
  let i = 0;
  const flush = () => {
    if (code) out.push({ code: true, text: code });
    code = '';
  };
  while (i < sql.length) {
    const c = sql[i] as string;
    if (c === "'" || c === '"') {
      flush();
      let j = i + 1;
      while (j < sql.length) {
        if (sql[j] === c) {
          if (sql[j + 1] === c) j += 2;
          else break;
        } else j += 1;
      }
      out.push({ code: false, text: sql.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      flush();
      const end = sql.indexOf('\n', i);
      const j = end === -1 ? sql.length : end;
      out.push({ code: false, text: sql.slice(i, j) });
      i = j;
    } else if (c === '/' && sql[i + 1] === '*') {
      flush();
      const end = sql.indexOf('*/', i + 2);
      const j = end === -1 ? sql.length : end + 2;
      out.push({ code: false, text: sql.slice(i, j) });
      i = j;
    } else {
      code += c;
      i += 1;
    }
  }
  flush();
  return out;
}

/** The index of the parenthesis that closes the one at `open`, skipping quoted text; -1 if none. */
function closing(sql: string, open: number): number {
  let depth = 0;
  for (let i = open; i < sql.length; i += 1) {
    const c = sql[i];
    if (c === "'" || c === '"') {
      i += 1;
      while (i < sql.length && !(sql[i] === c && sql[i + 1] !== c)) i += sql[i] === c ? 2 : 1;
    } else if (c === '(') depth += 1;
    else if (c === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** The arguments between a call's parentheses, split at its own commas (not those nested or quoted). */
function splitArguments(inside: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < inside.length; i += 1) {
    const c = inside[i];
    if (c === "'" || c === '"') {
      i += 1;
      while (i < inside.length && !(inside[i] === c && inside[i + 1] !== c)) i += inside[i] === c ? 2 : 1;
    } else if (c === '(') depth += 1;
    else if (c === ')') depth -= 1;
    else if (c === ',' && depth === 0) {
      args.push(inside.slice(start, i).trim());
      start = i + 1;
    }
  }
  args.push(inside.slice(start).trim());
  return args;
}

/** A JSON path of SQLite ('$.a.b') as PostgreSQL's path array literal ('{a,b}'). */
function jsonPath(literal: string): string {
  const match = /^'\$((?:\.[A-Za-z_]\w*)+)'$/.exec(literal);
  if (!match) throw new Error(`a JSON path this translation does not know: ${literal}`);
  return `'{${(match[1] as string).slice(1).split('.').join(',')}}'`;
}

const JSON_CALLS: Record<string, (args: string[]) => string> = {
  json_each: ([value, path]) =>
    `jsonb_array_elements_text(CAST(${value} AS jsonb)${path ? ` #> ${jsonPath(path)}` : ''})`,
  json_extract: ([value, path]) => `(CAST(${value} AS jsonb) #>> ${jsonPath(path as string)})`,
  group_concat: ([value, separator]) => `string_agg(CAST(${value} AS text), ${separator ?? "','"})`,
  json_group_array: ([value]) => `CAST(json_agg(${value}) AS text)`,
  date: (args) => {
    // Only the one form the repositories use; any other would silently mean something else, so it is refused.
    if (args.length !== 2 || !/^'unixepoch'$/i.test(args[1] as string))
      throw new Error(`a date() this translation does not know: date(${args.join(', ')})`);
    return `to_char(to_timestamp(${args[0]}) AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;
  },
};

/** Type names a CAST may end with: after AS they are types, not aliases to quote. */
const TYPE_NAMES = new Set([
  'INTEGER',
  'INT',
  'BIGINT',
  'SMALLINT',
  'TEXT',
  'REAL',
  'NUMERIC',
  'BLOB',
  'BYTEA',
  'BOOLEAN',
]);

/** Rewrites SQLite's JSON and aggregate calls (innermost arguments first), outside quoted text. */
function rewriteCalls(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const c = sql[i] as string;
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < sql.length && !(sql[j] === c && sql[j + 1] !== c)) j += sql[j] === c ? 2 : 1;
      out += sql.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const call = /^(json_each|json_extract|group_concat|json_group_array|date)\s*\(/i.exec(sql.slice(i, i + 40));
    // `date` is also a column's name (`s.date`, `date, id`): only `date(` right after it is the function.
    const spaced = call && /^date\s/i.test(call[0]);
    if (call && !spaced && !/[\w.]/.test(sql[i - 1] ?? '')) {
      const open = i + call[0].length - 1;
      const close = closing(sql, open);
      if (close === -1) throw new Error('unbalanced parentheses');
      const args = splitArguments(rewriteCalls(sql.slice(open + 1, close)));
      const distinct = /^DISTINCT\s+/i.exec(args[0] ?? '');
      if (distinct) args[0] = (args[0] as string).slice(distinct[0].length);
      let rewritten = (JSON_CALLS[(call[1] as string).toLowerCase()] as (args: string[]) => string)(args);
      if (distinct) rewritten = rewritten.replace(/^(CAST\()?(json_agg|string_agg)\(/, '$1$2(DISTINCT ');
      out += rewritten;
      i = close + 1;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

export function translate(sql: string): Translated {
  const parts = pieces(rewriteCalls(sql));
  let positional = 0;
  const names: string[] = [];
  let named = false;
  let ignoreConflicts = false;
  for (const part of parts) {
    if (!part.code) continue;
    let text = part.text;
    if (/\bINSERT\s+OR\s+IGNORE\s+INTO\b/i.test(text)) {
      ignoreConflicts = true;
      text = text.replace(/\bINSERT\s+OR\s+IGNORE\s+INTO\b/gi, 'INSERT INTO');
    }
    text = text
      .replace(/\bLIKE\b/gi, 'ILIKE')
      .replace(/\binstr\s*\(/gi, 'strpos(')
      .replace(/\bifnull\s*\(/gi, 'coalesce(')
      .replace(/\bAS\s+([A-Za-z_]\w*)/g, (whole, alias: string) =>
        /[A-Z]/.test(alias) && !TYPE_NAMES.has(alias.toUpperCase()) ? `AS "${alias}"` : whole,
      );
    // Parameters, in one pass so their numbers follow their order in the statement. `::` casts are not names.
    text = text.replace(/\?|(?<![:\w$])[@:$]([A-Za-z_]\w*)/g, (whole, name: string | undefined) => {
      if (whole === '?') {
        positional += 1;
        return `$${positional}`;
      }
      named = true;
      const key = name as string;
      let index = names.indexOf(key);
      if (index === -1) {
        names.push(key);
        index = names.length - 1;
      }
      return `$${index + 1}`;
    });
    part.text = text;
  }
  if (named && positional > 0) throw new Error('a statement mixes ? and named parameters');
  let text = parts.map((part) => part.text).join('');
  if (ignoreConflicts) {
    const returning = /\bRETURNING\b/i.exec(text);
    text = returning
      ? `${text.slice(0, returning.index)}ON CONFLICT DO NOTHING ${text.slice(returning.index)}`
      : `${text.replace(/;\s*$/, '')} ON CONFLICT DO NOTHING`;
  }
  return { text, names: named ? names : null, count: named ? names.length : positional };
}

const isPlainObject = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** The values of a call, in the order of the statement's `$n` (better-sqlite3 takes an object for named ones). */
export function bind(translated: Translated, params: readonly unknown[]): unknown[] {
  if (translated.names === null) {
    // better-sqlite3 takes an empty object for a statement with no parameters (a caller binding names it may
    // not need, as the themes' statement for every locality does).
    const only = params[0];
    if (translated.count === 0 && params.length === 1 && isPlainObject(only) && Object.keys(only).length === 0)
      return [];
    const values = params.length === 1 && Array.isArray(params[0]) ? (params[0] as unknown[]) : [...params];
    if (values.length !== translated.count)
      throw new RangeError(`the statement takes ${translated.count} values, not ${values.length}`);
    return values;
  }
  const object = params[0];
  if (params.length !== 1 || typeof object !== 'object' || object === null)
    throw new TypeError('a statement with named parameters takes one object of values');
  return translated.names.map((name) => {
    if (!(name in object)) throw new RangeError(`missing the named parameter "${name}"`);
    return (object as Record<string, unknown>)[name];
  });
}
