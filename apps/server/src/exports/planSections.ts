import {
  ACTION_ROW_LABELS,
  REVIEW_IMPACT_LABELS,
  REVIEW_IMPACTS,
  REVIEW_OUTCOME_LABELS,
  REVIEW_OUTCOMES,
} from '@consultboard/domain';
import { longDate } from '../dates.js';
import { areaLabel, type PlanExport } from './planExport.js';

/** The words both export formats print, in order: one layout, drawn twice (Word and PDF). */
export const TITLE = 'SEND Locality Group Consultation: Action plan';

/** The heading's label and value pairs. */
export function headingFields(plan: PlanExport): [string, string][] {
  return [
    ['Case reference', plan.reference],
    ['School', plan.schoolName],
    ['Locality', plan.localityName],
    ['Session date', longDate(plan.sessionDate) || 'Not discussed at a session'],
    ['Facilitating EP', plan.facilitatorName ?? ''],
    ['Area(s) of need', plan.areasOfNeed.join('; ')],
  ];
}

/** The summary: each titled part with its lines (preparation form first, then the notes taken in the meeting). */
export function summaryParts(plan: PlanExport): { title: string; lines: string[] }[] {
  const lines = (text: string) =>
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
  return [
    { title: 'Current situation', lines: lines(plan.preparation.currentSituation) },
    { title: 'What has been tried', lines: lines(plan.preparation.triedSoFar) },
    { title: 'Notes from the meeting: current situation', lines: plan.currentNotes },
    { title: 'Desired situation', lines: lines(plan.preparation.desiredSituation) },
    { title: 'Notes from the meeting: desired situation', lines: plan.desiredNotes },
    { title: 'Aim of the consultation', lines: lines(plan.preparation.aim) },
  ].filter((part) => part.lines.length > 0);
}

/** A shared card as one line: its kind, its text, and "Helpful" when the SENCO found it so. */
export function sharedLine(card: PlanExport['shared'][number]): { label: string; text: string; helpful: boolean } {
  return { label: `${card.kind}:`, text: card.text, helpful: card.helpful };
}

export const TABLE_COLUMNS = [
  ACTION_ROW_LABELS.action,
  ACTION_ROW_LABELS.who,
  ACTION_ROW_LABELS.byWhen,
  ACTION_ROW_LABELS.successLooksLike,
  ACTION_ROW_LABELS.reviewDate,
  ACTION_ROW_LABELS.areaOfNeed,
] as const;

/** The action table's body, one array of cell texts per row. */
export function tableRows(plan: PlanExport): string[][] {
  return plan.rows.map((row) => [
    row.action,
    row.who,
    longDate(row.byWhen),
    row.successLooksLike,
    longDate(row.reviewDate),
    areaLabel(row.areaOfNeed),
  ]);
}

export const REVIEW_TITLE = 'Review';
export const REVIEW_INTRO = 'To fill in at the review date: the impact of each action, and the outcome for the case.';
/** The impact choices on one line, each after a tick box drawn as the format can (the PDF's fonts have no ☐). */
export const impactChoices = (box: string) =>
  REVIEW_IMPACTS.map((impact) => `${box} ${REVIEW_IMPACT_LABELS[impact]}`).join('    ');
/** The outcome choices, one a line. */
export const outcomeChoices = (box: string) =>
  REVIEW_OUTCOMES.map((outcome) => `${box} ${REVIEW_OUTCOME_LABELS[outcome]}`);

/** Issue 13: the services signposted (from the directory), each with how to access it; absent when there are none. */
export const SERVICES_TITLE = 'Services signposted';
export function serviceLines(plan: PlanExport): { name: string; access: string }[] {
  return plan.services;
}
