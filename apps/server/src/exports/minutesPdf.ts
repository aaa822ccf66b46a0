import type { MinutesBody } from '@consultboard/domain';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfmake } from '../pdf/standardFonts.js';
import { MINUTES_TITLE, minutesLayout, pageHeader } from './minutesLayout.js';
import { inlineText, paragraphChunks } from './pdfText.js';

const paragraphs = (text: string, extra: Record<string, unknown> = {}): Content[] =>
  paragraphChunks(text).map((chunk): Content => ({ text: inlineText(chunk), ...extra }));

/** The minutes' PDF definition: A4, "Confidential" and the reference on every page, the same layout as Word. */
export function minutesPdfDefinition(minutes: MinutesBody): TDocumentDefinitions {
  const content: Content[] = [{ text: MINUTES_TITLE, fontSize: 16, bold: true, margin: [0, 0, 0, 10] }];
  for (const block of minutesLayout(minutes)) {
    switch (block.type) {
      case 'fields':
        content.push({
          table: {
            widths: [110, '*'],
            body: block.rows.map(([label, value]) => [{ text: label, bold: true }, { text: inlineText(value) }]),
          },
          layout: 'lightHorizontalLines',
        });
        break;
      case 'heading':
        content.push({ text: block.text, style: 'heading' });
        break;
      case 'subheading':
        content.push({ text: block.text, bold: true, margin: [0, 6, 0, 2] });
        break;
      case 'line':
        content.push(...paragraphs(block.text));
        break;
      case 'card':
        content.push({
          ul: [
            {
              stack: [
                {
                  text: [
                    { text: `${block.label} `, bold: true },
                    ...[inlineText(block.text)].flat(),
                    ...(block.helpful ? [{ text: '  (Helpful)', bold: true }] : []),
                  ],
                },
                ...(block.merged.length > 0 ? [{ ul: block.merged.map((text) => ({ text: inlineText(text) })) }] : []),
              ],
            },
          ],
        });
        break;
      case 'table':
        content.push({
          table: {
            headerRows: 1,
            dontBreakRows: true,
            widths: ['24%', '12%', '12%', '22%', '14%', '16%'],
            body: [
              block.columns.map((label) => ({ text: label, bold: true, fillColor: '#eeeeee' })),
              ...block.rows.map((cells) => cells.map((text) => ({ text: inlineText(text) }))),
            ],
          },
          fontSize: 9,
        });
        break;
    }
  }
  return {
    pageSize: 'A4',
    pageMargins: [50, 60, 50, 50],
    info: { title: `Minutes ${minutes.reference}`, creator: 'Consultboard' },
    defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
    styles: { heading: { fontSize: 13, bold: true, margin: [0, 14, 0, 4] } },
    header: () => ({ text: pageHeader(minutes), alignment: 'right', fontSize: 8, bold: true, margin: [50, 25, 50, 0] }),
    footer: (currentPage, pageCount) => ({
      text: `Page ${currentPage} of ${pageCount}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
    content,
  };
}

export function minutesPdf(minutes: MinutesBody): Promise<Buffer> {
  return pdfmake.createPdf(minutesPdfDefinition(minutes)).getBuffer();
}
