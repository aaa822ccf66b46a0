import { describe, expect, it } from 'vitest';
import { consentFormPdf } from './consentForm.js';

describe('consentFormPdf', () => {
  it('renders again and again (pdfmake writes into the nodes it is given, so none may be shared)', async () => {
    const details = { reference: 'J5M', schoolName: 'Northfield Primary', localityName: 'North East locality' };
    for (let i = 0; i < 3; i++) {
      const pdf = await consentFormPdf(details);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }
  });
});
