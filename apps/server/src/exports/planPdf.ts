import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfmake } from '../pdf/standardFonts.js';
import { inlineText, paragraphChunks } from './pdfText.js';
import type { PlanExport } from './planExport.js';
import {
  headingFields,
  impactChoices,
  outcomeChoices,
  REVIEW_INTRO,
  REVIEW_TITLE,
  SERVICES_TITLE,
  serviceLines,
  sharedLine,
  summaryParts,
  TABLE_COLUMNS,
  TITLE,
  tableRows,
} from './planSections.js';

const BOX = '[  ]';
const heading = (text: string): Content => ({ text, style: 'heading' });
// A fresh node each time: pdfmake writes its layout into the nodes it is given.
const rule = (): Content => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 495, y2: 0, lineWidth: 0.5 }] });

/** The plan's PDF definition: the same layout as the Word file, with page numbers and the table header repeated. */
export function planPdfDefinition(plan: PlanExport): TDocumentDefinitions {
  const content: Content[] = [
    { text: TITLE, fontSize: 16, bold: true, margin: [0, 0, 0, 10] },
    {
      table: {
        widths: [110, '*'],
        body: headingFields(plan).map(([label, value]) => [{ text: label, bold: true }, { text: inlineText(value) }]),
      },
      layout: 'lightHorizontalLines',
    },
    heading('Summary'),
  ];
  for (const part of summaryParts(plan))
    content.push(
      { text: part.title, bold: true, margin: [0, 6, 0, 2] },
      ...part.lines.flatMap((line) => paragraphChunks(line).map((text): Content => ({ text: inlineText(text) }))),
    );
  content.push(heading('Strategies and resources shared by the group'));
  const shared = plan.shared.map(sharedLine);
  content.push(
    shared.length === 0
      ? { text: 'None recorded.' }
      : {
          ul: shared.map(
            (card): Content => ({
              text: [
                { text: `${card.label} `, bold: true },
                ...[inlineText(card.text)].flat(),
                ...(card.helpful ? [{ text: '  (Helpful)', bold: true }] : []),
              ],
            }),
          ),
        },
  );
  content.push(heading('Action plan'), {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['24%', '12%', '12%', '22%', '14%', '16%'],
      body: [
        TABLE_COLUMNS.map((label) => ({ text: label, bold: true, fillColor: '#eeeeee' })),
        ...tableRows(plan).map((cells) => cells.map((text) => ({ text: inlineText(text) }))),
      ],
    },
    fontSize: 9,
  });
  // Issue 13: the services signposted, after the table, when there are any.
  const services = serviceLines(plan);
  if (services.length > 0)
    content.push(heading(SERVICES_TITLE), {
      ul: services.map(
        (service): Content => ({
          text: [{ text: `${service.name}: `, bold: true }, ...[inlineText(service.access)].flat()],
        }),
      ),
    });
  content.push(heading(REVIEW_TITLE), { text: REVIEW_INTRO, margin: [0, 0, 0, 4] });
  plan.rows.forEach((row, index) => {
    content.push({
      unbreakable: true,
      stack: [
        { text: inlineText(`${index + 1}. ${row.action}`), bold: true, margin: [0, 8, 0, 2] },
        { text: `Impact: ${impactChoices(BOX)}` },
        { text: 'Notes:', margin: [0, 4, 0, 14] },
        rule(),
      ],
    });
  });
  content.push(
    { text: 'Outcome', bold: true, margin: [0, 12, 0, 2] },
    ...outcomeChoices(BOX).map((text): Content => ({ text })),
    { text: 'Reviewed on:', margin: [0, 10, 0, 14] },
    rule(),
    { text: 'Notes:', margin: [0, 10, 0, 14] },
    rule(),
  );
  return {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    info: { title: `Action plan ${plan.reference}`, creator: 'Consultboard' },
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
    styles: { heading: { fontSize: 13, bold: true, margin: [0, 14, 0, 4] } },
    footer: (currentPage, pageCount) => ({
      text: `Page ${currentPage} of ${pageCount}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content,
  };
}

/** Renders the plan to PDF bytes. */
export function planPdf(plan: PlanExport): Promise<Buffer> {
  return pdfmake.createPdf(planPdfDefinition(plan)).getBuffer();
}
