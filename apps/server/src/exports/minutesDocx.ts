import type { MinutesBody } from '@consultboard/domain';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
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
import { MINUTES_TITLE, minutesLayout, pageHeader } from './minutesLayout.js';

const FONT = 'Arial';
const run = (text: string, options: { bold?: boolean; size?: number } = {}) =>
  new TextRun({ text, bold: options.bold, font: FONT, size: options.size ?? 20 });
const cell = (text: string, options: { bold?: boolean; width?: number } = {}) =>
  new TableCell({
    children: [new Paragraph({ children: [run(text, { bold: options.bold, size: 18 })] })],
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
  });
const COLUMN_WIDTHS = [28, 12, 11, 25, 11, 13];

/** A case's minutes as a Word document: "Confidential" and the reference in every page's header. */
export function minutesDocx(minutes: MinutesBody): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun({ text: MINUTES_TITLE, font: FONT })] }),
  ];
  for (const block of minutesLayout(minutes)) {
    switch (block.type) {
      case 'fields':
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: block.rows.map(
              ([label, value]) =>
                new TableRow({ children: [cell(label, { bold: true, width: 30 }), cell(value, { width: 70 })] }),
            ),
          }),
        );
        break;
      case 'heading':
        children.push(
          new Paragraph({
            heading: HeadingLevel.HEADING_2,
            children: [new TextRun({ text: block.text, font: FONT })],
            spacing: { before: 240 },
          }),
        );
        break;
      case 'subheading':
        children.push(new Paragraph({ children: [run(block.text, { bold: true })], spacing: { before: 120 } }));
        break;
      case 'line':
        children.push(new Paragraph({ children: [run(block.text)] }));
        break;
      case 'card':
        children.push(
          new Paragraph({
            bullet: { level: 0 },
            children: [
              run(`${block.label} `, { bold: true }),
              run(block.text),
              ...(block.helpful ? [run('  (Helpful)', { bold: true })] : []),
            ],
          }),
          ...block.merged.map((text) => new Paragraph({ bullet: { level: 1 }, children: [run(text)] })),
        );
        break;
      case 'table':
        children.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({
                tableHeader: true,
                cantSplit: true,
                children: block.columns.map((label, i) => cell(label, { bold: true, width: COLUMN_WIDTHS[i] })),
              }),
              ...block.rows.map(
                (cells) =>
                  new TableRow({
                    cantSplit: true,
                    children: cells.map((text, i) => cell(text, { width: COLUMN_WIDTHS[i] })),
                  }),
              ),
            ],
          }),
        );
        break;
    }
  }
  const document = new Document({
    creator: 'Consultboard',
    title: `Minutes ${minutes.reference}`,
    sections: [
      {
        properties: { page: { margin: { top: 900, bottom: 900, left: 900, right: 900 } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [run(pageHeader(minutes), { bold: true, size: 16 })],
              }),
            ],
          }),
        },
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
