import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
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

const FONT = 'Arial';
const cell = (text: string, options: { bold?: boolean; width?: number } = {}) =>
  new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.bold, font: FONT, size: 18 })] })],
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
  });
const heading = (text: string) =>
  new Paragraph({
    heading: HeadingLevel.HEADING_2,
    children: [new TextRun({ text, font: FONT })],
    spacing: { before: 240 },
  });
const line = (text: string) => new Paragraph({ children: [new TextRun({ text, font: FONT, size: 20 })] });
const blank = (label: string) =>
  new Paragraph({
    children: [new TextRun({ text: `${label} `, bold: true, font: FONT, size: 20 })],
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 8 } },
    spacing: { before: 200 },
  });

const COLUMN_WIDTHS = [28, 12, 11, 25, 11, 13];

/** The plan as a Word document, laid out as a school files it. */
export function planDocx(plan: PlanExport): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: TITLE, font: FONT })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: headingFields(plan).map(
        ([label, value]) =>
          new TableRow({ children: [cell(label, { bold: true, width: 30 }), cell(value, { width: 70 })] }),
      ),
    }),
    heading('Summary'),
  ];
  for (const part of summaryParts(plan)) {
    children.push(
      new Paragraph({
        children: [new TextRun({ text: part.title, bold: true, font: FONT, size: 20 })],
        spacing: { before: 120 },
      }),
    );
    for (const text of part.lines) children.push(line(text));
  }
  children.push(heading('Strategies and resources shared by the group'));
  if (plan.shared.length === 0) children.push(line('None recorded.'));
  for (const card of plan.shared.map(sharedLine))
    children.push(
      new Paragraph({
        bullet: { level: 0 },
        children: [
          new TextRun({ text: `${card.label} `, bold: true, font: FONT, size: 20 }),
          new TextRun({ text: card.text, font: FONT, size: 20 }),
          ...(card.helpful ? [new TextRun({ text: '  (Helpful)', bold: true, font: FONT, size: 20 })] : []),
        ],
      }),
    );
  children.push(heading('Action plan'));
  children.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: TABLE_COLUMNS.map((label, i) => cell(label, { bold: true, width: COLUMN_WIDTHS[i] })),
        }),
        ...tableRows(plan).map(
          (cells) =>
            new TableRow({
              cantSplit: true,
              children: cells.map((text, i) => cell(text, { width: COLUMN_WIDTHS[i] })),
            }),
        ),
      ],
    }),
  );
  // Issue 13: the services signposted, after the table, when there are any.
  if (serviceLines(plan).length > 0) children.push(heading(SERVICES_TITLE));
  for (const service of serviceLines(plan))
    children.push(
      new Paragraph({
        bullet: { level: 0 },
        children: [
          new TextRun({ text: `${service.name}: `, bold: true, font: FONT, size: 20 }),
          new TextRun({ text: service.access, font: FONT, size: 20 }),
        ],
      }),
    );
  children.push(heading(REVIEW_TITLE), line(REVIEW_INTRO));
  plan.rows.forEach((row, index) => {
    children.push(
      new Paragraph({
        children: [new TextRun({ text: `${index + 1}. ${row.action}`, bold: true, font: FONT, size: 20 })],
        spacing: { before: 160 },
      }),
      line(`Impact: ${impactChoices('☐')}`),
      blank('Notes:'),
    );
  });
  children.push(
    new Paragraph({
      children: [new TextRun({ text: 'Outcome', bold: true, font: FONT, size: 20 })],
      spacing: { before: 240 },
    }),
  );
  for (const choice of outcomeChoices('☐')) children.push(line(choice));
  children.push(blank('Reviewed on:'), blank('Notes:'));

  const document = new Document({
    creator: 'Consultboard',
    title: `Action plan ${plan.reference}`,
    sections: [
      {
        properties: { page: { margin: { top: 900, bottom: 900, left: 900, right: 900 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                    font: FONT,
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
