/**
 * The most an export can be asked to do, run through the real export pool (one worker, the default time and heap
 * limits): a case's notes at the document cap (4 MB stored) in the shapes that cost pdfmake and docx the most, and
 * a meeting at the card cap (2,000 cards of 1,000 characters, all shared on the case) with 30 rows at their
 * longest. Prints each file's build time and outcome, and the worker's heap afterwards.
 * Run: pnpm --filter @consultboard/server bench:exports-worst
 */
import { performance } from 'node:perf_hooks';
import { ACTION_PLAN_LIMITS, LIMITS, NOTES_LIMITS } from '@consultboard/domain';
import * as Y from 'yjs';
import { configFromEnv } from '../src/config.js';
import type { EventRow } from '../src/db/meetingEvents.js';
import type { PlanSource } from '../src/exports/planSource.js';
import { ExportPool } from '../src/workers/exportPool.js';
import { buildRow } from '../test/helpers/actionPlan.js';
import { words } from '../test/helpers/exportLoad.js';

const CAP = NOTES_LIMITS.documentBytes;

/** A case's notes of `n` paragraphs made by `paragraph`, stored as one snapshot. */
function notesOf(n: number, paragraph: (index: number) => string): Uint8Array {
  const doc = new Y.Doc();
  doc.getXmlFragment('stage:current-situation').push(
    Array.from({ length: n }, (_, i) => {
      const node = new Y.XmlElement('paragraph');
      node.insert(0, [new Y.XmlText(paragraph(i))]);
      return node;
    }),
  );
  return Y.encodeStateAsUpdate(doc);
}

/** The most of `make(n)` that stays within the document cap (the largest n, found by halving). */
function atCap(make: (n: number) => Uint8Array, most: number): PlanSource['notes'] {
  let low = 1;
  let high = most;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (make(mid).byteLength <= CAP) low = mid;
    else high = mid - 1;
  }
  const snapshot = make(low);
  return { snapshot, updates: [], lastId: 0, bytes: snapshot.byteLength };
}

function source(overrides: Partial<PlanSource>): PlanSource {
  return {
    caseId: 'case-1',
    reference: 'J5M',
    schoolName: 'Northfield Primary',
    localityName: 'North East locality',
    sessionDate: '2026-11-23',
    facilitatorName: 'EP North',
    reviews: [],
    preparation: JSON.stringify({
      currentSituation: words(2000),
      triedSoFar: words(2000),
      desiredSituation: words(2000),
      aim: words(2000),
      areasOfNeed: [],
    }),
    events: [],
    notes: { snapshot: null, updates: [], lastId: 0, bytes: 0 },
    rows: [buildRow()],
    ...overrides,
  };
}

const longRows = Array.from({ length: ACTION_PLAN_LIMITS.rows }, () =>
  buildRow({
    action: words(ACTION_PLAN_LIMITS.action),
    who: words(ACTION_PLAN_LIMITS.who),
    successLooksLike: words(ACTION_PLAN_LIMITS.successLooksLike),
  }),
);
const cardEvents: EventRow[] = Array.from({ length: LIMITS.cardsPerSession }, (_, i) => ({
  seq: i + 1,
  at: i,
  body: JSON.stringify({
    type: 'card.added',
    card: {
      id: `card-${i}`,
      caseId: 'case-1',
      stageId: 'strategies-and-resources',
      kind: i % 2 ? 'strategy' : 'resource',
      text: words(LIMITS.cardText.max),
      author: `SENCO ${i % 15}`,
      createdAt: i,
    },
  }),
}));

const cases: [string, () => PlanSource][] = [
  [
    'notes at cap: paragraphs of 600 characters',
    () => source({ notes: atCap((n) => notesOf(n, (i) => `${i}. ${words(600)}`), CAP / 600) }),
  ],
  [
    'notes at cap: paragraphs of 8 characters',
    () => source({ notes: atCap((n) => notesOf(n, (i) => `n${i}`.padEnd(8, '.')), CAP / 8) }),
  ],
  [
    'notes at cap: one paragraph, one word',
    () => source({ notes: atCap((n) => notesOf(1, () => 'W'.repeat(n)), CAP) }),
  ],
  ['notes at cap: one paragraph of words', () => source({ notes: atCap((n) => notesOf(1, () => words(n)), CAP) })],
  ['cards at cap, 30 rows at their longest', () => source({ events: cardEvents, rows: longRows })],
];

const settings = configFromEnv(process.env).exports;
console.log(`Worst-case exports: one worker, timeout ${settings.timeoutMs} ms, heap ${settings.heapMb} MB`);
for (const [label, make] of cases) {
  const plan = make();
  for (const format of ['pdf', 'docx'] as const) {
    // A fresh worker for each, so one file's heap does not count against the next.
    const pool = new ExportPool({ ...settings, workers: 1 });
    await pool.run(
      { kind: 'consentForm', details: { reference: 'J5M', schoolName: 'S', localityName: 'L' } },
      { userId: 'warm' },
    );
    const started = performance.now();
    const outcome = await pool.run({ kind: 'plan', format, source: plan, dismissed: [] }, { userId: 'bench' });
    const ms = performance.now() - started;
    const result = outcome.ok ? `${(outcome.bytes.byteLength / 1024).toFixed(0)} KB` : outcome.code;
    console.log(
      `${label.padEnd(44)} stored ${(plan.notes.bytes / 1048576).toFixed(2)} MB  ${format.padEnd(4)}  ${ms.toFixed(0).padStart(6)} ms  ${result}`,
    );
    await pool.close();
  }
}
