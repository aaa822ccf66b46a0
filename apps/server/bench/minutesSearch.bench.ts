/**
 * The locality file's search at scale (issue 12): fills a fresh SQLite file with 10,000 cases' minutes (each with
 * a session, a plan and for a third of them a review, in 8 localities of 5 schools), then times searches through
 * the repository method the route calls (`repos.minutes.search`, with `ftsQuery`), as the admin, an EP (one
 * locality) and a SENCO (one school), with and without filters. Prints latency percentiles and the database size.
 * Goal: p99 < 50 ms. Run: `pnpm --filter @consultboard/server bench:minutes` (CASES=… to change the count).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AREAS_OF_NEED, CASE_TYPES, ftsQuery, type MinutesBody, type Reach } from '@consultboard/domain';
import { openDatabase } from '../src/db/database.js';
import { createRepos } from '../src/db/repos.js';
import { minutesText } from '../src/minutes/minutesOfCase.js';

const CASES = Number(process.env.CASES ?? 10_000);
const LOCALITIES = 8;
const SCHOOLS_PER_LOCALITY = 5;
const CASES_PER_SESSION = 6;

// A seeded generator, so every run searches the same file.
let seed = 12;
const random = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

// Ordinary words of the notes, the common ones far more often (roughly Zipf), and made-up rarer words.
const COMMON = `the a and to of in is with at for on after before during lunchtime assembly transition class teacher
  support visual timetable calm corner break movement reading writing phonics maths friendship playtime group adult
  routine sensory regulation anxiety attendance home school meeting parent carer outreach speech language therapy
  social story now next board ear defenders quiet space check in key worker nurture small group intervention`.split(
  /\s+/,
);
const RARE = Array.from({ length: 3000 }, (_, i) => `w${(i * 7919).toString(36)}x`);
const word = () => (random() < 0.8 ? COMMON[Math.floor(random() ** 2 * COMMON.length)] : pick(RARE)) as string;
const sentence = (length: number) => Array.from({ length }, word).join(' ');

function minutesBody(index: number, date: string): MinutesBody {
  return {
    reference: `J${index}M`,
    caseType: pick(CASE_TYPES),
    areasOfNeed: [pick(AREAS_OF_NEED)],
    sessionDate: date,
    localityName: 'Bench locality',
    schoolName: 'Bench Primary',
    facilitatorName: 'EP Bench',
    preparation: {
      currentSituation: sentence(60),
      triedSoFar: sentence(30),
      desiredSituation: sentence(30),
      aim: sentence(15),
    },
    stages: ['current-situation', 'clarifying-questions', 'strategies-and-resources', 'feedback'].map((id) => ({
      id,
      name: id,
      notes: Array.from({ length: 6 }, () => sentence(14)),
      cards: Array.from({ length: 4 }, () => ({
        kind: 'strategy' as const,
        text: sentence(10),
        helpful: random() < 0.3,
        merged: [],
      })),
    })),
    plan: Array.from({ length: 3 }, () => ({
      action: sentence(10),
      who: 'Class teacher',
      byWhen: '',
      successLooksLike: sentence(8),
      reviewDate: '',
      areaOfNeed: null,
    })),
  };
}

const dataDir = process.env.KEEP_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-minutes-bench-'));
const db = openDatabase(dataDir, 'NORMAL');
const repos = createRepos(db);
const started = performance.now();
// KEEP_DIR with a file filled before: search it again without filling.
const filled = (db.prepare('SELECT COUNT(*) AS n FROM minutes').get() as { n: number }).n >= CASES;
if (!filled) fill();
function fill() {
  db.transaction(() => {
    db.prepare(
      "INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES ('ep', 'EP Bench', 'ep@bench.example', 'x', 'ep', 0)",
    ).run();
    for (let l = 0; l < LOCALITIES; l++) {
      db.prepare('INSERT INTO localities (id, name, created_at) VALUES (?, ?, 0)').run(`l${l}`, `Locality ${l}`);
      for (let s = 0; s < SCHOOLS_PER_LOCALITY; s++)
        db.prepare('INSERT INTO schools (id, name, locality_id, created_at) VALUES (?, ?, ?, 0)').run(
          `s${l}-${s}`,
          `School ${l}-${s}`,
          `l${l}`,
        );
    }
  })();
  const insertSession = db.prepare(
    "INSERT INTO consult_sessions (id, locality_id, date, status, facilitator_id, created_at) VALUES (?, ?, ?, 'ended', 'ep', 0)",
  );
  const insertCase = db.prepare(
    `INSERT INTO cases (id, school_id, type, reference, preparation, submitted_session_id, created_by, created_at, updated_at)
   VALUES (?, ?, 'child', ?, '{}', ?, 'ep', 0, 0)`,
  );
  const FIRST_DAY = Date.parse('2020-01-06T00:00:00Z');
  for (let batch = 0; batch < CASES; batch += 500) {
    db.transaction(() => {
      for (let i = batch; i < Math.min(CASES, batch + 500); i++) {
        const sessionIndex = Math.floor(i / CASES_PER_SESSION);
        const locality = sessionIndex % LOCALITIES;
        const school = `s${locality}-${i % SCHOOLS_PER_LOCALITY}`;
        const date = new Date(FIRST_DAY + sessionIndex * 86_400_000).toISOString().slice(0, 10);
        if (i % CASES_PER_SESSION === 0) insertSession.run(`session-${sessionIndex}`, `l${locality}`, date);
        insertCase.run(`case-${i}`, school, `J${i}M`, `session-${sessionIndex}`);
        const body = minutesBody(i, date);
        repos.minutes.write({
          sessionId: `session-${sessionIndex}`,
          caseId: `case-${i}`,
          schoolId: school,
          localityId: `l${locality}`,
          body,
          text: minutesText(body),
          now: 0,
        });
        repos.actionPlans.create(`case-${i}`, [], `session-${sessionIndex}`, 0);
        if (i % 3 === 0)
          repos.actionPlans.recordReview(
            `case-${i}`,
            {
              actions: [],
              outcome: pick(['continue', 'close', 'bring-back', 'request-ep'] as const),
              note: sentence(20),
            },
            'ep',
            0,
          );
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec("INSERT INTO minutes_search (minutes_search) VALUES ('optimize')");
  db.pragma('wal_checkpoint(TRUNCATE)');
}
const fillSeconds = (performance.now() - started) / 1000;

const everywhere: Reach = { all: true, localityIds: [], schoolIds: [] };
const oneLocality: Reach = { all: false, localityIds: ['l3'], schoolIds: [] };
const oneSchool: Reach = { all: false, localityIds: [], schoolIds: ['s3-2'] };
const searches: [string, Reach, string, Record<string, string>][] = [
  ['admin, a common word', everywhere, 'assembly', {}],
  ['admin, two common words', everywhere, 'visual timetable', {}],
  ['admin, a rare word', everywhere, pick(RARE), {}],
  ['admin, another form of a word (transitions)', everywhere, 'transitions', {}],
  [
    'admin, filters only (area, type, dates)',
    everywhere,
    '',
    { area: 'cognition-and-learning', caseType: 'child', from: '2021-01-01', to: '2023-12-31' },
  ],
  ['admin, a word + requested EP involvement', everywhere, 'anxiety', { requestedEp: '1' }],
  ['admin, a word + review outcome', everywhere, 'routine', { outcome: 'close' }],
  ['EP (one locality), a common word', oneLocality, 'lunchtime', {}],
  ['EP (one locality), a word + locality + dates', oneLocality, 'sensory', { localityId: 'l3', from: '2022-01-01' }],
  ['SENCO (one school), a common word', oneSchool, 'playtime', {}],
  ['hostile words', everywhere, '" NEAR( * OR AND NOT assembly', {}],
];

const ROUNDS = Number(process.env.ROUNDS ?? 200);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const all: number[] = [];
console.log(
  `${CASES} cases' minutes filled in ${fillSeconds.toFixed(1)} s; ${ROUNDS} searches each, first page of 20:`,
);
for (const [label, reach, words, filters] of searches) {
  const times: number[] = [];
  let found = 0;
  for (let round = 0; round < ROUNDS + 5; round++) {
    const t0 = performance.now();
    const page = repos.minutes.search(reach, ftsQuery(words), filters, { limit: 20, after: null });
    const ms = performance.now() - t0;
    found = page.items.length;
    if (round >= 5) times.push(ms);
  }
  times.sort((a, b) => a - b);
  all.push(...times);
  console.log(
    `  ${label.padEnd(52)} p50 ${percentile(times, 50).toFixed(2)} ms  p95 ${percentile(times, 95).toFixed(2)} ms  p99 ${percentile(times, 99).toFixed(2)} ms  (${found} shown)`,
  );
}
all.sort((a, b) => a - b);
const size = fs.statSync(path.join(dataDir, 'consultboard.db')).size;
const ftsPages = db.prepare("SELECT COUNT(*) AS n FROM dbstat WHERE name LIKE 'minutes_search%'").get() as
  | { n: number }
  | undefined;
console.log(
  `All searches: p50 ${percentile(all, 50).toFixed(2)} ms, p95 ${percentile(all, 95).toFixed(2)} ms, p99 ${percentile(all, 99).toFixed(2)} ms (goal p99 < 50 ms: ${percentile(all, 99) < 50 ? 'met' : 'NOT met'})`,
);
console.log(
  `Database: ${(size / 1024 / 1024).toFixed(1)} MiB${ftsPages ? `, of which the search index ${((ftsPages.n * 4096) / 1024 / 1024).toFixed(1)} MiB` : ''}; load average ${os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' ')}`,
);
db.close();
if (!process.env.KEEP_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
