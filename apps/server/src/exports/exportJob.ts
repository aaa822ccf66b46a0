import type { ExportFinding, MinutesBody } from '@consultboard/domain';
import { type ConsentFormDetails, consentFormPdf } from '../pdf/consentForm.js';
import { evidenceFindings, evidencePack } from './evidencePack.js';
import { evidenceDocument } from './evidenceSections.js';
import type { EvidenceSource } from './evidenceSource.js';
import { exportFindings, findingsIn } from './exportFindings.js';
import { renderDocx } from './layout/docxRender.js';
import { renderPdf } from './layout/pdfRender.js';
import { minutesDocx } from './minutesDocx.js';
import { minutesTexts } from './minutesLayout.js';
import { minutesPdf } from './minutesPdf.js';
import { planDocx } from './planDocx.js';
import { planExport } from './planExport.js';
import { planPdf } from './planPdf.js';
import type { PlanSource } from './planSource.js';

/** A file the export worker builds: what to build, and the data read for it (plain values, cloned to the worker). */
export type ExportJob =
  /** `dismissed`: the case's dismissed findings (keys); any other finding stops the file (issue 10). */
  | { kind: 'plan'; format: 'docx' | 'pdf'; source: PlanSource; dismissed: string[] }
  | { kind: 'consentForm'; details: ConsentFormDetails }
  /** Issue 12: a case's minutes from the locality file, checked by the guard like a plan. */
  | { kind: 'minutes'; format: 'docx' | 'pdf'; minutes: MinutesBody; dismissed: string[] }
  /** A school's evidence pack (issue 13): every case in it checked by the guard, with its own dismissals. */
  | { kind: 'evidencePack'; format: 'docx' | 'pdf'; source: EvidenceSource };

/** A job's file, or the findings that must be checked before it may be built. */
export type ExportResult = { bytes: Uint8Array } | { findings: ExportFinding[] };

/**
 * Builds a job's file. Everything costly happens here: notes read from Yjs, layout, encoding. A plan is checked
 * by the privacy guard on exactly what the file would print, so no finding nobody dismissed is ever in it.
 */
export async function runExportJob(job: ExportJob): Promise<ExportResult> {
  switch (job.kind) {
    case 'plan': {
      const plan = planExport(job.source);
      const findings = exportFindings(plan, job.dismissed);
      if (findings.length > 0) return { findings };
      return { bytes: await (job.format === 'docx' ? planDocx(plan) : planPdf(plan)) };
    }
    case 'minutes': {
      const findings = findingsIn(minutesTexts(job.minutes), job.dismissed);
      if (findings.length > 0) return { findings };
      return { bytes: await (job.format === 'docx' ? minutesDocx(job.minutes) : minutesPdf(job.minutes)) };
    }
    case 'evidencePack': {
      const pack = evidencePack(job.source);
      const dismissed = new Map(job.source.cases.map((item) => [item.caseId, item.dismissed]));
      const findings = evidenceFindings(pack, dismissed);
      if (findings.length > 0) return { findings };
      const document = evidenceDocument(pack);
      return { bytes: await (job.format === 'docx' ? renderDocx(document) : renderPdf(document)) };
    }
    case 'consentForm':
      return { bytes: await consentFormPdf(job.details) };
  }
}
