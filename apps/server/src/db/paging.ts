/** What a list query is asked for: at most `limit` rows, after the place a cursor marks (null: from the start). */
export interface PageRequest {
  limit: number;
  after: readonly (string | number)[] | null;
}

/** One page of rows and the cursor of the page after (null on the last page). */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** The kinds of value in a list's sort key, in order: the shape a cursor of that list must have. */
export type CursorShape = readonly ('string' | 'number')[];

/** A cursor: the sort key of the last row shown, as base64url JSON (opaque to the web). */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The sort key a cursor holds, or null when it is not one of this list's cursors. */
export function decodeCursor(cursor: string, shape: CursorShape): (string | number)[] | null {
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(key) || key.length !== shape.length) return null;
  const fits = key.every((value, index) =>
    shape[index] === 'number' ? Number.isSafeInteger(value) : typeof value === 'string',
  );
  return fits ? (key as (string | number)[]) : null;
}

/**
 * Cuts a page from rows fetched with one row more than the limit: that extra row only says a next page exists,
 * and the cursor is the key of the last row kept.
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/**
 * The parameters every paged query binds: the reach (as JSON arrays for json_each), the cursor's key as
 * @after0..@after2 (sort keys have at most three parts), and the limit with one row more to see a next page.
 */
export function pageParams(
  reach: { all: boolean; localityIds: readonly string[]; schoolIds: readonly string[] },
  page: PageRequest,
  shape: CursorShape,
) {
  const after = page.after ?? shape.map(() => null);
  return {
    all: reach.all ? 1 : 0,
    localityIds: JSON.stringify(reach.localityIds),
    schoolIds: JSON.stringify(reach.schoolIds),
    hasAfter: page.after ? 1 : 0,
    after0: after[0] ?? null,
    after1: after[1] ?? null,
    after2: after[2] ?? null,
    limit: page.limit + 1,
  };
}
