// Starts a worker written in TypeScript when the server runs from source (tests, `tsx`): registers tsx in this
// thread, then loads the entry. The built server runs its bundled worker (dist/exportWorker.js) directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
