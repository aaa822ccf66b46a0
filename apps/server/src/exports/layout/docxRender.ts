import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, ExportDocument, Run } from './exportDocument.js';
import { fitColumns } from './tableColumns.js';

const FONT = 'Arial';
/** Sizes in half-points, as Word counts them. */
const BODY = 20;
const TABLE = 18;
/** A4 with 900-twip margins: the width text may take, in twips (20 to a point). */
const PAGE_MARGIN = 900;
const TEXT_WIDTH = 11906 - 2 * PAGE_MARGIN;
/** A table cell's left and right margins, in twips (set on every cell, so Word does not choose its own). */
const CELL_MARGIN = 80;
const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

const textRun = (run: Run, size = BODY) => new TextRun({ text: run.text, bold: run.bold, font: FONT, size });
const cellMargins = { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 };

function cell(text: string, width: number, bold = false) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: cellMargins,
    children: [new Paragraph({ children: [textRun({ text, bold }, TABLE)] })],
  });
}

/**
 * A table laid out fixed, at widths fitted to its words: Word's own fitting (or a percentage) broke words such as
 * "Communication" across lines in narrow columns.
 */
function table({ header, rows, weights, whole }: Extract<Block, { kind: 'table' }>): Table {
  const padding = 2 * CELL_MARGIN;
  const points = fitColumns(header, rows, {
    weights,
    whole,
    width: (TEXT_WIDTH - header.length * padding) / 20,
    fontSize: TABLE / 2,
  });
  const widths = points.map((width) => Math.floor(width * 20) + padding);
  // A short row stays on one page; a long one may run on, as a row taller than a page must.
  const short = (cells: string[]) => cells.join('').length < 600;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((sum, width) => sum + width, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((label, i) => cell(label, widths[i] ?? 0, true)),
      }),
      ...rows.map(
        (cells) =>
          new TableRow({ cantSplit: short(cells), children: cells.map((text, i) => cell(text, widths[i] ?? 0)) }),
      ),
    ],
  });
}

function fields(rows: [string, string][]): Table {
  const label = Math.round(TEXT_WIDTH * 0.3);
  const widths = [label, TEXT_WIDTH - label];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      ([name, value]) =>
        new TableRow({
          cantSplit: true,
          children: [cell(name, widths[0] ?? 0, true), cell(value, widths[1] ?? 0)],
        }),
    ),
  });
}

const BOX = '☐';

function render(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: block.text, font: FONT })] }),
      ];
    case 'heading': {
      const run = new TextRun({ text: block.text, font: FONT });
      return [
        new Paragraph({
          heading: HEADINGS[block.level],
          pageBreakBefore: block.pageBreakBefore,
          keepNext: true,
          spacing: { before: 240 },
          children: [block.anchor ? new Bookmark({ id: block.anchor, children: [run] }) : run],
        }),
      ];
    }
    case 'fields':
      return [fields(block.rows)];
    case 'table':
      return [table(block)];
    case 'paragraph':
      return [
        new Paragraph({
          bullet: block.bullet ? { level: 0 } : undefined,
          spacing: block.spaceBefore ? { before: 160 } : undefined,
          children: block.runs.map((run) => textRun(run)),
        }),
      ];
    case 'fillIn':
      return [
        new Paragraph({
          children: [textRun({ text: `${block.label} `, bold: true })],
          border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '999999', space: 8 } },
          spacing: { before: 200 },
        }),
      ];
    case 'choices': {
      const boxes = block.choices.map((choice) => `${BOX} ${choice}`);
      const label = block.label ? `${block.label}: ` : '';
      return block.inline
        ? [new Paragraph({ children: [textRun({ text: `${label}${boxes.join('    ')}` })] })]
        : boxes.map((text) => new Paragraph({ children: [textRun({ text })] }));
    }
    case 'group':
      return block.blocks.flatMap(render);
    case 'contents':
      return block.entries.map(
        (entry) =>
          new Paragraph({
            indent: entry.level === 2 ? { left: 400 } : undefined,
            spacing: { before: entry.level === 1 ? 120 : 40 },
            children: [
              new InternalHyperlink({
                anchor: entry.anchor,
                children: [new TextRun({ text: entry.text, font: FONT, size: BODY, bold: entry.level === 1 })],
              }),
            ],
          }),
      );
  }
}

/** The document as a Word file: "Confidential" and the subject in every page's header, page numbers below. */
export function renderDocx(document: ExportDocument): Promise<Buffer> {
  const small = (children: (string | (typeof PageNumber)[keyof typeof PageNumber])[], bold = false) =>
    new TextRun({ children, font: FONT, size: 16, bold });
  const file = new Document({
    creator: 'Consultboard',
    title: document.title,
    features: { updateFields: false },
    sections: [
      {
        properties: {
          page: { margin: { top: PAGE_MARGIN, bottom: PAGE_MARGIN, left: PAGE_MARGIN, right: PAGE_MARGIN } },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [small([document.pageHeader], true)] }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [small(['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES])],
              }),
            ],
          }),
        },
        children: document.blocks.flatMap(render),
      },
    ],
  });
  return Packer.toBuffer(file);
}
