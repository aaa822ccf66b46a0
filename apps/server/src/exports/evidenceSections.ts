import { longDate } from '../dates.js';
import type { EvidenceCase, EvidencePack } from './evidencePack.js';
import { servicesSignposted } from './evidenceServices.js';
import { type Block, type ExportDocument, paragraph } from './layout/exportDocument.js';
import { outcomeLabel } from './planReviews.js';
import { actionTable, PLAN_OWNER, pageHeader, reviewHistory } from './planSections.js';

// The contents name each part by its heading's words: the PDF's contents are written from the headings themselves.
/** The pack's parts, in the order an inspector reads them (issue 13 item 4). */
export const PACK_PARTS = {
  summary: 'Summary of cases',
  plans: 'Action plans and reviews',
  services: 'Services signposted',
} as const;
export const SUMMARY_COLUMNS = [
  'Reference',
  'Areas of need',
  'Consultation date',
  'Plan rows',
  'Review dates',
  'Outcome',
] as const;

const caseAnchor = (index: number) => `case-${index + 1}`;
const caseHeading = (item: EvidenceCase) => `Case ${item.reference}`;

/** The summary table's cells for one case. */
export function summaryRow(item: EvidenceCase): string[] {
  const latest = item.reviews.at(-1);
  const reviewDates = [
    item.agreedReviewDate ? `Agreed: ${longDate(item.agreedReviewDate)}` : '',
    ...item.reviews.map((review) => `Reviewed: ${longDate(review.date)}`),
  ].filter(Boolean);
  return [
    item.reference,
    item.areasOfNeed.join('; ') || 'Not recorded',
    longDate(item.consultationDate),
    item.hasPlan ? String(item.rows.length) : 'No plan yet',
    reviewDates.join('; ') || 'None set',
    latest ? outcomeLabel(latest.outcome) : 'Not reviewed yet',
  ];
}

/** One case's part: its heading block, action plan and review history with the impact of each action. */
function casePart(item: EvidenceCase, index: number): Block[] {
  return [
    { kind: 'heading', level: 2, text: caseHeading(item), anchor: caseAnchor(index), pageBreakBefore: index > 0 },
    {
      kind: 'fields',
      rows: [
        ['Case reference', item.reference],
        ['Consultation date', longDate(item.consultationDate)],
        ['Area(s) of need', item.areasOfNeed.join('; ') || 'Not recorded'],
        ['Plan owner', PLAN_OWNER],
        ['Agreed review date', longDate(item.agreedReviewDate) || 'Not set yet'],
      ],
    },
    { kind: 'heading', level: 3, text: 'Action plan' },
    item.hasPlan ? actionTable(item.rows) : paragraph('No action plan yet: the case has not reached its consultation.'),
    { kind: 'heading', level: 3, text: 'Review history' },
    ...reviewHistory(item.reviews),
  ];
}

/** The school's evidence pack, first to last: contents, summary, each case's plan and reviews, services. */
export function evidenceDocument(pack: EvidencePack): ExportDocument {
  const services = servicesSignposted(pack.cases);
  const range = `${longDate(pack.from)} to ${longDate(pack.to)}`;
  const blocks: Block[] = [
    { kind: 'title', text: `Evidence pack: ${pack.schoolName}` },
    paragraph(`SEND Locality Group Consultation, ${pack.localityName}.`),
    paragraph(`Cases with a consultation from ${range}. Made on ${longDate(pack.madeOn)}.`),
    paragraph(
      `${pack.cases.length} ${pack.cases.length === 1 ? 'case' : 'cases'}. Children are known by reference only.`,
    ),
    { kind: 'heading', level: 1, text: 'Contents' },
    {
      kind: 'contents',
      entries: [
        { text: `1. ${PACK_PARTS.summary}`, anchor: 'summary', level: 1 },
        { text: `2. ${PACK_PARTS.plans}`, anchor: 'plans', level: 1 },
        ...pack.cases.map((item, index) => ({
          text: caseHeading(item),
          anchor: caseAnchor(index),
          level: 2 as const,
        })),
        { text: `3. ${PACK_PARTS.services}`, anchor: 'services', level: 1 },
      ],
    },
    { kind: 'heading', level: 1, text: `1. ${PACK_PARTS.summary}`, anchor: 'summary', pageBreakBefore: true },
    pack.cases.length === 0
      ? paragraph('No case of the school had its consultation in this range.')
      : {
          kind: 'table',
          header: SUMMARY_COLUMNS,
          rows: pack.cases.map(summaryRow),
          weights: [12, 22, 16, 10, 22, 18],
          whole: [2],
        },
    { kind: 'heading', level: 1, text: `2. ${PACK_PARTS.plans}`, anchor: 'plans', pageBreakBefore: true },
    ...(pack.cases.length === 0 ? [paragraph('None in this range.')] : pack.cases.flatMap(casePart)),
    { kind: 'heading', level: 1, text: `3. ${PACK_PARTS.services}`, anchor: 'services', pageBreakBefore: true },
    paragraph('Support outside the school that the group signposted, each once, with the cases it was for.'),
    ...(services.length === 0
      ? [paragraph('None recorded in this range.')]
      : services.map(
          (service): Block => ({
            kind: 'paragraph',
            bullet: true,
            runs: [
              { text: service.text },
              ...(service.access ? [{ text: `: ${service.access}` }] : []),
              { text: ` (${service.references.join(', ')})`, bold: true },
            ],
          }),
        )),
  ];
  return {
    title: `Evidence pack ${pack.from} to ${pack.to}`,
    pageHeader: pageHeader(`Evidence pack · ${pack.schoolName}`),
    blocks,
  };
}
