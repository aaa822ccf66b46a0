import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ActionRow, EVIDENCE_PACK_LIMITS, findPersonalData } from '@consultboard/domain';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRow, goToStage, openRoom, shareAndMark } from './helpers/actionPlan.js';
import { docxText, guardedText } from './helpers/exportText.js';
import type { Browser } from './helpers/http.js';
import { startTestServer } from './helpers/testServer.js';
import { buildCase, buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * The school's evidence pack (issue 13 item 4), read back from both files: every case of the SENCO's school whose
 * consultation falls in the range, none outside it, nothing of another school, no finding of the privacy guard.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-evidence-'));
const RANGE = 'from=2025-09-01&to=2025-12-31';
const RESOURCE = 'Local offer: the autism outreach team';
const SOUTH_ACTION = 'Southfield lunchtime buddy scheme';
const OUT_OF_RANGE_ACTION = 'Summer term reading intervention';
let inRange: { id: string; reference: string }[] = [];
let m4fId = '';

async function planWith(senco: Browser, caseId: string, rows: ActionRow[]) {
  const current = await senco.get(`/api/cases/${caseId}/plan`);
  const version = current.status === 200 ? current.json.plan.version : 0;
  const saved = await senco.put(`/api/cases/${caseId}/plan`, { version, rows });
  if (saved.status !== 200) throw new Error(JSON.stringify(saved.json));
  return saved.json.plan.rows as ActionRow[];
}

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
  const north = world.north;
  // J5M: a consultation in range, run as a meeting, where the group shared the same resource twice.
  const meeting = await buildSession(world, { cases: ['J5M'], date: '2025-10-14' });
  const j5m = meeting.cases[0]?.id as string;
  const room = await openRoom(server.url, world, meeting);
  try {
    await shareAndMark(room, [
      { kind: 'resource', text: RESOURCE, helpful: true },
      { kind: 'strategy', text: 'Sand timer for transitions', helpful: true },
      { kind: 'resource', text: `${RESOURCE} `, helpful: true },
    ]);
    await goToStage(room.facilitator, 'action-plan');
    await room.facilitator.until((s) => s.plans[j5m] !== undefined);
    await room.facilitator.send({ type: 'session.end' });
  } finally {
    room.close();
  }
  const drafted = (await north.senco.get(`/api/cases/${j5m}/plan`)).json.plan.rows as ActionRow[];
  const rows = await planWith(
    north.senco,
    j5m,
    drafted.map((row) => ({ ...row, who: 'Class teacher', byWhen: '2025-11-01', reviewDate: '2025-12-05' })),
  );
  const reviewed = await north.senco.put(`/api/cases/${j5m}/review`, {
    actions: [{ rowId: rows[1]?.id, impact: 'partly', note: 'Used most mornings.' }],
    outcome: 'continue',
    note: 'Settling better after lunch.',
  });
  expect(reviewed.status).toBe(200);

  // M4F: submitted to a session in range, its plan written outside a meeting.
  const later = await buildSession(world, { cases: [], date: '2025-11-18', start: false });
  const m4f = await buildCase(north.senco, { reference: 'M4F', submitTo: later.id });
  m4fId = m4f.id;
  await planWith(north.senco, m4f.id, [
    buildRow({ action: 'Weekly check-in with the SENCO', reviewDate: '2026-01-20' }),
  ]);

  // K2F: a consultation before the range. P6M: never put before a session (dated by the day it was opened).
  const before = await buildSession(world, { cases: [], date: '2025-06-10', start: false });
  const k2f = await buildCase(north.senco, { reference: 'K2F', submitTo: before.id });
  await planWith(north.senco, k2f.id, [buildRow({ action: OUT_OF_RANGE_ACTION })]);
  await buildCase(north.senco, { reference: 'P6M' });

  // Another school's case in the same range.
  const south = await buildSession(world, { area: 'south', cases: [], date: '2025-10-14', start: false });
  const w8f = await buildCase(world.south.senco, { reference: 'W8F', submitTo: south.id });
  await planWith(world.south.senco, w8f.id, [buildRow({ action: SOUTH_ACTION })]);
  inRange = [
    { id: j5m, reference: 'J5M' },
    { id: m4f.id, reference: 'M4F' },
  ];
});
afterAll(async () => {
  await server.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function pdfText(bytes: Buffer, pages?: { first: number; last: number }): string {
  const file = path.join(tmp, `pack-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
  return execFileSync('pdftotext', ['-raw', ...range, file, '-'], { encoding: 'utf8' });
}
const squash = (text: string) => text.replace(/\s+/g, ' ');

async function download(browser: Browser, extension: 'docx' | 'pdf', query = RANGE) {
  const result = await browser.get(`/api/evidence-pack.${extension}?${query}`);
  expect(result.status, JSON.stringify(result.json)).toBe(200);
  return result;
}

describe.each(['docx', 'pdf'] as const)('the evidence pack as %s', (extension) => {
  const textOf = async (bytes: Buffer) => squash(extension === 'docx' ? await docxText(bytes) : pdfText(bytes));

  it('is named by the range, never a name', async () => {
    const result = await download(world.north.senco, extension);
    expect(result.headers.get('content-disposition')).toBe(
      `attachment; filename="evidence-pack-2025-09-01-to-2025-12-31.${extension}"`,
    );
  });

  it('holds every case of the school in range, in the order an inspector reads, and nothing else', async () => {
    const text = await textOf((await download(world.north.senco, extension)).bytes);
    for (const item of inRange) expect(text).toContain(`Case ${item.reference}`);
    for (const absent of ['K2F', 'P6M', 'W8F', SOUTH_ACTION, OUT_OF_RANGE_ACTION, 'Southfield', '@'])
      expect(text, absent).not.toContain(absent);
    // No name of anyone: not the SENCO who wrote and reviewed the plans, the EP who ran the meeting, the admin who
    // set it up, nor the phone's name in the room.
    for (const name of ['SENCO North', 'EP North', 'EP Lead', 'SENCO A'])
      expect(text, name).not.toMatch(new RegExp(`\\b${name}\\b`));
    // Contents, the summary table, each case's plan and reviews, then the services signposted.
    const order = [
      'Contents',
      '1. Summary of cases',
      'Consultation date',
      '2. Action plans and reviews',
      'Case J5M',
      'Sand timer for transitions',
      'Reviewed on',
      'Partly achieved',
      'Used most mornings.',
      'Case M4F',
      'Weekly check-in with the SENCO',
      '3. Services signposted',
    ];
    // From the summary's own heading: the contents (which name every part first) end with the services' entry.
    const body = text.slice(text.indexOf('1. Summary of cases', text.indexOf('3. Services signposted')));
    let at = 0;
    for (const words of order.slice(1)) {
      const found = body.indexOf(words, at);
      expect(found, words).toBeGreaterThanOrEqual(at);
      at = found;
    }
    // The summary: each case's areas of need, consultation date, rows, review dates and outcome.
    expect(body).toContain('14 October 2025');
    expect(body).toContain('18 November 2025');
    expect(body).toContain('Social, emotional and mental health');
    expect(body).toContain('Agreed: 5 December 2025');
    expect(body).toContain('Continue with the plan');
    expect(body).toContain('Not reviewed yet');
    // The resource shared twice is listed once, with its case.
    const services = body.slice(body.indexOf('3. Services signposted'));
    expect(services.split(RESOURCE).length - 1).toBe(1);
    expect(services).toContain(`${RESOURCE} (J5M)`);
    expect(services).not.toContain('Sand timer');
  });

  it('holds nothing the privacy guard would flag', async () => {
    const text = await textOf((await download(world.north.senco, extension)).bytes);
    expect(findPersonalData(guardedText(text))).toEqual([]);
  });

  it('says so when no case is in the range', async () => {
    const text = await textOf((await download(world.north.senco, extension, 'from=2024-01-01&to=2024-02-01')).bytes);
    expect(text).toContain('No case of the school had its consultation in this range.');
    expect(text).not.toContain('J5M');
  });
});

describe('the layout', () => {
  it('starts the PDF with the contents, with page numbers, and marks every page Confidential', async () => {
    const bytes = (await download(world.north.senco, 'pdf')).bytes;
    const first = squash(pdfText(bytes, { first: 1, last: 1 }));
    expect(first).toContain('Evidence pack: Northfield Primary');
    expect(first).toMatch(
      /Contents 1\. Summary of cases \d+ 2\. Action plans and reviews \d+ Case J5M \d+ Case M4F \d+/,
    );
    const pages = Number(/Page 1 of (\d+)/.exec(first)?.[1]);
    expect(pages).toBeGreaterThan(3);
    for (let page = 1; page <= pages; page++) {
      const text = pdfText(bytes, { first: page, last: page });
      expect(text, `page ${page}`).toContain('Confidential · Evidence pack · Northfield Primary');
    }
  });

  it('puts Confidential in the Word header and links the contents to each part', async () => {
    const zip = await JSZip.loadAsync((await download(world.north.senco, 'docx')).bytes);
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/header\d*\.xml$/.test(name))
        .map((name) => zip.file(name)?.async('string')),
    );
    expect(headers.join('')).toContain('Confidential · Evidence pack · Northfield Primary');
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const anchor of ['summary', 'plans', 'case-1', 'case-2', 'services']) {
      expect(document).toContain(`w:anchor="${anchor}"`);
      expect(document).toContain(`w:name="${anchor}"`);
    }
  });
});

describe('who may have it, and what is checked', () => {
  it('is the SENCO of the school only, and refuses a bad range without building anything', async () => {
    expect((await world.north.ep.get(`/api/evidence-pack.pdf?${RANGE}`)).status).toBe(403);
    expect((await world.admin.get(`/api/evidence-pack.docx?${RANGE}`)).status).toBe(403);
    const backwards = await world.north.senco.get('/api/evidence-pack.pdf?from=2025-12-31&to=2025-09-01');
    expect(backwards.status).toBe(400);
    expect(backwards.json.error.code).toBe('invalid_payload');
    expect((await world.north.senco.get('/api/evidence-pack.pdf?from=2015-01-01&to=2025-01-01')).status).toBe(400);
    expect((await world.north.senco.get('/api/evidence-pack.pdf?from=2025-09-01')).status).toBe(400);
    expect((await world.north.senco.get(`/api/evidence-pack.pdf?${RANGE}&schoolId=x`)).status).toBe(400);
    // The other school's SENCO gets their own school's pack: W8F, never J5M.
    const theirs = squash(await docxText((await download(world.south.senco, 'docx')).bytes));
    expect(theirs).toContain('Case W8F');
    expect(theirs).not.toContain('J5M');
  });

  it('refuses a range whose plans are too long for one file, and asks for a shorter one', async () => {
    const session = await buildSession(world, { cases: [], date: '2024-03-05', start: false });
    const long = (length: number) => 'practise the routine '.repeat(length / 20).slice(0, length);
    const perCase = 30 * (1000 + 120 + 500);
    for (let made = 0; made * perCase <= EVIDENCE_PACK_LIMITS.characters; made++) {
      const item = await buildCase(world.north.senco, { reference: 'G4F', submitTo: session.id });
      const rows = Array.from({ length: 30 }, () =>
        buildRow({ action: long(1000), who: long(120), successLooksLike: long(500) }),
      );
      await planWith(world.north.senco, item.id, rows);
    }
    const refused = await world.north.senco.get('/api/evidence-pack.pdf?from=2024-03-01&to=2024-03-31');
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('evidence_pack_too_large');
    expect(refused.json.error.message).toBe(
      'The plans and reviews in this range are too long for one file. Choose a shorter range.',
    );
    await download(world.north.senco, 'pdf', 'from=2024-03-01&to=2024-03-04');
  });

  it('audits each download, for the school and for every case in it', async () => {
    await download(world.north.senco, 'pdf');
    const audit = (await world.admin.get('/api/audit?limit=50')).json.entries as {
      action: string;
      entity: string;
      entityId: string;
    }[];
    const exported = audit.filter((entry) => entry.action === 'exported');
    expect(exported.some((entry) => entry.entity === 'school' && entry.entityId === world.north.school.id)).toBe(true);
    for (const item of inRange)
      expect(exported.some((entry) => entry.entity === 'case' && entry.entityId === item.id)).toBe(true);
  });

  it('is refused while any case in it has a finding nobody checked, naming the case', async () => {
    const rows = (await world.north.senco.get(`/api/cases/${m4fId}/plan`)).json.plan.rows as ActionRow[];
    const flagged = rows.map((row, i) => (i === 0 ? { ...row, who: 'Call 07700 900123 first' } : row));
    await planWith(world.north.senco, m4fId, flagged);
    const refused = await world.north.senco.get(`/api/evidence-pack.docx?${RANGE}`);
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('personal_data_to_check');
    expect(refused.json.findings).toEqual([
      { kind: 'phone', place: 'plan', text: '07700 900123', caseId: m4fId, reference: 'M4F' },
    ]);
    await planWith(world.north.senco, m4fId, rows);
    await download(world.north.senco, 'docx');
  });
});
