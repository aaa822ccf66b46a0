import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfmake } from '../../pdf/standardFonts.js';
import { inlineText, PARAGRAPH_CHUNK, paragraphChunks } from '../pdfText.js';
import type { Block, ExportDocument } from './exportDocument.js';
import { fitColumns } from './tableColumns.js';

/** A4 less 50-point margins: the width text may take. */
const TEXT_WIDTH = 595.28 - 2 * 50;
const TABLE_SIZE = 9;
/** A cell's padding on each side and the width of each vertical rule (pdfmake's plain table layout). */
const CELL_PADDING = 4;
const RULE = 1;
// The PDF's standard fonts have no ☐.
const BOX = '[  ]';
// A fresh node each time: pdfmake writes its layout into the nodes it is given.
const rule = (): Content => ({
  canvas: [{ type: 'line', x1: 0, y1: 0, x2: TEXT_WIDTH, y2: 0, lineWidth: 0.5 }],
});

function table({ header, rows, weights, whole }: Extract<Block, { kind: 'table' }>): Content {
  const chrome = header.length * 2 * CELL_PADDING + (header.length + 1) * RULE;
  // pdfmake's widths are the cells' text widths: padding and rules come on top.
  const widths = fitColumns(header, rows, { weights, whole, width: TEXT_WIDTH - chrome, fontSize: TABLE_SIZE });
  return {
    table: {
      headerRows: 1,
      widths,
      body: [
        header.map((label) => ({ text: label, bold: true, fillColor: '#eeeeee' })),
        ...rows.map((cells) => cells.map((text) => ({ text: inlineText(text) }))),
      ],
    },
    layout: {
      paddingLeft: () => CELL_PADDING,
      paddingRight: () => CELL_PADDING,
      hLineWidth: () => RULE,
      vLineWidth: () => RULE,
    },
    fontSize: TABLE_SIZE,
    margin: [0, 0, 0, 6],
  };
}

function render(block: Block): Content[] {
  switch (block.kind) {
    case 'title':
      return [{ text: block.text, fontSize: 16, bold: true, margin: [0, 0, 0, 10] }];
    case 'heading':
      return [
        {
          text: block.text,
          style: `heading${block.level}`,
          ...(block.anchor
            ? { id: block.anchor, tocItem: true, tocMargin: [block.level === 1 ? 0 : 14, 2, 0, 0] }
            : {}),
          ...(block.pageBreakBefore ? { pageBreak: 'before' as const } : {}),
        },
      ];
    case 'fields':
      return [
        {
          table: {
            widths: [120, '*'],
            body: block.rows.map(([label, value]) => [{ text: label, bold: true }, { text: inlineText(value) }]),
          },
          layout: 'lightHorizontalLines',
          margin: [0, 0, 0, 8],
        },
      ];
    case 'table':
      return [table(block)];
    case 'paragraph': {
      const margin: [number, number, number, number] = [0, block.spaceBefore ? 8 : 0, 0, 0];
      const length = block.runs.reduce((sum, run) => sum + run.text.length, 0);
      // A long paragraph is laid out as paragraphs of at most PARAGRAPH_CHUNK characters (see pdfText.ts): in one
      // node, pdfmake's time grows with the square of its words.
      const nodes: Content[] =
        length <= PARAGRAPH_CHUNK
          ? [{ text: block.runs.map((run) => ({ text: inlineText(run.text), bold: run.bold })), margin }]
          : block.runs.flatMap((run) =>
              paragraphChunks(run.text).map((chunk): Content => ({ text: inlineText(chunk), bold: run.bold })),
            );
      return block.bullet ? [{ ul: [{ stack: nodes }] }] : nodes;
    }
    case 'fillIn':
      return [{ text: block.label, bold: true, margin: [0, 10, 0, 14] }, rule()];
    case 'choices': {
      const boxes = block.choices.map((choice) => `${BOX} ${choice}`);
      const label = block.label ? `${block.label}: ` : '';
      return block.inline ? [{ text: `${label}${boxes.join('    ')}` }] : boxes.map((text): Content => ({ text }));
    }
    case 'group':
      return [{ unbreakable: true, stack: block.blocks.flatMap(render) }];
    case 'contents':
      // pdfmake writes the contents from the headings marked tocItem, with their page numbers.
      return [{ toc: { numberStyle: { bold: false } }, margin: [0, 0, 0, 8] }];
  }
}

/** The document as PDF bytes: "Confidential" and the subject in every page's header, page numbers below. */
export function renderPdf(document: ExportDocument): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    info: { title: document.title, creator: 'Consultboard' },
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
    styles: {
      heading1: { fontSize: 14, bold: true, margin: [0, 14, 0, 6] },
      heading2: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      heading3: { fontSize: 11, bold: true, margin: [0, 8, 0, 2] },
    },
    header: () => ({ text: document.pageHeader, alignment: 'right', fontSize: 8, bold: true, margin: [50, 25, 50, 0] }),
    footer: (currentPage, pageCount) => ({
      text: `Page ${currentPage} of ${pageCount}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content: document.blocks.flatMap(render),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
