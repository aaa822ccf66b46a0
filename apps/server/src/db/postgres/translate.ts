/**
 * Turns a statement written for SQLite (as every repository writes them) into PostgreSQL's dialect, for the forms
 * that differ only in spelling. What differs in meaning (SQLite's json_each over text, FTS5) is not guessed at
 * here: such a statement is written for each store by its repository.
 *
 * - Parameters: `?` in order, and better-sqlite3's named `@name`, `:name`, `$name`, become `$1`, `$2`, …; the names
 *   are returned so an object of values binds in the right order.
 * - `INSERT OR IGNORE INTO …` becomes `INSERT INTO … ON CONFLICT DO NOTHING`.
 * - `x COLLATE NOCASE` becomes `lower(x)` (SQLite's NOCASE folds ASCII letters only; lower() folds them too).
 * - `LIKE` becomes `ILIKE` (SQLite's LIKE ignores the case of ASCII letters).
 * - `instr(a, b)` becomes `strpos(a, b)`, `ifnull(` becomes `coalesce(`.
 * - An alias with capitals (`AS lastId`) is quoted, so PostgreSQL keeps its case as SQLite does.
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

export function translate(sql: string): Translated {
  const parts = pieces(sql);
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
      .replace(/([A-Za-z_][\w.]*)\s+COLLATE\s+NOCASE\b/gi, 'lower($1)')
      .replace(/\bLIKE\b/gi, 'ILIKE')
      .replace(/\binstr\s*\(/gi, 'strpos(')
      .replace(/\bifnull\s*\(/gi, 'coalesce(')
      .replace(/\bAS\s+([A-Za-z_]\w*)/g, (whole, alias: string) => (/[A-Z]/.test(alias) ? `AS "${alias}"` : whole));
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

/** The values of a call, in the order of the statement's `$n` (better-sqlite3 takes an object for named ones). */
export function bind(translated: Translated, params: readonly unknown[]): unknown[] {
  if (translated.names === null) {
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
