/** Moves the case at an index up (-1) or down (+1); out of range leaves the order as it was. */
export function moveCase(caseIds: readonly string[], index: number, by: -1 | 1): string[] {
  const target = index + by;
  const next = [...caseIds];
  if (index < 0 || index >= next.length || target < 0 || target >= next.length) return next;
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved as string);
  return next;
}

/** Adds a case at the end of the agenda, once. */
export function addCase(caseIds: readonly string[], caseId: string): string[] {
  return caseIds.includes(caseId) ? [...caseIds] : [...caseIds, caseId];
}

/** Takes a case off the agenda. */
export function removeCase(caseIds: readonly string[], caseId: string): string[] {
  return caseIds.filter((id) => id !== caseId);
}
