import type { ExportFinding } from '@consultboard/domain';
import type { ExportJob } from '../exports/exportJob.js';

/** What the pool sends an export worker: one job at a time. */
export interface ToWorker {
  id: number;
  job: ExportJob;
}

/** What an export worker sends back: that it has loaded, then each job's file or why it failed. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: number; bytes: Uint8Array<ArrayBuffer> }
  /** The privacy guard stopped the file: the findings to check first (issue 10). */
  | { type: 'toCheck'; id: number; findings: ExportFinding[] }
  | { type: 'failed'; id: number; error: string };
