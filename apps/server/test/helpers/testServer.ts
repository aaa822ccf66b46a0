import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Config, configFromEnv } from '../../src/config.js';
import { type RunningServer, startServer } from '../../src/server.js';

/** A fresh data folder under the system's temp folder. */
export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-test-'));
}

/** A real server on port 0 over a real SQLite file in a fresh folder. */
export async function startTestServer(
  dataDir = tempDataDir(),
  overrides: Partial<Config> = {},
): Promise<RunningServer & { dataDir: string }> {
  const server = await startServer(
    configFromEnv({}, { port: 0, host: '127.0.0.1', dataDir, webDist: null, publicUrl: null, ...overrides }),
  );
  // Assigned, not spread: the server's counters are getters, read when asked.
  return Object.assign(server, { dataDir });
}
