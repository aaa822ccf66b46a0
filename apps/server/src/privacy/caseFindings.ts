import {
  ACTION_ROW_LABELS,
  type ActionRow,
  type AgendaCase,
  findingContext,
  findPersonalData,
  type MeetingState,
  notesDocName,
  type PersonalDataFinding,
  PLAN_TEXT_FIELDS,
  type PlacedFinding,
  type PrivacyCheckView,
  undismissed,
} from '@consultboard/domain';
import type * as Y from 'yjs';
import type { Repos } from '../db/repos.js';
import type { HttpDeps } from '../http/context.js';
import { notesFindings } from './notesFindings.js';

/** Keeps the findings of a case that nobody said are not personal. */
export function keepFor(repos: Repos, caseId: string): (findings: PersonalDataFinding[]) => PersonalDataFinding[] {
  const dismissed = repos.privacy.dismissedKeys(caseId);
  return (findings) => undismissed(findings, dismissed);
}

/** The cards of a case every screen shows (held, hidden and withdrawn ones are on no screen). */
export function visibleCards(state: MeetingState, caseId: string) {
  return state.cards.filter((card) => card.caseId === caseId && !card.hidden && !card.withdrawn && !card.held);
}

/** Reads a case's notes as the live room holds them (the disk's copy when the notes are not running). */
export async function withNotes<T>(deps: HttpDeps, caseId: string, look: (doc: Y.Doc) => T): Promise<T> {
  if (deps.notes) return deps.notes.readNotes(notesDocName(caseId), look);
  const doc = deps.repos.notes.readNotes(caseId);
  try {
    return look(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Check before keeping (issue 10, item 4): every undismissed finding in a case's notes (every stage that takes
 * notes), its cards on the board and its action plan as stored, each with its place and a few words around it.
 */
export async function caseFindings(
  deps: HttpDeps,
  state: MeetingState,
  agendaCase: AgendaCase,
): Promise<PrivacyCheckView> {
  const keep = keepFor(deps.repos, agendaCase.id);
  const stageName = (stageId: string) => state.stages.find((stage) => stage.id === stageId)?.name ?? stageId;
  const findings: PlacedFinding[] = [];
  const add = (finding: PersonalDataFinding, source: string, place: PlacedFinding['place'], placeLabel: string) =>
    findings.push({
      kind: finding.kind,
      text: finding.text,
      reason: finding.reason,
      place,
      placeLabel,
      context: findingContext(source, finding.start, finding.end),
    });

  const noteStages = state.stages.filter((stage) => stage.notes);
  await withNotes(deps, agendaCase.id, (doc) => {
    for (const stage of noteStages)
      for (const { finding, source } of notesFindings(doc, stage.id, keep))
        add(finding, source, { type: 'notes', stageId: stage.id }, `Notes, ${stage.name}`);
  });

  for (const card of visibleCards(state, agendaCase.id))
    for (const finding of keep(findPersonalData(card.text)))
      add(finding, card.text, { type: 'card', cardId: card.id }, `Card, ${stageName(card.stageId)}`);

  const plan = deps.repos.actionPlans.byCase(agendaCase.id);
  plan?.rows.forEach((row: ActionRow, index: number) => {
    for (const field of PLAN_TEXT_FIELDS)
      for (const finding of keep(findPersonalData(row[field])))
        add(
          finding,
          row[field],
          { type: 'plan', rowId: row.id, field },
          `Action plan, row ${index + 1}, ${ACTION_ROW_LABELS[field]}`,
        );
  });

  return { caseId: agendaCase.id, reference: agendaCase.reference, child: agendaCase.kind === 'child', findings };
}
