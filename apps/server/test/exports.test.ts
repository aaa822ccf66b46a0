import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ActionRow } from '@consultboard/domain';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('prints nothing outside the plan: no other case, no hidden card, no e-mail', async () => {
    const text = await textOf((await download(world.north.ep, caseId, extension)).bytes);
    expect(text).not.toContain(OTHER_CASE_CARD);
    expect(text).not.toContain('A hidden card nobody should print');
    expect(text).not.toContain('@');
    expect(text).not.toContain('SENCO North');
  });
});

describe('a long plan', () => {
  let longCaseId: string;
  beforeAll(async () => {
    const item = await buildCase(world.north.senco, { reference: 'M4F' });
    longCaseId = item.id;
    const many = Array.from({ length: 30 }, (_, i) =>
      buildRow({
        action: `Action number ${i + 1}: practise the morning routine with a visual prompt card`,
        successLooksLike: 'Follows the routine without adult prompting on most days of the week',
      }),
    );
    const saved = await world.north.senco.put(`/api/cases/${longCaseId}/plan`, { version: 0, rows: many });
    expect(saved.status).toBe(200);
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
