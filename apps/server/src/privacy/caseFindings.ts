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
import { notesParagraphs } from './notesFindings.js';

/** How much notes text is searched before other work gets a turn of the event loop (about 10 ms of it). */
const YIELD_EVERY_CHARS = 32_000;

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

  // The notes are read out in one go, then searched a slice at a time: notes near their cap hold megabytes, and
  // the detector (about 3 MB a second) must not hold every other meeting's event loop for that long.
  const noteStages = state.stages.filter((stage) => stage.notes);
  const notes = await withNotes(deps, agendaCase.id, (doc) =>
    noteStages.map((stage) => ({ stage, paragraphs: notesParagraphs(doc, stage.id) })),
  );
  let sinceYield = 0;
  for (const { stage, paragraphs } of notes)
    for (const paragraph of paragraphs) {
      for (const finding of keep(findPersonalData(paragraph)))
        add(finding, paragraph, { type: 'notes', stageId: stage.id }, `Notes, ${stage.name}`);
      sinceYield += paragraph.length;
      if (sinceYield >= YIELD_EVERY_CHARS) {
        sinceYield = 0;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }

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
