import { renderDocx } from './layout/docxRender.js';
import type { PlanExport } from './planExport.js';
import { planDocument } from './planSections.js';

/** The plan as a Word document, laid out as a school files it. */
export const planDocx = (plan: PlanExport): Promise<Buffer> => renderDocx(planDocument(plan));
