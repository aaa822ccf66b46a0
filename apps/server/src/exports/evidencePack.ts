import {
  type ActionRow,
  AREA_OF_NEED_LABELS,
  type EvidenceFinding,
  type ExportPlace,
  findingKey,
  findPersonalData,
  nextReviewDate,
  type Preparation,
  undismissed,
} from '@consultboard/domain';
import type { EvidenceSource } from './evidenceSource.js';
import { MAX_EXPORT_FINDINGS } from './exportFindings.js';
import { type ReviewEntry, reviewEntries } from './planReviews.js';

/** One case as the pack prints it. */
export interface EvidenceCase {
  caseId: string;
  reference: string;
  areasOfNeed: string[];
  consultationDate: string;
  /** False for a case with no plan yet (it is listed in the summary all the same). */
  hasPlan: boolean;
  rows: ActionRow[];
  agreedReviewDate: string | null;
  reviews: ReviewEntry[];
  /** The words of its rows drafted from Resource cards. */
  resources: string[];
  /** The directory's services the plan's rows link to: name and how to access. */
  services: { name: string; access: string }[];
}

/** Everything a school's evidence pack shows, and nothing else: both formats are drawn from this alone. */
export interface EvidencePack {
  schoolName: string;
  localityName: string;
  from: string;
  to: string;
  madeOn: string;
  cases: EvidenceCase[];
}

/** Draws the pack from what was read (in the export worker: the JSON of every case is parsed here). */
export function evidencePack(source: EvidenceSource): EvidencePack {
  return {
    schoolName: source.schoolName,
    localityName: source.localityName,
    from: source.from,
    to: source.to,
    madeOn: source.madeOn,
    cases: source.cases.map((item) => {
      const rows = item.rows ?? [];
      const resources = new Set(item.resourceRowIds);
      const preparation = JSON.parse(item.preparation) as Preparation;
      return {
        caseId: item.caseId,
        reference: item.reference,
        areasOfNeed: preparation.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area]),
        consultationDate: item.consultationDate,
        hasPlan: item.rows !== null,
        rows,
        agreedReviewDate: nextReviewDate(rows),
        reviews: reviewEntries(rows, item.reviews),
        resources: rows.filter((row) => resources.has(row.id) && !row.serviceId).map((row) => row.action),
        services: item.services.map((service) => ({ name: service.name, access: service.access })),
      };
    }),
  };
}

/** Every text of one case the pack prints, by place. */
function caseTexts(item: EvidenceCase): [ExportPlace, string][] {
  return [
    ['reference', item.reference],
    ...item.rows.flatMap((row): [ExportPlace, string][] => [
      ['plan', row.action],
      ['plan', row.who],
      ['plan', row.successLooksLike],
    ]),
    ...item.reviews.flatMap((review): [ExportPlace, string][] => [
      ['review', review.note],
      ...review.actions.map((action): [ExportPlace, string] => ['review', action.note]),
    ]),
  ];
}

/**
 * The privacy guard over the whole pack (issue 10, for every case in it): the findings nobody dismissed in that
 * case, each once per case and place, with the case they are in. Empty means the pack may be built.
 */
export function evidenceFindings(pack: EvidencePack, dismissedByCase: ReadonlyMap<string, readonly string[]>) {
  const found: EvidenceFinding[] = [];
  for (const item of pack.cases) {
    const keys = new Set(dismissedByCase.get(item.caseId) ?? []);
    const seen = new Set<string>();
    for (const [place, text] of caseTexts(item))
      for (const finding of undismissed(findPersonalData(text), keys)) {
        const once = `${place} ${findingKey(finding)}`;
        if (seen.has(once)) continue;
        seen.add(once);
        found.push({ kind: finding.kind, place, text: finding.text, caseId: item.caseId, reference: item.reference });
        if (found.length >= MAX_EXPORT_FINDINGS) return found;
      }
  }
  return found;
}
