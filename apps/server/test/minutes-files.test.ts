import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MinutesBody } from '@consultboard/domain';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepos } from '../src/db/repos.js';
import { runExportJob } from '../src/exports/exportJob.js';
import { exportText } from './helpers/exportText.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/** Issue 12, item 2: a case's minutes as Word and PDF, "Confidential" and the reference on every page. */
const body = (overrides: Partial<MinutesBody> = {}): MinutesBody => ({
  reference: 'J5M',
  caseType: 'child',
  areasOfNeed: ['social-emotional-and-mental-health'],
  sessionDate: '2026-11-23',
  localityName: 'North East locality',
  schoolName: 'Northfield Primary',
  facilitatorName: 'EP North',
  preparation: { currentSituation: 'Finds assembly noisy.', triedSoFar: '', desiredSituation: '', aim: '' },
  stages: [
    {
      id: 'current-situation',
      name: 'Current situation',
      // Enough lines for several pages.
      notes: Array.from({ length: 180 }, (_, i) => `Observation ${i + 1}: calmer after a movement break.`),
      cards: [],
    },
    {
      id: 'strategies-and-resources',
      name: 'Strategies and resources',
      notes: [],
      cards: [{ kind: 'strategy', text: 'Ear defenders in assembly', helpful: true, merged: ['A quiet seat'] }],
    },
  ],
  plan: [
    {
      action: 'Ear defenders in assembly',
      who: 'Class teacher',
      byWhen: '2026-12-01',
      successLooksLike: 'Stays for the whole assembly',
      reviewDate: '2027-01-10',
      areaOfNeed: 'sensory-and-physical',
    },
  ],
  ...overrides,
});

function pdfPages(bytes: Uint8Array): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consultboard-minutes-'));
  try {
    const file = path.join(dir, 'minutes.pdf');
    fs.writeFileSync(file, bytes);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    return Array.from({ length: pages }, (_, i) =>
      execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the minutes as files', () => {
  it('prints "Confidential" and the reference at the top of every PDF page, with the whole minutes', async () => {
    const result = await runExportJob({ kind: 'minutes', format: 'pdf', minutes: body(), dismissed: [] });
    if (!('bytes' in result)) throw new Error('refused');
    const pages = pdfPages(result.bytes);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page).toContain('Confidential · Minutes of case J5M');
    const all = pages.join(' ').replace(/\s+/g, ' ');
    for (const words of [
      'SEND Locality Group Consultation: Minutes',
      'Observation 180',
      'Ear defenders in assembly (Helpful)',
      'A quiet seat',
      'Stays for the whole assembly',
      'Facilitating EP EP North',
    ])
      expect(all).toContain(words);
  });

  it('puts the same header on every Word page (the section header) and the same words in the body', async () => {
    const result = await runExportJob({ kind: 'minutes', format: 'docx', minutes: body(), dismissed: [] });
    if (!('bytes' in result)) throw new Error('refused');
    const zip = await JSZip.loadAsync(result.bytes);
    const headers = Object.keys(zip.files).filter((name) => /^word\/header\d+\.xml$/.test(name));
    expect(headers.length).toBeGreaterThan(0);
    const header = await zip.file(headers[0] as string)?.async('string');
    expect(header).toContain('Confidential · Minutes of case J5M');
    const text = await exportText('docx', Buffer.from(result.bytes));
    for (const words of ['Observation 180', 'Ear defenders in assembly (Helpful)', 'Stays for the whole assembly'])
      expect(text).toContain(words);
  });

  it('stops a file that would print personal data, unless that finding was dismissed', async () => {
    const risky = body({
      preparation: { currentSituation: 'Lives near SW1A 1AA.', triedSoFar: '', desiredSituation: '', aim: '' },
    });
    const refused = await runExportJob({ kind: 'minutes', format: 'pdf', minutes: risky, dismissed: [] });
    expect(refused).toMatchObject({ findings: [{ kind: 'postcode', place: 'preparation', text: 'SW1A 1AA' }] });
  });
});

describe('downloading the minutes', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let world: World;
  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server.url);
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers Word and PDF through the export workers, and 409 with the findings to check', async () => {
    const session = await buildSession(world, { cases: ['J5M', 'K2F'] });
    const db = openTestStore(server.dataDir).db;
    const write = (caseId: string, minutes: MinutesBody) =>
      createRepos(db).minutes.write({
        sessionId: session.id,
        caseId,
        schoolId: world.north.school.id,
        localityId: world.north.locality.id,
        body: minutes,
        text: minutes.reference,
        now: Date.now(),
      });
    let clean: string;
    let risky: string;
    try {
      clean = write(session.cases[0]?.id as string, body());
      risky = write(
        session.cases[1]?.id as string,
        body({
          reference: 'K2F',
          stages: [{ id: 'current-situation', name: 'Current situation', notes: ['Call 07700 900123'], cards: [] }],
        }),
      );
    } finally {
      db.close();
    }
    for (const format of ['docx', 'pdf'] as const) {
      const file = await world.north.ep.request('GET', `/api/minutes/${clean}/${format}`);
      expect(file.status).toBe(200);
      expect(file.headers.get('content-disposition')).toBe(`attachment; filename="Minutes J5M 2026-11-23.${format}"`);
      const refused = await world.north.ep.get(`/api/minutes/${risky}/${format}`);
      expect(refused.status).toBe(409);
      expect(refused.json.error.code).toBe('personal_data_to_check');
    }
  });
});
