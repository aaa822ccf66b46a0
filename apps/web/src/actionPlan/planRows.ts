import type { ActionRow } from '@consultboard/domain';

/** An empty row for "Add action". */
export function emptyRow(id: string): ActionRow {
  return {
    id,
    action: '',
    who: '',
    byWhen: '',
    successLooksLike: '',
    reviewDate: '',
    areaOfNeed: null,
    fromCardId: null,
  };
}

/** The rows with one more, empty, at the end. */
export function addRow(rows: readonly ActionRow[], id: string): ActionRow[] {
  return [...rows, emptyRow(id)];
}

/** The rows with one row's fields changed. */
export function updateRow(rows: readonly ActionRow[], id: string, change: Partial<Omit<ActionRow, 'id'>>): ActionRow[] {
  return rows.map((row) => (row.id === id ? { ...row, ...change } : row));
}

/** The rows without one row. */
export function removeRow(rows: readonly ActionRow[], id: string): ActionRow[] {
  return rows.filter((row) => row.id !== id);
}

/** The rows with one row moved up (-1) or down (+1); unchanged at either end. */
export function moveRow(rows: readonly ActionRow[], id: string, by: -1 | 1): ActionRow[] {
  const from = rows.findIndex((row) => row.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  const [moved] = next.splice(from, 1) as [ActionRow];
  next.splice(to, 0, moved);
  return next;
}

/** Whether a row has no action written yet (the server refuses those, so it stays on this screen until it has). */
export function isBlankRow(row: ActionRow): boolean {
  return row.action.trim() === '';
}

const FIELDS = ['action', 'who', 'byWhen', 'successLooksLike', 'reviewDate', 'areaOfNeed', 'fromCardId'] as const;

function sameRow(a: ActionRow, b: ActionRow): boolean {
  return FIELDS.every((field) => {
    const left = a[field];
    const right = b[field];
    return typeof left === 'string' && typeof right === 'string' ? left.trim() === right.trim() : left === right;
  });
}

/** Whether two plans say the same thing, ignoring the spaces the server trims off. */
export function sameRows(a: readonly ActionRow[], b: readonly ActionRow[]): boolean {
  return a.length === b.length && a.every((row, index) => row.id === b[index]?.id && sameRow(row, b[index]));
}

/** The stored rows, with this screen's blank rows kept where they were (they are not stored until written). */
export function keepBlankRows(stored: readonly ActionRow[], local: readonly ActionRow[]): ActionRow[] {
  const next = stored.filter((row) => !isBlankRow(row));
  const storedIds = new Set(next.map((row) => row.id));
  local.forEach((row, index) => {
    if (isBlankRow(row) && !storedIds.has(row.id)) next.splice(Math.min(index, next.length), 0, row);
  });
  return next;
}

/**
 * Re-applies my changes (from `base` to `mine`) on top of someone else's (`theirs`), so nothing typed is lost:
 * fields I changed take my value, rows I added are kept, rows I removed go, rows they added stay; their order wins,
 * with my new rows after the row they followed in my copy.
 */
export function mergeRows(
  base: readonly ActionRow[],
  mine: readonly ActionRow[],
  theirs: readonly ActionRow[],
): ActionRow[] {
  const baseById = new Map(base.map((row) => [row.id, row]));
  const mineById = new Map(mine.map((row) => [row.id, row]));
  const merged: ActionRow[] = [];
  for (const their of theirs) {
    const original = baseById.get(their.id);
    const my = mineById.get(their.id);
    if (original && !my) continue; // I removed it.
    if (!original || !my) {
      merged.push(their);
      continue;
    }
    const row: ActionRow = { ...their };
    for (const field of FIELDS) {
      if (my[field] !== original[field]) Object.assign(row, { [field]: my[field] });
    }
    merged.push(row);
  }
  const theirIds = new Set(theirs.map((row) => row.id));
  mine.forEach((row, index) => {
    if (baseById.has(row.id) || theirIds.has(row.id)) return;
    const before = mine[index - 1];
    const at = before ? merged.findIndex((candidate) => candidate.id === before.id) + 1 : 0;
    merged.splice(at === 0 && before ? merged.length : at, 0, row);
  });
  return merged;
}
