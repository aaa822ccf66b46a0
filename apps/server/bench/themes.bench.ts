/**
 * What the themes cost (issue 13, item 3): fills a database with 10,000 consulted cases in 20 localities over four
 * school years, 30,000 reviews, an action plan a case (three in four link a directory service) and 20,000 uses of
 * the strategy bank, then times each themes query (goal: each under 100 ms) for one locality and for
 * all of them, over a school year and over the four. Prints p50, p95 and the slowest of 30 runs each, the database
 * size and the load average. The CPU time of each query is printed beside its wall time: on a machine shared with
 * other work the wall time is mostly waiting for a core, the CPU time is what the query costs. `pnpm --filter @consultboard/server bench:themes` (CASES=… to change the size).
 */

import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ActionRow, AREAS_OF_NEED, halfTermOf, REVIEW_IMPACTS, REVIEW_OUTCOMES } from '@consultboard/domain';
import { openDatabase } from '../src/db/database.js';
import { createRepos } from '../src/db/repos.js';
import type { ThemesScope } from '../src/db/themes.js';
import { buildDirectoryEntry } from '../test/helpers/directory.js';
import { type ThemesCase, themesArea, themesSession } from '../test/helpers/themesWorld.js';

const CASES = Number(process.env.CASES ?? 10_000);
const LOCALITIES = 20;
const PER_SESSION = 5;
const DAY = 86_400_000;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-themes-'));
const repos = createRepos(openDatabase(dataDir));
const areas = Array.from({ length: LOCALITIES }, (_, index) => themesArea(repos, `Locality ${index + 1}`));

// A fixed sequence, so every run fills the same world.
let seed = 7;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};
const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;

const STRATEGIES = Array.from({ length: 300 }, (_, index) => `Strategy number ${index + 1} from the bank`);
// The impact a review gave one action drafted from the case's first helpful card.
const outcome = repos.db.prepare(
  `INSERT INTO bank_outcomes (use_id, row_id, impact) SELECT id, 'row-' || id, ? FROM bank_uses WHERE case_id = ? LIMIT 1`,
);
// The directory: ten services in each locality and ten for all of them. Every consulted case has a plan of four
// rows, one of which links a service three times in four (issue 13 item 2), so "directory most used" reads as many
// plans as a real locality would have. A generator of its own keeps the rest of the world as it was.
let planSeed = 13;
const planRandom = () => {
  planSeed = (planSeed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return planSeed / 2_147_483_648;
};
const servicesOf = new Map<string | null, string[]>();
for (const localityId of [null, ...areas.map((area) => area.localityId)])
  servicesOf.set(
    localityId,
    Array.from({ length: 10 }, (_, index) => {
      const id = randomUUID();
      repos.directory.insert(
        id,
        localityId,
        buildDirectoryEntry({
          name: `Service ${index + 1} of ${localityId ?? 'every locality'}`,
          offer: 'Advice and training for schools.',
        }),
        areas[0]?.epId ?? '',
        0,
      );
      return id;
    }),
  );
const planRows = (localityId: string, at: number): ActionRow[] =>
  Array.from({ length: 4 }, (_, index) => {
    const services = [...(servicesOf.get(localityId) ?? []), ...(servicesOf.get(null) ?? [])];
    const linked = index === 0 && planRandom() < 0.75;
    return {
      id: randomUUID(),
      action: linked ? 'Refer to the service' : `Strategy number ${Math.floor(planRandom() * 300) + 1} from the bank`,
      who: 'Class teacher',
      byWhen: new Date(at + 28 * DAY).toISOString().slice(0, 10),
      successLooksLike: 'Settles within five minutes of arriving most days.',
      reviewDate: new Date(at + 56 * DAY).toISOString().slice(0, 10),
      areaOfNeed: null,
      fromCardId: null,
      serviceId: linked ? (services[Math.floor(planRandom() * services.length)] ?? null) : null,
    };
  });
const filling = performance.now();
repos.transaction(() => {
  const start = Date.parse('2023-09-04T00:00:00Z');
  for (let made = 0; made < CASES; made += PER_SESSION) {
    const date = new Date(start + Math.floor(random() * 4 * 365) * DAY).toISOString().slice(0, 10);
    const at = Date.parse(`${date}T12:00:00Z`);
    const cases: ThemesCase[] = Array.from({ length: PER_SESSION }, () => ({
      type: random() < 0.8 ? 'child' : pick(['group', 'class', 'school'] as const),
      areas: AREAS_OF_NEED.filter(() => random() < 0.35),
      // Three reviews a case, 6 to 12 weeks apart.
      reviews: [1, 2, 3].map((step) => ({
        outcome: pick(REVIEW_OUTCOMES),
        at: at + step * (42 + Math.floor(random() * 42)) * DAY,
      })),
    }));
    const area = pick(areas);
    const ids = themesSession(repos, area, date, cases);
    const sessionId = repos.consultSessions.agendaSessionOf(ids[0] as string) as string;
    // Two helpful strategies a case, from a locality's pool of 300, each with the impact of one reviewed action.
    for (const caseId of ids) {
      repos.actionPlans.create(caseId, planRows(area.localityId, at), sessionId, at);
      const chosen = [pick(STRATEGIES), pick(STRATEGIES)];
      repos.bank.replaceUses(
        {
          sessionId,
          caseId,
          localityId: area.localityId,
          caseType: 'child',
          areasOfNeed: [],
          halfTerm: halfTermOf(date) ?? 0,
        },
        chosen.map((text, index) => ({
          newEntryId: randomUUID(),
          kind: 'strategy',
          text,
          norm: text.toLowerCase(),
          cardId: `${caseId}-${index}`,
        })),
        at,
      );
      outcome.run(pick(REVIEW_IMPACTS), caseId);
    }
  }
});
const fillMs = performance.now() - filling;
repos.db.pragma('wal_checkpoint(TRUNCATE)');
repos.db.exec('ANALYZE');

const size = fs.statSync(path.join(dataDir, 'consultboard.db')).size;
const counts = repos.db
  .prepare(
    `SELECT (SELECT COUNT(*) FROM cases) AS cases, (SELECT COUNT(*) FROM reviews) AS reviews,
      (SELECT COUNT(*) FROM bank_uses) AS uses, (SELECT COUNT(*) FROM action_plans) AS plans`,
  )
  .get() as { cases: number; reviews: number; uses: number; plans: number };
console.log(
  `Themes: ${counts.cases} cases, ${counts.reviews} reviews, ${counts.plans} action plans, ${counts.uses} strategy-bank uses in ${LOCALITIES} localities (filled in ${(fillMs / 1000).toFixed(1)} s); database ${(size / 1024 / 1024).toFixed(1)} MiB. Load average ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')}`,
);

const scopes: [string, ThemesScope][] = [
  [
    'one locality, one school year',
    { localityIds: [areas[0]?.localityId ?? ''], from: '2025-09-01', to: '2026-08-31' },
  ],
  ['one locality, four years', { localityIds: [areas[0]?.localityId ?? ''], from: '2023-09-01', to: '2027-08-31' }],
  [
    '20 localities, four years',
    { localityIds: areas.map((area) => area.localityId), from: '2023-09-01', to: '2027-08-31' },
  ],
  ['all (the admin), four years', { localityIds: null, from: '2023-09-01', to: '2027-08-31' }],
];
const now = Date.parse('2027-09-01T00:00:00Z');
const queries: [string, (scope: ThemesScope) => unknown][] = [
  ['cases by area of need', (scope) => repos.themes.casesByArea(scope)],
  ['cases by type', (scope) => repos.themes.casesByType(scope)],
  ['review outcomes', (scope) => repos.themes.reviewOutcomes(scope)],
  ['requests waiting', (scope) => repos.themes.requestsWaiting(scope, now)],
  ['most helpful (bank)', (scope) => repos.themes.helpfulStrategies(scope, 10)],
  ['directory most used', (scope) => repos.themes.directoryUsed(scope, 10)],
];

const RUNS = 30;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
let worst = 0;
for (const [scopeLabel, scope] of scopes) {
  for (const [label, query] of queries) {
    query(scope);
    const times: number[] = [];
    const cpu = process.cpuUsage();
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      query(scope);
      times.push(performance.now() - started);
    }
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / RUNS;
    times.sort((a, b) => a - b);
    worst = Math.max(worst, times[times.length - 1] ?? 0);
    console.log(
      `  ${scopeLabel.padEnd(30)} ${label.padEnd(22)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  max ${(times[times.length - 1] ?? 0).toFixed(1).padStart(6)} ms  CPU ${cpuMs.toFixed(1).padStart(6)} ms`,
    );
  }
}
console.log(
  `Slowest themes query: ${worst.toFixed(1)} ms (goal: each under 100 ms): ${worst < 100 ? 'met' : 'NOT met'}`,
);
repos.db.close();
fs.rmSync(dataDir, { recursive: true, force: true });
