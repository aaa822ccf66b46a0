/**
 * Export benchmark: a real server over a real SQLite file, a plan of 20 full rows, downloaded as Word and as PDF
 * through the HTTP routes the pages use (gathering the case, its notes and cards, building the file, sending it).
 * Prints latency percentiles for each format. Run: pnpm --filter @consultboard/server bench:exports
 */
import { performance } from 'node:perf_hooks';
import { buildRow } from '../test/helpers/actionPlan.js';
import { startTestServer } from '../test/helpers/testServer.js';
import { buildCase, buildWorld } from '../test/helpers/world.js';

const ROWS = Number(process.env.ROWS ?? 20);
const RUNS = Number(process.env.RUNS ?? 50);
const WARM_UP = 5;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const fmt = (ms: number) => ms.toFixed(1);

const server = await startTestServer();
try {
  const world = await buildWorld(server.url);
  const senco = world.north.senco;
  const item = await buildCase(senco, { reference: 'J5M' });
  const rows = Array.from({ length: ROWS }, (_, i) =>
    buildRow({
      action: `Action ${i + 1}: ${'practise the morning routine with a visual prompt card '.repeat(3)}`.trim(),
      successLooksLike: 'Follows the routine without adult prompting on most days of the week',
    }),
  );
  const saved = await senco.put(`/api/cases/${item.id}/plan`, { version: 0, rows });
  if (saved.status !== 200) throw new Error(JSON.stringify(saved.json));

  for (const extension of ['docx', 'pdf'] as const) {
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < WARM_UP + RUNS; run++) {
      const started = performance.now();
      const result = await senco.get(`/api/cases/${item.id}/plan.${extension}`);
      const elapsed = performance.now() - started;
      if (result.status !== 200) throw new Error(`${extension}: ${result.status}`);
      bytes = result.bytes.length;
      if (run >= WARM_UP) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    console.log(
      `${`${extension} (${ROWS} rows, ${Math.round(bytes / 1024)} KB)`.padEnd(26)} p50 ${fmt(percentile(times, 50))} ms  p95 ${fmt(percentile(times, 95))} ms  max ${fmt(times.at(-1) ?? Number.NaN)} ms  (${RUNS} runs)`,
    );
  }
} finally {
  await server.close();
}
