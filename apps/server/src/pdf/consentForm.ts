import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pdfmake } from './standardFonts.js';

/** What the consent form is filled in with: never a child's name, only the anonymised reference. */
export interface ConsentFormDetails {
  reference: string;
  schoolName: string;
  localityName: string;
}

const blankLine = (label: string): Content => ({
  columns: [
    { text: label, width: 150, bold: true },
    { text: '', width: '*' },
  ],
  margin: [0, 22, 0, 0],
});

// A fresh node each time: pdfmake writes its layout into the nodes it is given.
const rule = (): Content => ({
  canvas: [{ type: 'line', x1: 150, y1: 0, x2: 495, y2: 0, lineWidth: 0.75 }],
});

/** The single-sided parental consent form (one A4 page) for discussing a child at the locality group. */
export function consentFormDefinition(details: ConsentFormDetails): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 50],
    info: { title: `Parental consent: ${details.reference}`, creator: 'Consultboard' },
    defaultStyle: { font: 'Helvetica', fontSize: 11, lineHeight: 1.25 },
    content: [
      { text: 'SEND Locality Group Consultation', fontSize: 18, bold: true },
      { text: 'Parent/carer consent', fontSize: 14, margin: [0, 2, 0, 14] },
      {
        table: {
          widths: [150, '*'],
          body: [
            [{ text: 'School', bold: true }, details.schoolName],
            [{ text: 'Locality', bold: true }, details.localityName],
            [{ text: 'Case reference', bold: true }, details.reference],
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 0, 0, 14],
      },
      { text: 'What is a locality group consultation?', bold: true, margin: [0, 0, 0, 4] },
      {
        text:
          'Every half term, the SENCOs from a family of schools (a locality) meet with an Educational Psychologist ' +
          'from the Educational Psychology Service. A SENCO may bring a child they are supporting, and the group ' +
          'shares ideas and strategies to help. The school then writes an action plan and reviews it later.',
        margin: [0, 0, 0, 8],
      },
      { text: 'Confidential and anonymous', bold: true, margin: [0, 0, 0, 4] },
      {
        text:
          'The discussion is confidential and anonymous. Your child is identified only by their first initial, ' +
          'year group and gender (for example J5M), never by name. The Educational Psychology Service keeps ' +
          'anonymised records of the meeting in its locality file.',
        margin: [0, 0, 0, 8],
      },
      { text: 'Your consent', bold: true, margin: [0, 0, 0, 4] },
      {
        text:
          'I agree that the school may seek advice about my child from the locality group, including ' +
          'Educational Psychologists, as described above.',
      },
      blankLine('Parent/carer signature'),
      rule(),
      blankLine('Date'),
      rule(),
      {
        text: 'The school keeps this signed form for its records.',
        italics: true,
        fontSize: 9,
        margin: [0, 30, 0, 0],
      },
    ],
  };
}

/** Renders the consent form to PDF bytes. */
export function consentFormPdf(details: ConsentFormDetails): Promise<Buffer> {
  return pdfmake.createPdf(consentFormDefinition(details)).getBuffer();
}
