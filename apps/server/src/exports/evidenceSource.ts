import {
  type ActionRow,
  EVIDENCE_PACK_LIMITS,
  type EvidencePackQuery,
  type SchoolView,
  type ServiceLink,
} from '@consultboard/domain';
import { todayInEngland } from '../dates.js';
import type { Repos } from '../db/repos.js';
import { linkedServices } from '../plans/planViews.js';
import type { StoredReview } from './planReviews.js';
import { storedReviews } from './planSource.js';

/** One case of the pack as read from SQLite: rows and stored text, nothing laid out. */
export interface EvidenceCaseSource {
  caseId: string;
  reference: string;
  /** The preparation form as stored (JSON): only its areas of need are printed. */
  preparation: string;
  /** YYYY-MM-DD. */
  consultationDate: string;
  /** The plan's rows, or null while the case has no plan. */
  rows: ActionRow[] | null;
  reviews: StoredReview[];
  /** The rows drafted from a Resource card in the meeting: the services the group signposted. */
  resourceRowIds: string[];
  /** The directory entries the rows link to (issue 13 item 2), as the directory holds them now. */
  services: ServiceLink[];
  /** The case's dismissed findings (keys): any other finding stops the pack (issue 10). */
  dismissed: string[];
}

/** What a school's evidence pack is drawn from (issue 13 item 4): one school, one range, its cases oldest first. */
export interface EvidenceSource {
  schoolName: string;
  localityName: string;
  from: string;
  to: string;
  /** YYYY-MM-DD: the day the pack was made. */
  madeOn: string;
  cases: EvidenceCaseSource[];
}

/** The characters a case's plan and reviews would print: what the pack's size limit counts. */
function printed(rows: readonly ActionRow[], reviews: readonly StoredReview[]): number {
  let count = 0;
  for (const row of rows) count += row.action.length + row.who.length + row.successLooksLike.length;
  for (const { review } of reviews) {
    count += review.note.length;
    for (const action of review.actions) count += action.note.length;
  }
  return count;
}

/**
 * Reads a school's evidence pack from SQLite: a few indexed queries per case (at most EVIDENCE_PACK_LIMITS.cases
 * of them), nothing parsed but the plans' rows and reviews. `tooMuch` when the range holds more cases, or more
 * text, than one pack may.
 */
export function evidenceSource(
  repos: Repos,
  school: SchoolView,
  range: EvidencePackQuery,
): EvidenceSource | { tooMuch: 'cases' | 'characters' } {
  const rows = repos.evidence.cases(school.id, range.from, range.to, EVIDENCE_PACK_LIMITS.cases + 1);
  if (rows.length > EVIDENCE_PACK_LIMITS.cases) return { tooMuch: 'cases' };
  const resourcesBySession = new Map<string, Set<string>>();
  const resourceCards = (sessionId: string) => {
    let ids = resourcesBySession.get(sessionId);
    if (!ids) {
      ids = repos.evidence.resourceCardIds(sessionId);
      resourcesBySession.set(sessionId, ids);
    }
    return ids;
  };
  const cases = rows.map((row): EvidenceCaseSource => {
    const resources = row.plan_session_id ? resourceCards(row.plan_session_id) : new Set<string>();
    return {
      caseId: row.id,
      reference: row.reference,
      preparation: row.preparation,
      consultationDate: row.consultation_date,
      rows: row.rows,
      reviews: row.rows ? storedReviews(repos, row.id) : [],
      services: linkedServices(repos, school.localityId, row.rows ?? []),
      resourceRowIds: (row.rows ?? [])
        .filter((action) => action.fromCardId !== null && resources.has(action.fromCardId))
        .map((action) => action.id),
      dismissed: [...repos.privacy.dismissedKeys(row.id)],
    };
  });
  const characters = cases.reduce((sum, item) => sum + printed(item.rows ?? [], item.reviews), 0);
  if (characters > EVIDENCE_PACK_LIMITS.characters) return { tooMuch: 'characters' };
  return {
    schoolName: school.name,
    localityName: school.localityName,
    from: range.from,
    to: range.to,
    madeOn: todayInEngland(),
    cases,
  };
}
