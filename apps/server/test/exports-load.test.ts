import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithLongNotes, caseWithLongRows, numberedParagraph, pdfText, probeHealth } from './helpers/exportLoad.js';
import type { Browser } from './helpers/http.js';
import { freePort, kill, spawnServer } from './helpers/serverProcess.js';
import { tempDataDir } from './helpers/testServer.js';
import { accept, buildWorld, invite, type World } from './helpers/world.js';

// The server runs in its own process (from source, as `node --import tsx src/main.ts`), so the health probe
// measures the server's event loop and not this one's.
const NOTES_BYTES = 1024 * 1024;
let child: ChildProcess;
let url: string;
let world: World;
let otherSenco: Browser;
let notesCaseId: string;
let rowsCaseId: string;

beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  child = await spawnServer(tempDataDir(), port);
  world = await buildWorld(url);
  // A second SENCO of the same school, so the four plan exports come from two people, two each.
  const invited = await invite(world.admin, {
    role: 'senco',
    name: 'SENCO B',
    email: 'senco.b@eps.example',
    schoolId: world.north.school.id,
  });
  otherSenco = await accept(url, invited.token);
  notesCaseId = await caseWithLongNotes(url, world, { bytes: NOTES_BYTES, paragraphChars: 600 });
  rowsCaseId = await caseWithLongRows(world.north.senco);
}, 120_000);
afterAll(async () => {
  if (child) await kill(child);
});

describe('exports under load', () => {
  it('leave the event loop free: health answers within 100 ms while a 1 MB-notes PDF and four long plans are built', async () => {
    const probe = probeHealth(url, 20);
    const results = await Promise.all([
      world.north.ep.get(`/api/cases/${notesCaseId}/plan.pdf`),
      world.north.senco.get(`/api/cases/${rowsCaseId}/plan.pdf`),
      world.north.senco.get(`/api/cases/${rowsCaseId}/plan.docx`),
      otherSenco.get(`/api/cases/${rowsCaseId}/plan.pdf`),
      otherSenco.get(`/api/cases/${rowsCaseId}/plan.docx`),
    ]);
    const times = await probe.stop();
    for (const result of results) expect(result.status, JSON.stringify(result.json)).toBe(200);
    // The whole of the notes is in the file, to the last paragraph.
    const last = Math.ceil(NOTES_BYTES / 600);
    // Every page carries its header and number (issue 13): read the text without them, as one flow.
    const flow = pdfText(results[0]?.bytes as Buffer)
      .split('\n')
      .filter((line) => !/^Confidential · Case J5M · Action plan$|^Page \d+ of \d+$/.test(line.trim()))
      .join('\n');
    expect(flow.replace(/\s+/g, ' ')).toContain(numberedParagraph(last - 1, 600));
    // Within 100 ms, with slack for a machine whose two cores are shared with other work (an idle server there
    // answers late now and then too): no more than 1 probe in 20 over 100 ms, and none over 500 ms. Building the
    // files on the event loop held it for seconds at a time.
    const shown = `health times (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`;
    expect(Math.max(...times), shown).toBeLessThan(500);
    expect(times.filter((t) => t > 100).length / times.length, shown).toBeLessThanOrEqual(0.05);
    expect(times.length, shown).toBeGreaterThan(20);
  }, 120_000);
});
