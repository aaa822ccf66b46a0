import {
  ACTION_ROW_LABELS,
  type ActionRow,
  REVIEW_IMPACT_LABELS,
  REVIEW_IMPACTS,
  REVIEW_OUTCOMES,
} from '@consultboard/domain';
import { longDate } from '../dates.js';
import { type Block, type ExportDocument, paragraph } from './layout/exportDocument.js';
import { areaLabel, type PlanExport } from './planExport.js';
import { outcomeLabel, type ReviewEntry } from './planReviews.js';

/**
 * The words of an exported plan, in the order an inspector reads it (issue 13 item 5): the heading block, the
 * action table, the line for sharing with the parent or carer, the review, then the consultation in an appendix.
 * One layout, drawn by both formats.
 */
export const TITLE = 'SEND Locality Group Consultation: Action plan';
/** The plan's owner, by role: outside the meeting the plan is the school's (docs/product.md). */
export const PLAN_OWNER = "The school's SENCO";
export const SHARED_WITH_PARENT = 'Shared with parent/carer on:';
export const REVIEW_TITLE = 'Review';
export const REVIEW_INTRO = 'To fill in at the review date: the impact of each action, and the outcome for the case.';
export const APPENDIX_TITLE = 'Appendix: the consultation';
export const SHARED_TITLE = 'Strategies and resources shared by the group';
export const NO_REVIEW = 'No review recorded yet.';
/** Where to write the page header's words: "Confidential" first, so it is the first thing read on every page. */
export const pageHeader = (subject: string) => `Confidential · ${subject}`;

/** The heading block's label and value pairs. */
export function headingFields(plan: PlanExport): [string, string][] {
  return [
    ['Case reference', plan.reference],
    ['School', plan.schoolName],
    ['Locality', plan.localityName],
    ['Session date', longDate(plan.sessionDate) || 'Not discussed at a session'],
    ['Facilitating EP', plan.facilitatorName ?? ''],
    ['Area(s) of need', plan.areasOfNeed.join('; ')],
    ['Plan owner', `${PLAN_OWNER}, ${plan.schoolName}`],
    ['Agreed review date', longDate(plan.agreedReviewDate) || 'Not set yet'],
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

export const TABLE_COLUMNS = [
  ACTION_ROW_LABELS.action,
  ACTION_ROW_LABELS.who,
  ACTION_ROW_LABELS.byWhen,
  ACTION_ROW_LABELS.successLooksLike,
  ACTION_ROW_LABELS.reviewDate,
  ACTION_ROW_LABELS.areaOfNeed,
] as const;
/** The columns' shares of what width is left once every column holds its widest word. */
const TABLE_WEIGHTS = [30, 12, 11, 25, 11, 11];

/** The action table's body, one array of cell texts per row. */
export function tableRows(rows: readonly ActionRow[]): string[][] {
  return rows.map((row) => [
    row.action,
    row.who,
    longDate(row.byWhen),
    row.successLooksLike,
    longDate(row.reviewDate),
    areaLabel(row.areaOfNeed),
  ]);
}

/** The action table, or a line saying there are no actions yet. */
export function actionTable(rows: readonly ActionRow[]): Block {
  if (rows.length === 0) return paragraph('No actions recorded yet.');
  // Dates are kept on one line: "15 January 2027" reads badly as three.
  return { kind: 'table', header: TABLE_COLUMNS, rows: tableRows(rows), weights: TABLE_WEIGHTS, whole: [2, 4] };
}

/** The reviews recorded, oldest first: each with its outcome, its note, and the impact of each action. */
export function reviewHistory(reviews: readonly ReviewEntry[]): Block[] {
  if (reviews.length === 0) return [paragraph(NO_REVIEW)];
  return reviews.flatMap((review): Block[] => [
    {
      kind: 'paragraph',
      spaceBefore: true,
      runs: [
        { text: `Reviewed on ${longDate(review.date)}. Outcome: `, bold: true },
        { text: outcomeLabel(review.outcome) },
      ],
    },
    ...(review.note ? [paragraph(review.note)] : []),
    ...(review.actions.length > 0
      ? [
          {
            kind: 'table',
            header: ['Action', 'Impact', 'Note'],
            rows: review.actions.map((action) => [action.action, action.impact, action.note]),
            weights: [45, 15, 40],
          } satisfies Block,
        ]
      : []),
  ]);
}

/** The form for the next review, to fill in by hand: each action's impact and notes, then the outcome. */
function nextReview(rows: readonly ActionRow[]): Block[] {
  return [
    { kind: 'heading', level: 3, text: 'Next review' },
    paragraph(REVIEW_INTRO),
    ...rows.map(
      (row, index): Block => ({
        kind: 'group',
        blocks: [
          paragraph(`${index + 1}. ${row.action}`, { bold: true, spaceBefore: true }),
          {
            kind: 'choices',
            label: 'Impact',
            inline: true,
            choices: REVIEW_IMPACTS.map((i) => REVIEW_IMPACT_LABELS[i]),
          },
          { kind: 'fillIn', label: 'Notes:' },
        ],
      }),
    ),
    paragraph('Outcome', { bold: true, spaceBefore: true }),
    { kind: 'choices', inline: false, choices: REVIEW_OUTCOMES.map(outcomeLabel) },
    { kind: 'fillIn', label: 'Reviewed on:' },
    { kind: 'fillIn', label: 'Notes:' },
  ];
}

/** A shared card as one line: its kind, its text, and "Helpful" when the SENCO found it so. */
function sharedLine(card: PlanExport['shared'][number]): Block {
  return {
    kind: 'paragraph',
    bullet: true,
    runs: [
      { text: `${card.kind}: `, bold: true },
      { text: card.text },
      ...(card.helpful ? [{ text: '  (Helpful)', bold: true }] : []),
    ],
  };
}

/** Issue 13: the services signposted (from the directory), each with how to access it; absent when there are none. */
export const SERVICES_TITLE = 'Services signposted';

function servicesSection(services: PlanExport['services']): Block[] {
  if (services.length === 0) return [];
  return [
    { kind: 'heading', level: 2, text: SERVICES_TITLE },
    ...services.map(
      (service): Block => ({
        kind: 'paragraph',
        bullet: true,
        runs: [{ text: `${service.name}: `, bold: true }, { text: service.access }],
      }),
    ),
  ];
}

/** The exported plan, first to last. */
export function planDocument(plan: PlanExport): ExportDocument {
  const blocks: Block[] = [
    { kind: 'title', text: TITLE },
    { kind: 'fields', rows: headingFields(plan) },
    { kind: 'heading', level: 2, text: 'Action plan' },
    actionTable(plan.rows),
    ...servicesSection(plan.services),
    { kind: 'fillIn', label: SHARED_WITH_PARENT },
    { kind: 'heading', level: 2, text: REVIEW_TITLE },
    { kind: 'heading', level: 3, text: 'Review history' },
    ...reviewHistory(plan.reviews),
    ...nextReview(plan.rows),
    { kind: 'heading', level: 2, text: APPENDIX_TITLE, pageBreakBefore: true },
  ];
  for (const part of summaryParts(plan))
    blocks.push(paragraph(part.title, { bold: true, spaceBefore: true }), ...part.lines.map((line) => paragraph(line)));
  blocks.push({ kind: 'heading', level: 3, text: SHARED_TITLE });
  if (plan.shared.length === 0) blocks.push(paragraph('None recorded.'));
  blocks.push(...plan.shared.map(sharedLine));
  return {
    title: `Action plan ${plan.reference}`,
    pageHeader: pageHeader(`Case ${plan.reference} · Action plan`),
    blocks,
  };
}
