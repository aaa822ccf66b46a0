/**
 * The evidence pack at its limits (issue 13): the time to lay out the Word file and the PDF, in this process (the
 * export worker runs the same code on a thread of its own), for the two worst shapes EVIDENCE_PACK_LIMITS lets
 * through: a few cases at the plan's caps, and the most cases with short plans, both at the character budget.
 * Run: pnpm --filter @consultboard/server bench:evidence-worst
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { ACTION_PLAN_LIMITS, EVIDENCE_PACK_LIMITS } from '@consultboard/domain';
import { evidencePack } from '../src/exports/evidencePack.js';
import { evidenceDocument } from '../src/exports/evidenceSections.js';
import type { EvidenceSource } from '../src/exports/evidenceSource.js';
import { renderDocx } from '../src/exports/layout/docxRender.js';
import { renderPdf } from '../src/exports/layout/pdfRender.js';

const words = (length: number) => 'practise the routine with a visual prompt '.repeat(length / 40 + 1).slice(0, length);

function source(cases: number, rowsPerCase: number): EvidenceSource {
  return {
    schoolName: 'Northfield Primary',
    localityName: 'North East locality',
    from: '2026-09-01',
    to: '2027-07-31',
    madeOn: '2026-11-30',
    cases: Array.from({ length: cases }, (_, c) => ({
      caseId: `case-${c}`,
      reference: 'J5M',
      preparation: JSON.stringify({ areasOfNeed: ['communication-and-interaction'] }),
      consultationDate: '2026-11-23',
      rows: Array.from({ length: rowsPerCase }, (_, i) => ({
        id: `row-${i}`,
        action: words(ACTION_PLAN_LIMITS.action),
        who: words(ACTION_PLAN_LIMITS.who),
        byWhen: '2026-12-04',
        successLooksLike: words(ACTION_PLAN_LIMITS.successLooksLike),
        reviewDate: '2027-01-15',
        areaOfNeed: null,
        fromCardId: null,
      })),
      reviews: [
        {
          reviewedAt: Date.UTC(2027, 0, 15),
          review: {
            outcome: 'continue',
            note: words(ACTION_PLAN_LIMITS.reviewNote),
            actions: Array.from({ length: rowsPerCase }, (_, i) => ({
              rowId: `row-${i}`,
              impact: 'partly',
              note: words(ACTION_PLAN_LIMITS.reviewNote),
            })),
          },
        },
      ],
      resourceRowIds: [],
      services: [],
      dismissed: [],
    })),
  };
}

const perCase = (rows: number) =>
  rows * (ACTION_PLAN_LIMITS.action + ACTION_PLAN_LIMITS.who + ACTION_PLAN_LIMITS.successLooksLike) +
  (rows + 1) * ACTION_PLAN_LIMITS.reviewNote;
const shapes = [
  { name: 'plans at the caps', rows: ACTION_PLAN_LIMITS.rows },
  { name: 'short plans', rows: 2 },
].map((shape) => ({
  ...shape,
  cases: Math.min(EVIDENCE_PACK_LIMITS.cases, Math.floor(EVIDENCE_PACK_LIMITS.characters / perCase(shape.rows))),
}));

for (const shape of shapes) {
  const document = evidenceDocument(evidencePack(source(shape.cases, shape.rows)));
  for (const [format, render] of [
    ['docx', renderDocx],
    ['pdf', renderPdf],
  ] as const) {
    const started = performance.now();
    const bytes = await render(document);
    const ms = Math.round(performance.now() - started);
    console.log(
      `${shape.name}: ${shape.cases} cases of ${shape.rows} rows (${shape.cases * perCase(shape.rows)} characters), ${format}: ${ms} ms, ${bytes.length} bytes, load ${os.loadavg()[0]?.toFixed(1)}`,
    );
  }
}
