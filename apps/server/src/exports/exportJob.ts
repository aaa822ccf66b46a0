import { type ConsentFormDetails, consentFormPdf } from '../pdf/consentForm.js';
import { planDocx } from './planDocx.js';
import { planExport } from './planExport.js';
import { planPdf } from './planPdf.js';
import type { PlanSource } from './planSource.js';

/** A file the export worker builds: what to build, and the data read for it (plain values, cloned to the worker). */
export type ExportJob =
  | { kind: 'plan'; format: 'docx' | 'pdf'; source: PlanSource }
  | { kind: 'consentForm'; details: ConsentFormDetails };

/** Builds a job's file. Everything costly happens here: notes read from Yjs, layout, encoding. */
export async function runExportJob(job: ExportJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'plan': {
      const plan = planExport(job.source);
      return job.format === 'docx' ? planDocx(plan) : planPdf(plan);
    }
    case 'consentForm':
      return consentFormPdf(job.details);
  }
}
