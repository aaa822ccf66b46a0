/**
 * The export worker: a thread of its own that builds Word and PDF files (see exportPool.ts). Built as its own
 * bundle (dist/exportWorker.js) beside the server's; run from source through tsWorker.mjs.
 */
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { runExportJob } from '../exports/exportJob.js';
import type { FromWorker, ToWorker } from './exportMessages.js';

const port = parentPort;
if (!port) throw new Error('exportWorker.ts runs as a worker thread only');

// Exports give way to the live meetings when the cores are busy. On Linux a thread has its own nice value, so
// this lowers this thread only (elsewhere it would lower the whole server, so it is left alone).
if (process.platform === 'linux') {
  try {
    os.setPriority(10);
  } catch {
    // Not allowed here (a locked-down container): the exports simply keep the default priority.
  }
}

/** The bytes in an array of their own: a small Buffer is a view on a shared pool, which must not be handed over. */
function owned(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

port.on('message', ({ id, job }: ToWorker) => {
  runExportJob(job).then(
    (outcome) => {
      if ('findings' in outcome) {
        port.postMessage({ type: 'toCheck', id, findings: outcome.findings } satisfies FromWorker);
        return;
      }
      const result = owned(outcome.bytes);
      port.postMessage({ type: 'done', id, bytes: result } satisfies FromWorker, [result.buffer]);
    },
    (error: unknown) => {
      // The kind of error and where, never its message: a message may quote the case's text.
      const text =
        error instanceof Error ? [error.name, ...(error.stack ?? '').split('\n').slice(1)].join('\n') : 'Error';
      port.postMessage({ type: 'failed', id, error: text } satisfies FromWorker);
    },
  );
});

// The modules above are loaded: the pool may send work (and start a job's clock) from now on.
port.postMessage({ type: 'ready' } satisfies FromWorker);
