import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionRow } from '@consultboard/domain';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longDate, todayInEngland } from '../src/dates.js';
import { widestWord } from '../src/exports/layout/textWidth.js';
import { buildRow, goToStage, openRoom, shareAndMark } from './helpers/actionPlan.js';
import { docxText } from './helpers/exportText.js';
import type { Browser } from './helpers/http.js';
import { notesToken, openNotes, waitFor } from './helpers/notes.js';
import { startTestServer } from './helpers/testServer.js';
import { buildCase, buildSession, buildWorld, type World } from './helpers/world.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
let caseId: string;
let rows: ActionRow[];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-exports-'));

const SESSION_DATE = '2026-11-23';
const NOTE_CURRENT = 'Settles after a movement break in the morning.';
const NOTE_DESIRED = 'Joins the lunchtime club twice a week.';
const OTHER_CASE_CARD = 'Peer mentor for the K2F topic only';
const REVIEW_NOTE = 'Settling better after lunch.';
const REVIEW_ACTION_NOTE = 'Calmer at the gate most mornings.';

/** A case run through a meeting: strategies shared (two helpful, one hidden), notes typed, then the SENCO's rows. */
beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
  const session = await buildSession(world, { cases: ['J5M', 'K2F'], date: SESSION_DATE });
  caseId = session.cases[0]?.id as string;
  const room = await openRoom(server.url, world, session);
  try {
    const token = await notesToken(world.north.ep, session.id, 'facilitator');
    const notes = await openNotes(server.url, `case:${caseId}`, token);
    notes.write(NOTE_CURRENT, 'current-situation');
    notes.write(NOTE_DESIRED, 'desired-situation');
    await shareAndMark(room, [
      { kind: 'strategy', text: 'Meet and greet at the gate', helpful: true },
      { kind: 'strategy', text: 'Sand timer for transitions' },
      { kind: 'resource', text: 'Local offer: emotional wellbeing service', helpful: true },
      { kind: 'strategy', text: 'A hidden card nobody should print', helpful: true, hidden: true },
    ]);
    await goToStage(room.facilitator, 'action-plan');
    await room.facilitator.until((s) => s.plans[caseId] !== undefined);
    // The next case's cards must stay out of this case's plan.
    await room.facilitator.send({ type: 'case.next' });
    await shareAndMark(room, [{ kind: 'strategy', text: OTHER_CASE_CARD, helpful: true }]);
    await waitFor(() => notes.synced);
    await new Promise((resolve) => setTimeout(resolve, 300));
    notes.destroy();
    await room.facilitator.send({ type: 'session.end' });
  } finally {
    room.close();
  }
  const plan = (await world.north.senco.get(`/api/cases/${caseId}/plan`)).json.plan;
  rows = [
    ...plan.rows.map((row: ActionRow, i: number) => ({ ...row, who: `Teaching assistant ${i + 1}` })),
    buildRow({ action: 'Weekly check-in with the SENCO', who: 'SENCO A', areaOfNeed: 'communication-and-interaction' }),
  ];
  const saved = await world.north.senco.put(`/api/cases/${caseId}/plan`, { version: plan.version, rows });
  if (saved.status !== 200) throw new Error(JSON.stringify(saved.json));
  const reviewed = await world.north.senco.put(`/api/cases/${caseId}/review`, {
    actions: [{ rowId: rows[0]?.id, impact: 'partly', note: REVIEW_ACTION_NOTE }],
    outcome: 'continue',
    note: REVIEW_NOTE,
  });
  if (reviewed.status !== 200) throw new Error(JSON.stringify(reviewed.json));
});
afterAll(async () => {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function download(browser: Browser, id: string, extension: 'docx' | 'pdf') {
  const result = await browser.get(`/api/cases/${id}/plan.${extension}`);
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  return result;
}

function pdfText(bytes: Buffer, pages?: { first: number; last: number }): string {
  const file = path.join(tmp, `plan-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  // -raw keeps the content stream's order, so the wrapped lines of one table cell stay together.
  return execFileSync('pdftotext', ['-raw', ...range, file, '-'], { encoding: 'utf8' });
}

function pdfPages(bytes: Buffer): number {
  const file = path.join(tmp, `info-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe.each(['docx', 'pdf'] as const)('the %s export', (extension) => {
  const textOf = async (bytes: Buffer) => squash(extension === 'docx' ? await docxText(bytes) : pdfText(bytes));

  it('is named after the reference and the session date, never a name', async () => {
    const result = await download(world.north.senco, caseId, extension);
    expect(result.headers.get('content-disposition')).toBe(
      `attachment; filename="action-plan-J5M-${SESSION_DATE}.${extension}"`,
    );
  });

  it('holds the heading, the summary with the notes, the shared strategies marked helpful, every row and the review', async () => {
    const text = await textOf((await download(world.north.senco, caseId, extension)).bytes);
    for (const field of [
      'J5M',
      'Northfield Primary',
      'North East locality',
      '23 November 2026',
      'EP North',
      'Finds transitions between lessons hard.',
      'Moves between lessons calmly.',
      NOTE_CURRENT,
      NOTE_DESIRED,
      'Strategy: Meet and greet at the gate (Helpful)',
      'Strategy: Sand timer for transitions',
      'Resource: Local offer: emotional wellbeing service (Helpful)',
      'Action',
      'Who',
      'By when',
      'Success looks like',
      'Review date',
      'Area of need',
      'Review',
      'Partly achieved',
      'Bring back to the group',
      'Request further EP involvement',
    ])
      expect(text, field).toContain(field);
    expect(text).not.toContain('Sand timer for transitions (Helpful)');
    for (const row of rows) {
      expect(text).toContain(row.action);
      expect(text).toContain(row.who);
    }
    expect(text).toContain('Communication and interaction');
  });

  it('reads as an inspector reads it: heading block, action table, sharing line, review, then the appendix', async () => {
    const text = await textOf((await download(world.north.senco, caseId, extension)).bytes);
    const order = [
      'Case reference J5M',
      "Plan owner The school's SENCO, Northfield Primary",
      'Agreed review date 15 January 2027',
      'Success looks like',
      'Weekly check-in with the SENCO',
      'Shared with parent/carer on:',
      'Review history',
      `Reviewed on ${longDate(todayInEngland())}. Outcome: Continue with the plan`,
      REVIEW_NOTE,
      'Partly achieved',
      REVIEW_ACTION_NOTE,
      'Next review',
      'Appendix: the consultation',
      'Finds transitions between lessons hard.',
      'Strategies and resources shared by the group',
      'Strategy: Meet and greet at the gate (Helpful)',
    ];
    let at = 0;
    for (const words of order) {
      const found = text.indexOf(words, at);
      expect(found, words).toBeGreaterThanOrEqual(at);
      at = found;
    }
  });

  it('prints nothing outside the plan: no other case, no hidden card, no e-mail', async () => {
    const text = await textOf((await download(world.north.ep, caseId, extension)).bytes);
    expect(text).not.toContain(OTHER_CASE_CARD);
    expect(text).not.toContain('A hidden card nobody should print');
    expect(text).not.toContain('@');
    expect(text).not.toContain('SENCO North');
  });
});

/** A text of about `length` characters of ordinary words (no hyphens, where a line may break), numbered first. */
function longText(label: string, length: number): string {
  const words = [
    'Communication',
    'independently',
    'practise',
    'the',
    'morning',
    'routine',
    'with',
    'a',
    'visual',
    'timetable,',
    'transitions',
    'between',
    'lessons',
    'supported',
    'by',
    'Understanding',
    'unstructured',
    'times.',
  ];
  let text = label;
  for (let i = 0; text.length + 1 + (words[i % words.length] as string).length <= length; i++)
    text += ` ${words[i % words.length]}`;
  return text;
}

describe('a long plan', () => {
  let longCaseId: string;
  let many: ActionRow[];
  beforeAll(async () => {
    const item = await buildCase(world.north.senco, { reference: 'M4F' });
    longCaseId = item.id;
    // 30 rows of 1,000 characters: the caps of the plan (issue 13: the table still breaks no word).
    many = Array.from({ length: 30 }, (_, i) =>
      buildRow({
        action: longText(`Action number ${i + 1}:`, 1000),
        who: 'Speech and language therapist',
        successLooksLike: longText('Success:', 500),
        areaOfNeed: 'communication-and-interaction',
      }),
    );
    const saved = await world.north.senco.put(`/api/cases/${longCaseId}/plan`, { version: 0, rows: many });
    expect(saved.status).toBe(200);
  });

  it('breaks no word of the PDF table across lines', async () => {
    const bytes = (await download(world.north.senco, longCaseId, 'pdf')).bytes;
    const text = pdfText(bytes);
    // The table is everything before the line for the parent or carer; its cells' words, each counted.
    const table = text.slice(0, text.indexOf('Shared with parent/carer on:'));
    const printed = new Map<string, number>();
    for (const word of table.split(/\s+/)) printed.set(word, (printed.get(word) ?? 0) + 1);
    const expected = new Map<string, number>();
    for (const row of many)
      for (const cell of [row.action, row.who, row.successLooksLike, 'Communication and interaction'])
        for (const word of cell.split(/\s+/)) expected.set(word, (expected.get(word) ?? 0) + 1);
    const broken = [...expected].filter(([word, count]) => (printed.get(word) ?? 0) < count);
    expect(broken).toEqual([]);
    expect(expected.get('Communication')).toBeGreaterThan(30);
  });

  it('fixes the Word table at widths that hold every word, Communication included', async () => {
    const zip = await JSZip.loadAsync((await download(world.north.senco, longCaseId, 'docx')).bytes);
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    // The action table is the second table (after the heading block); its grid is in twips, cell margins 80 each.
    const grids = [...document.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((grid) =>
      [...(grid[1] as string).matchAll(/w:w="(\d+)"/g)].map((width) => Number(width[1])),
    );
    const widths = grids[1] as number[];
    expect(widths).toHaveLength(6);
    expect(document).toContain('<w:tblLayout w:type="fixed"/>');
    const room = (column: number) => ((widths[column] as number) - 160) / 20;
    // Arial at 9 pt: "Communication" is about 63 pt, "Understanding" 62 pt, "independently" 60 pt.
    for (const column of [0, 3, 5])
      expect(room(column), `column ${column}`).toBeGreaterThan(widestWord('Communication', 9));
    expect(room(1)).toBeGreaterThan(widestWord('Speech', 9, true));
    expect(room(2)).toBeGreaterThan(widestWord('December', 9));
  });

  it('spans pages in PDF, each page numbered, the table header repeated on the pages the table continues on', async () => {
    const bytes = (await download(world.north.senco, longCaseId, 'pdf')).bytes;
    const pages = pdfPages(bytes);
    expect(pages).toBeGreaterThan(1);
    for (let page = 1; page <= pages; page++)
      expect(pdfText(bytes, { first: page, last: page })).toContain(`Page ${page} of ${pages}`);
    // The page holding the last row is not the first page of the table, and still starts with its header.
    const lastRowPage = Array.from({ length: pages }, (_, i) => i + 1).find((page) =>
      pdfText(bytes, { first: page, last: page }).includes('Action number 30:'),
    ) as number;
    const firstRowPage = Array.from({ length: pages }, (_, i) => i + 1).find((page) =>
      pdfText(bytes, { first: page, last: page }).includes('Action number 1:'),
    ) as number;
    expect(lastRowPage).toBeGreaterThan(firstRowPage);
    const continued = pdfText(bytes, { first: lastRowPage, last: lastRowPage });
    expect(continued).toContain('Success looks like');
    expect(continued.indexOf('Success looks like')).toBeLessThan(continued.indexOf('Action number 30:'));
    expect(squash(pdfText(bytes))).toContain('M4F');
  });

  it('marks the Word table header to repeat on each page, with page numbers in the footer', async () => {
    const zip = await JSZip.loadAsync((await download(world.north.senco, longCaseId, 'docx')).bytes);
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(document.match(/<w:tblHeader\/>/g)?.length).toBe(1);
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/footer\d*\.xml$/.test(name))
        .map((name) => zip.file(name)?.async('string')),
    );
    const footer = footers.join('');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('NUMPAGES');
  });

  it('is named by the date of export when the plan was not made in a session', async () => {
    const result = await download(world.north.senco, longCaseId, 'docx');
    expect(result.headers.get('content-disposition')).toMatch(
      /^attachment; filename="action-plan-M4F-\d{4}-\d{2}-\d{2}\.docx"$/,
    );
  });
});

describe('the layout, rendered', () => {
  it('holds the action table on the PDF page 1, the meeting only in the appendix', async () => {
    const bytes = (await download(world.north.senco, caseId, 'pdf')).bytes;
    const first = squash(pdfText(bytes, { first: 1, last: 1 }));
    expect(first).toContain('Action Who By when Success looks like Review date Area of need');
    for (const row of rows) expect(first).toContain(row.action);
    expect(first).not.toContain('Strategies and resources shared by the group');
    expect(first).not.toContain(NOTE_CURRENT);
  });

  it('carries Confidential and the case reference on every page of a long PDF', async () => {
    const item = (await world.north.senco.get('/api/cases')).json.cases.find(
      (view: { reference: string }) => view.reference === 'M4F',
    );
    const bytes = (await download(world.north.senco, item.id, 'pdf')).bytes;
    // pdftotext ends each page with a form feed: one run reads them all.
    const pages = pdfText(bytes).split('\f').slice(0, -1);
    expect(pages).toHaveLength(pdfPages(bytes));
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((page, index) => {
      expect(page, `page ${index + 1}`).toContain('Confidential · Case M4F · Action plan');
    });
  });

  it('carries Confidential and the case reference in the Word header', async () => {
    const zip = await JSZip.loadAsync((await download(world.north.senco, caseId, 'docx')).bytes);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d*\.xml$/.test(name))
        .map((name) => zip.file(name)?.async('string')),
    );
    expect(headers.length).toBeGreaterThan(0);
    expect(headers.join('')).toContain('Confidential · Case J5M · Action plan');
  });
});

describe('refusals', () => {
  it('answers no_plan for a case with none, and hides a case from another school', async () => {
    const item = await buildCase(world.north.senco, { reference: 'P6M' });
    const none = await world.north.senco.get(`/api/cases/${item.id}/plan.pdf`);
    expect(none.status).toBe(404);
    expect(none.json.error.code).toBe('no_plan');
    expect((await world.south.senco.get(`/api/cases/${caseId}/plan.docx`)).status).toBe(404);
    expect((await world.south.ep.get(`/api/cases/${caseId}/plan.pdf`)).status).toBe(404);
  });
});
