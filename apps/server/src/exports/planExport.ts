import {
  type ActionRow,
  AREA_OF_NEED_LABELS,
  type AreaOfNeed,
  foldEvents,
  initialMeetingState,
  notesFragmentName,
  type Preparation,
} from '@consultboard/domain';
import type { ActionPlanRow } from '../db/actionPlans.js';
import type { CaseRow } from '../db/cases.js';
import type { Repos } from '../db/repos.js';
import { notesLines } from './notesText.js';

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
}

export const areaLabel = (area: AreaOfNeed | null) => (area ? AREA_OF_NEED_LABELS[area] : '');

/** Gathers a case's plan for export: the case, the session it was made in, its cards and its notes. */
export function planExport(repos: Repos, caseRow: CaseRow, plan: ActionPlanRow): PlanExport {
  const session = plan.session_id ? repos.consultSessions.byId(plan.session_id) : undefined;
  const preparation = JSON.parse(caseRow.preparation) as Preparation;
  const state = plan.session_id
    ? foldEvents(initialMeetingState, repos.meetingEvents.after(plan.session_id, 0))
    : initialMeetingState;
  const notes = repos.notes.readNotes(caseRow.id);
  try {
    return {
      reference: caseRow.reference,
      schoolName: caseRow.school_name,
      localityName: caseRow.locality_name,
      sessionDate: session?.date ?? null,
      facilitatorName: session?.facilitator_name ?? null,
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
            card.caseId === caseRow.id &&
            !card.hidden &&
            !card.withdrawn &&
            (card.kind === 'strategy' || card.kind === 'resource'),
        )
        .map((card) => ({
          kind: card.kind === 'strategy' ? ('Strategy' as const) : ('Resource' as const),
          text: card.text,
          helpful: card.helpful,
        })),
      rows: plan.rows,
    };
  } finally {
    notes.destroy();
  }
}
