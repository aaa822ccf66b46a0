import {
  type ActionRow,
  AREA_OF_NEED_LABELS,
  type AreaOfNeed,
  foldEvents,
  initialMeetingState,
  nextReviewDate,
  notesFragmentName,
  type Preparation,
  type ServiceLink,
} from '@consultboard/domain';
import { toEvent } from '../db/meetingEvents.js';
import { toDoc } from '../db/notes.js';
import { notesLines } from './notesText.js';
import { type ReviewEntry, reviewEntries } from './planReviews.js';
import type { PlanSource } from './planSource.js';

/** Everything an exported plan shows, and nothing else: the export formats are drawn from this alone. */
export interface PlanExport {
  reference: string;
  schoolName: string;
  localityName: string;
  /** YYYY-MM-DD, or null for a plan written outside a meeting. */
  sessionDate: string | null;
  facilitatorName: string | null;
  preparation: Pick<Preparation, 'currentSituation' | 'triedSoFar' | 'desiredSituation' | 'aim'>;
  areasOfNeed: string[];
  currentNotes: string[];
  desiredNotes: string[];
  /** The strategies and resources the group shared for this case (never hidden ones), in the order added. */
  shared: { kind: 'Strategy' | 'Resource'; text: string; helpful: boolean }[];
  rows: ActionRow[];
  /** The earliest review date of the rows (YYYY-MM-DD), or null while none is set. */
  agreedReviewDate: string | null;
  /** The reviews recorded, oldest first. */
  reviews: ReviewEntry[];
  /** Issue 13: the services signposted: linked from the plan's rows or from a shared Resource card, once each. */
  services: { name: string; access: string }[];
}

/** Each service once (by entry id, the first seen wins: the rows' links are read from the directory as it is now). */
function signposted(links: readonly ServiceLink[]): { name: string; access: string }[] {
  const seen = new Map<string, { name: string; access: string }>();
  for (const link of links) if (!seen.has(link.id)) seen.set(link.id, { name: link.name, access: link.access });
  return [...seen.values()];
}

export const areaLabel = (area: AreaOfNeed | null) => (area ? AREA_OF_NEED_LABELS[area] : '');

/**
 * Draws a plan's export from what was read from SQLite: folds the meeting's events for the cards shared on the
 * case and reads its notes into lines. This is the costly part (megabytes of notes, thousands of events), so it
 * runs in the export worker.
 */
export function planExport(source: PlanSource): PlanExport {
  const preparation = JSON.parse(source.preparation) as Preparation;
  const state = foldEvents(initialMeetingState, source.events.map(toEvent));
  const notes = toDoc(source.notes);
  const linkedCards = state.cards.filter(
    (card) => card.caseId === source.caseId && !card.hidden && !card.withdrawn && card.service,
  );
  try {
    return {
      reference: source.reference,
      schoolName: source.schoolName,
      localityName: source.localityName,
      sessionDate: source.sessionDate,
      facilitatorName: source.facilitatorName,
      preparation: {
        currentSituation: preparation.currentSituation,
        triedSoFar: preparation.triedSoFar,
        desiredSituation: preparation.desiredSituation,
        aim: preparation.aim,
      },
      areasOfNeed: preparation.areasOfNeed.map((area) => AREA_OF_NEED_LABELS[area]),
      currentNotes: notesLines(notes.getXmlFragment(notesFragmentName('current-situation'))),
      desiredNotes: notesLines(notes.getXmlFragment(notesFragmentName('desired-situation'))),
      shared: state.cards
        .filter(
          (card) =>
            card.caseId === source.caseId &&
            !card.hidden &&
            !card.withdrawn &&
            (card.kind === 'strategy' || card.kind === 'resource'),
        )
        .map((card) => ({
          kind: card.kind === 'strategy' ? ('Strategy' as const) : ('Resource' as const),
          text: card.text,
          helpful: card.helpful,
        })),
      rows: source.rows,
      agreedReviewDate: nextReviewDate(source.rows),
      reviews: reviewEntries(source.rows, source.reviews),
      services: signposted([
        ...(source.services ?? []),
        ...linkedCards.flatMap((card) => (card.service ? [card.service] : [])),
      ]),
    };
  } finally {
    notes.destroy();
  }
}
