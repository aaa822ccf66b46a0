/**
 * What the privacy guard costs the event loop on a save (issue 10): `recheckPlace` runs the detector over a
 * place's text inside the save's transaction, on the main thread. Prints the time to count each place at its
 * caps (a plan of 30 full rows, a full preparation form, a full review), with and without findings in it.
 * Run again when the detector changes: `pnpm --filter @consultboard/server bench:privacy`.
 */
import { ACTION_PLAN_LIMITS, PREPARATION_LIMITS } from '@consultboard/domain';
import { undismissedCount } from '../src/privacy/caseChecks.js';
import { words } from '../test/helpers/exportLoad.js';

const withFindings = (text: string) => `${text.slice(0, -60)} Ben Smith, 07700 900123, kelly@example.com.`;
const places: [string, string[]][] = [
  [
    'plan, 30 rows at their caps',
    Array.from({ length: ACTION_PLAN_LIMITS.rows }, () => [
      words(ACTION_PLAN_LIMITS.action),
      words(ACTION_PLAN_LIMITS.who),
      words(ACTION_PLAN_LIMITS.successLooksLike),
    ]).flat(),
  ],
  ['preparation form at its caps', Array.from({ length: 4 }, () => words(PREPARATION_LIMITS.text))],
  [
    'review, 30 notes and the case note',
    Array.from({ length: ACTION_PLAN_LIMITS.rows + 1 }, () => words(ACTION_PLAN_LIMITS.reviewNote)),
  ],
];

const ROUNDS = 50;
const none = new Set<string>();
for (const [label, clean] of places) {
  for (const [variant, texts] of [
    ['clean', clean],
    ['with findings', clean.map(withFindings)],
  ] as const) {
    const kb = texts.reduce((sum, text) => sum + text.length, 0) / 1024;
    undismissedCount(texts, none);
    const started = performance.now();
    let count = 0;
    for (let round = 0; round < ROUNDS; round += 1) count = undismissedCount(texts, none);
    const ms = (performance.now() - started) / ROUNDS;
    console.log(
      `${label.padEnd(36)} ${variant.padEnd(14)} ${kb.toFixed(0).padStart(4)} KB  ${ms.toFixed(2).padStart(7)} ms a save  ${count} findings`,
    );
  }
}
