/** A server in its own process for the notes benchmarks and fuzz run, reporting its event-loop delay and memory. */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, kill, spawnServer } from '../test/helpers/serverProcess.js';
import { tempDataDir } from '../test/helpers/testServer.js';

const probe = path.join(path.dirname(fileURLToPath(import.meta.url)), 'notesLoopProbe.mjs');

export interface LoopSample {
  at: number;
  p99: number;
  max: number;
  rss: number;
}

export interface ProbedServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Every line the probe printed so far. */
  samples: LoopSample[];
  /** The samples taken between two moments (performance.now() of this process is not the server's: wall time). */
  between(from: number, to: number): LoopSample[];
  alive(): boolean;
  stop(): Promise<void>;
}

export async function startProbedServer(env: Record<string, string> = {}): Promise<ProbedServer> {
  const port = await freePort();
  const dataDir = tempDataDir();
  const child = await spawnServer(dataDir, port, { NODE_OPTIONS: `--import=${probe}`, ...env });
  const samples: LoopSample[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('notes-loop ')) samples.push({ at: Date.now(), ...JSON.parse(line.slice(11)) });
    }
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    child,
    samples,
    between: (from, to) => samples.filter((sample) => sample.at >= from && sample.at <= to),
    alive: () => child.exitCode === null && child.signalCode === null,
    stop: () => kill(child, 'SIGTERM'),
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Probes GET /api/health back to back until stopped; the worst latency tells how long the server was stuck. */
export function healthProbe(url: string) {
  const latencies: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const start = performance.now();
      try {
        await (await fetch(`${url}/api/health`)).arrayBuffer();
        latencies.push(performance.now() - start);
      } catch {
        latencies.push(Number.POSITIVE_INFINITY);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  return {
    latencies,
    stop: async () => {
      running = false;
      await loop;
      return latencies;
    },
  };
}

export const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;
