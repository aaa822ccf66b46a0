import { type ExportFinding, type ExportPlace, findingKey, findPersonalData, undismissed } from '@consultboard/domain';
import type { PlanExport } from './planExport.js';

/** At most this many findings go back with a refused export: enough to act on, never the whole case. */
export const MAX_EXPORT_FINDINGS = 50;

/** Every text of a plan's export, by the place it comes from: what the file would print. */
function exportTexts(plan: PlanExport): [ExportPlace, string][] {
  return [
    ['reference', plan.reference],
    ['preparation', plan.preparation.currentSituation],
    ['preparation', plan.preparation.triedSoFar],
    ['preparation', plan.preparation.desiredSituation],
    ['preparation', plan.preparation.aim],
    ...plan.currentNotes.map((line): [ExportPlace, string] => ['notes', line]),
    ...plan.desiredNotes.map((line): [ExportPlace, string] => ['notes', line]),
    ...plan.shared.map((card): [ExportPlace, string] => ['cards', card.text]),
    ...plan.rows.flatMap((row): [ExportPlace, string][] => [
      ['plan', row.action],
      ['plan', row.who],
      ['plan', row.successLooksLike],
    ]),
    ...plan.reviews.flatMap((review): [ExportPlace, string][] => [
      ['review', review.note],
      ...review.actions.map((action): [ExportPlace, string] => ['review', action.note]),
    ]),
  ];
}

/**
 * The privacy guard over an export (issue 10): the findings nobody has dismissed in what the file would print,
 * each once per place. Empty means the file may be built. The school's, locality's and EP's names are the
 * adults' and organisations' own and are not checked; participants' display names are never in an export.
 */
export function exportFindings(plan: PlanExport, dismissed: readonly string[]): ExportFinding[] {
  return findingsIn(exportTexts(plan), dismissed);
}

/** The findings nobody has dismissed in these texts (each once per place, at most MAX_EXPORT_FINDINGS). */
export function findingsIn(texts: readonly [ExportPlace, string][], dismissed: readonly string[]): ExportFinding[] {
  const keys = new Set(dismissed);
  const seen = new Set<string>();
  const found: ExportFinding[] = [];
  for (const [place, text] of texts) {
    for (const finding of undismissed(findPersonalData(text), keys)) {
      const once = `${place} ${findingKey(finding)}`;
      if (seen.has(once)) continue;
      seen.add(once);
      found.push({ kind: finding.kind, place, text: finding.text });
      if (found.length >= MAX_EXPORT_FINDINGS) return found;
    }
  }
  return found;
}
