import { Worker } from 'node:worker_threads';
import type { ExportFinding } from '@consultboard/domain';
import type { ExportJob } from '../exports/exportJob.js';
import { logger } from '../logger.js';
import type { FromWorker, ToWorker } from './exportMessages.js';

export interface ExportPoolSettings {
  /** Worker threads; each builds one file at a time, so this is also how many run at once. */
  workers: number;
  /** Jobs that may wait for a worker, across the server. */
  maxQueued: number;
  /** Jobs one person may have waiting. */
  maxQueuedPerUser: number;
  /** How long one job may run before its worker is stopped and replaced. */
  timeoutMs: number;
  /** Each worker's heap (MB): a file too big to build fails that job, not the server. */
  heapMb: number;
}

/** Why a job produced no file, as a stable code (the HTTP layer turns each into an answer). */
export type ExportFailure = 'exports_busy' | 'export_failed' | 'export_timed_out' | 'export_cancelled';
export type ExportOutcome =
  | { ok: true; bytes: Uint8Array<ArrayBuffer> }
  | { ok: false; code: ExportFailure }
  /** The privacy guard stopped the file (issue 10): not a failure of the pool, an answer for the caller. */
  | { ok: false; code: 'personal_data_to_check'; findings: ExportFinding[] };

interface Pending {
  id: number;
  job: ExportJob;
  userId: string;
  settle: (outcome: ExportOutcome) => void;
}

interface Slot {
  worker: Worker;
  /** The worker has loaded its modules; a job's clock starts only once it is sent to a ready worker. */
  ready: boolean;
  /** The job it is building, or the one it was started for while it loads. */
  pending: Pending | null;
  timer: NodeJS.Timeout | undefined;
  /** Stopped on purpose (timed out, or the pool closed): its exit is expected. */
  retired: boolean;
}

/**
 * Where the worker's code is. Built, the server is one bundle (dist/main.js) with the worker's bundle beside it
 * (dist/exportWorker.js); from source (tests, `tsx`), this module is a .ts file and the worker is loaded through
 * tsx by a small JavaScript starter.
 */
export function exportWorkerEntry(base = import.meta.url): { file: URL; workerData?: { entry: string } } {
  if (base.endsWith('.ts'))
    return { file: new URL('./tsWorker.mjs', base), workerData: { entry: new URL('./exportWorker.ts', base).href } };
  return { file: new URL('./exportWorker.js', base) };
}

const failure = (code: ExportFailure): ExportOutcome => ({ ok: false, code });

/**
 * A few worker threads that build Word and PDF files, so a large export never holds up the event loop that
 * serves the live meetings. Workers start when first needed and stay. Past the workers, a bounded queue (per
 * server and per person); past that, `exports_busy` at once. A job that runs too long has its worker stopped
 * and replaced; a worker that crashes (or runs out of its heap) fails only the job it was building.
 *
 * A job whose request goes away while it waits is dropped from the queue; once running it is finished (its file
 * is then thrown away), so starting and abandoning requests cannot hold more than the limits allow.
 */
export class ExportPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly settings: ExportPoolSettings,
    private readonly entry = exportWorkerEntry(),
  ) {}

  /** Builds a file in a worker, or says why it cannot. Never rejects. */
  run(job: ExportJob, who: { userId: string; signal?: AbortSignal }): Promise<ExportOutcome> {
    if (this.closed || who.signal?.aborted) return Promise.resolve(failure('export_cancelled'));
    return new Promise((resolve) => {
      let settled = false;
      const pending: Pending = {
        id: this.nextId++,
        job,
        userId: who.userId,
        settle: (outcome) => {
          if (settled) return;
          settled = true;
          resolve(outcome);
        },
      };
      const idle = [...this.slots].find((slot) => slot.ready && !slot.pending && !slot.retired);
      if (idle) return this.assign(idle, pending);
      if (this.slots.size < this.settings.workers) return this.spawn(pending);
      const waiting = this.queue.filter((item) => item.userId === who.userId).length;
      if (this.queue.length >= this.settings.maxQueued || waiting >= this.settings.maxQueuedPerUser)
        return pending.settle(failure('exports_busy'));
      this.queue.push(pending);
      who.signal?.addEventListener(
        'abort',
        () => {
          const index = this.queue.indexOf(pending);
          if (index === -1) return;
          this.queue.splice(index, 1);
          pending.settle(failure('export_cancelled'));
        },
        { once: true },
      );
    });
  }

  /** How many workers there are, how many jobs run and how many wait (for tests). */
  stats(): { workers: number; running: number; queued: number } {
    const live = [...this.slots].filter((slot) => !slot.retired);
    return {
      workers: live.length,
      running: live.filter((slot) => slot.pending).length,
      queued: this.queue.length,
    };
  }

  /** Stops every worker; jobs still running or waiting end as cancelled. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.settle(failure('export_cancelled'));
    await Promise.all(
      [...this.slots].map((slot) => {
        slot.retired = true;
        clearTimeout(slot.timer);
        slot.pending?.settle(failure('export_cancelled'));
        return slot.worker.terminate();
      }),
    );
    this.slots.clear();
  }

  /** Starts a worker for a job; the job is sent once the worker has loaded. */
  private spawn(pending: Pending): void {
    let worker: Worker;
    try {
      worker = new Worker(this.entry.file, {
        workerData: this.entry.workerData,
        resourceLimits: { maxOldGenerationSizeMb: this.settings.heapMb },
      });
    } catch (error) {
      logger.error({ err: error }, 'export worker could not start');
      pending.settle(failure('export_failed'));
      return;
    }
    // The HTTP server keeps the process alive; an idle worker must not.
    worker.unref();
    const slot: Slot = { worker, ready: false, pending, timer: undefined, retired: false };
    this.slots.add(slot);
    worker.on('message', (message: FromWorker) => this.onMessage(slot, message));
    worker.on('error', (error) => {
      logger.error({ err: error, job: describe(slot.pending) }, 'export worker crashed');
      this.finish(slot, failure('export_failed'));
    });
    worker.on('exit', (code) => this.onExit(slot, code));
  }

  private onMessage(slot: Slot, message: FromWorker): void {
    if (slot.retired) return;
    if (message.type === 'ready') {
      slot.ready = true;
      if (slot.pending) this.send(slot);
      else this.next(slot);
      return;
    }
    if (slot.pending?.id !== message.id) return;
    if (message.type === 'failed') logger.error({ job: describe(slot.pending), error: message.error }, 'export failed');
    this.finish(
      slot,
      message.type === 'done'
        ? { ok: true, bytes: message.bytes }
        : message.type === 'toCheck'
          ? { ok: false, code: 'personal_data_to_check', findings: message.findings }
          : failure('export_failed'),
    );
    this.next(slot);
  }

  private onExit(slot: Slot, code: number): void {
    this.slots.delete(slot);
    clearTimeout(slot.timer);
    if (slot.pending) {
      logger.error({ code, job: describe(slot.pending) }, 'export worker stopped during a job');
      this.finish(slot, failure('export_failed'));
    }
    if (this.closed) return;
    if (!slot.ready && !slot.retired) {
      // The worker could not even load (a broken install): fail what waits rather than restart in a loop.
      logger.error({ code }, 'export worker could not start');
      for (const pending of this.queue.splice(0)) pending.settle(failure('export_failed'));
      return;
    }
    // Replace it for whatever waits; otherwise the next job starts a worker when it comes.
    const waiting = this.queue.shift();
    if (waiting) this.spawn(waiting);
  }

  private assign(slot: Slot, pending: Pending): void {
    slot.pending = pending;
    this.send(slot);
  }

  private send(slot: Slot): void {
    const pending = slot.pending as Pending;
    slot.timer = setTimeout(() => {
      logger.warn({ job: describe(pending), timeoutMs: this.settings.timeoutMs }, 'export timed out');
      this.finish(slot, failure('export_timed_out'));
      slot.retired = true;
      void slot.worker.terminate();
    }, this.settings.timeoutMs);
    try {
      slot.worker.postMessage({ id: pending.id, job: pending.job } satisfies ToWorker);
    } catch (error) {
      // A job is plain data; should one ever fail to copy, that job fails and the worker stays free.
      logger.error({ err: error, job: describe(pending) }, 'export could not be sent to its worker');
      this.finish(slot, failure('export_failed'));
      this.next(slot);
    }
  }

  /** Settles the slot's job, once, and frees the slot. */
  private finish(slot: Slot, outcome: ExportOutcome): void {
    clearTimeout(slot.timer);
    slot.timer = undefined;
    slot.pending?.settle(outcome);
    slot.pending = null;
  }

  /** Gives a free worker the oldest waiting job. */
  private next(slot: Slot): void {
    const waiting = this.queue.shift();
    if (waiting) this.assign(slot, waiting);
  }
}

/** What a log line may say about a job: its kind, never the case's data. */
function describe(pending: Pending | null): string | undefined {
  if (!pending) return undefined;
  return 'format' in pending.job ? `${pending.job.kind}.${pending.job.format}` : pending.job.kind;
}
