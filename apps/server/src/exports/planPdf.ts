import { renderPdf } from './layout/pdfRender.js';
import type { PlanExport } from './planExport.js';
import { planDocument } from './planSections.js';

/** The plan as a PDF: the same layout as the Word file, with the table header repeated on each page. */
export const planPdf = (plan: PlanExport): Promise<Buffer> => renderPdf(planDocument(plan));
