import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { logger } from '../logger.js';

/** How often the WAL is copied back into the database file. */
const EVERY_MS = 1000;

// Plain CommonJS run by `eval`, so it needs no file of its own in the build: its own connection to the database,
// and a PASSIVE checkpoint (which never waits for, nor stops, a writer) every so often.
const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
}, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints the WAL on a thread of its own. A checkpoint syncs the WAL and the database file to the disk; run by
 * SQLite's auto-checkpoint it happens inside whichever commit crosses the WAL's size, holding the event loop for as
 * long as the disk takes (100–200 ms on a busy disk, measured). The notes' connection turns auto-checkpoint off and
 * relies on this; the main connection keeps it as a backstop, rarely reached while this runs.
 */
export function startCheckpointer(dataDir: string): { stop(): Promise<void> } {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(SOURCE, {
    eval: true,
    workerData: { driver, file: path.join(dataDir, 'consultboard.db'), everyMs: EVERY_MS },
  });
  worker.unref();
  worker.on('message', (message: { error?: string }) => {
    if (message.error) logger.warn({ error: message.error }, 'WAL checkpoint failed');
  });
  worker.on('error', (error) => logger.error({ err: error }, 'the WAL checkpointer stopped'));
  return {
    stop: async () => {
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage('stop');
      const timer = setTimeout(() => void worker.terminate(), 2000);
      await exited;
      clearTimeout(timer);
    },
  };
}
