import type { Context } from 'hono';
import type { ExportJob } from '../exports/exportJob.js';
import type { ExportFailure } from '../workers/exportPool.js';
import { requireActor } from './access.js';
import type { AppEnv, HttpDeps } from './context.js';
import { errors } from './errors.js';

/** How long a refused export should wait before asking again: about one export's time. */
const RETRY_AFTER_SECONDS = 5;

const FAILURES: Record<ExportFailure, () => Error> = {
  exports_busy: errors.exportsBusy,
  export_failed: errors.exportFailed,
  export_timed_out: errors.exportTimedOut,
  export_cancelled: errors.exportCancelled,
};

/**
 * Builds a file in the export workers for the signed-in caller, or throws the answer that says why not
 * (503 with Retry-After when the workers and their queue are full). A request that goes away while its job
 * waits takes the job out of the queue.
 */
export async function buildExport(
  c: Context<AppEnv>,
  deps: HttpDeps,
  job: ExportJob,
): Promise<Uint8Array<ArrayBuffer>> {
  const { user } = requireActor(c);
  const outcome = await deps.exports.run(job, { userId: user.id, signal: c.req.raw.signal });
  if (outcome.ok) return outcome.bytes;
  if (outcome.code === 'personal_data_to_check') throw errors.personalDataToCheck(outcome.findings);
  if (outcome.code === 'exports_busy') c.header('Retry-After', String(RETRY_AFTER_SECONDS));
  throw FAILURES[outcome.code]();
}
