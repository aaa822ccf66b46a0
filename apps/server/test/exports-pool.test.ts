import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { caseWithLongNotes, caseWithLongRows, pdfText } from './helpers/exportLoad.js';
import type { Browser } from './helpers/http.js';
import { sleep, waitFor } from './helpers/notes.js';
import { freePort } from './helpers/serverProcess.js';
import { startTestServer, tempDataDir } from './helpers/testServer.js';
import { accept, buildWorld, invite, type World } from './helpers/world.js';

// One data folder and one port, and a server started over them with the export settings each test needs.
const dataDir = tempDataDir();
let port: number;
let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
let world: World;
let sencos: Browser[];
let notesCaseId: string;
let rowsCaseId: string;

const DEFAULTS: Config['exports'] = { workers: 1, maxQueued: 8, maxQueuedPerUser: 2, timeoutMs: 30_000, heapMb: 1024 };
async function restart(exports: Partial<Config['exports']> = {}) {
  await server?.close();
  // Let the clients' kept-alive connections see the close before the next server takes the port.
  await sleep(100);
  server = await startTestServer(dataDir, { port, exports: { ...DEFAULTS, ...exports } });
  return server;
}

const planPdf = (browser: Browser, caseId = rowsCaseId) => browser.get(`/api/cases/${caseId}/plan.pdf`);
const exportsInAudit = async () =>
  ((await world.admin.get('/api/audit?limit=200')).json.entries as { action: string }[]).filter(
    (entry) => entry.action === 'exported',
  ).length;

beforeAll(async () => {
  port = await freePort();
  const { url } = await restart();
  world = await buildWorld(url);
  sencos = [world.north.senco];
  for (const name of ['SENCO B', 'SENCO C']) {
    const invited = await invite(world.admin, {
      role: 'senco',
      name,
      email: `${name.toLowerCase().replace(' ', '.')}@eps.example`,
      schoolId: world.north.school.id,
    });
    sencos.push(await accept(url, invited.token));
  }
  notesCaseId = await caseWithLongNotes(url, world, { bytes: 1024 * 1024 });
  rowsCaseId = await caseWithLongRows(world.north.senco);
}, 120_000);
afterAll(async () => {
  await server?.close();
});
afterEach(() => {
  // Every job has ended: none is left running or waiting in the pool.
  expect(server?.exports.stats()).toMatchObject({ running: 0, queued: 0 });
});

describe('the export limits', () => {
  it('answer 503 with Retry-After past one person’s queue, build the rest, and record only what was built', async () => {
    await restart({ workers: 1, maxQueuedPerUser: 2 });
    const before = await exportsInAudit();
    const results = await Promise.all(Array.from({ length: 5 }, () => planPdf(world.north.senco)));
    const refused = results.filter((result) => result.status === 503);
    // One building, two waiting; the other two refused at once.
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 503, 503]);
    for (const result of refused) {
      expect(result.json.error).toEqual({ code: 'exports_busy', message: 'Exports are busy. Try again in a moment.' });
      expect(result.headers.get('retry-after')).toBe('5');
    }
    for (const result of results.filter((r) => r.status === 200))
      expect(result.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(await exportsInAudit()).toBe(before + 3);
    // Nothing is held: the same person exports again at once.
    expect((await planPdf(world.north.senco)).status).toBe(200);
  });

  it('answer 503 past the server’s queue, whoever asks', async () => {
    await restart({ workers: 1, maxQueued: 3, maxQueuedPerUser: 2 });
    // Three people, two files each: one building, three waiting, two refused (nobody is past their own limit).
    const results = await Promise.all(sencos.flatMap((senco) => [planPdf(senco), planPdf(senco)]));
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 200, 503, 503]);
    expect((await planPdf(sencos[2] as Browser)).status).toBe(200);
  });

  it('apply to the consent form too', async () => {
    await restart({ workers: 1, maxQueuedPerUser: 1 });
    const form = () => world.north.senco.get(`/api/cases/${rowsCaseId}/consent-form.pdf`);
    const results = await Promise.all([form(), form(), form(), form()]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 503, 503]);
  });
});

describe('a request that goes away', () => {
  it('takes its export out of the queue; the export being built is finished and recorded', async () => {
    const { url } = await restart({ workers: 1 });
    const pool = server?.exports;
    const before = await exportsInAudit();
    const building = planPdf(world.north.ep, notesCaseId);
    await waitFor(() => pool?.stats().running === 1);
    const leaving = new AbortController();
    const abandoned = fetch(`${url}/api/cases/${rowsCaseId}/plan.pdf`, {
      headers: { cookie: world.north.senco.cookie as string },
      signal: leaving.signal,
    }).catch((error: unknown) => error);
    await waitFor(() => pool?.stats().queued === 1);
    leaving.abort();
    expect(await abandoned).toBeInstanceOf(Error);
    await waitFor(() => pool?.stats().queued === 0);
    expect(pool?.stats().running).toBe(1);
    expect((await building).status).toBe(200);
    expect(await exportsInAudit()).toBe(before + 1);
  });
});

describe('a worker that fails', () => {
  it('crashing (out of its heap) answers 500 for that export only, and the next export works', async () => {
    await restart({ heapMb: 64 });
    const big = await planPdf(world.north.ep, notesCaseId);
    expect(big.status).toBe(500);
    expect(big.json.error.code).toBe('export_failed');
    const next = await world.north.senco.get(`/api/cases/${rowsCaseId}/consent-form.pdf`);
    expect(next.status).toBe(200);
    expect(next.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('taking too long is stopped and replaced: that export answers 500, the next one works', async () => {
    await restart({ timeoutMs: 500 });
    const slow = await planPdf(world.north.ep, notesCaseId);
    expect(slow.status).toBe(500);
    expect(slow.json.error.code).toBe('export_timed_out');
    const next = await world.north.senco.get(`/api/cases/${rowsCaseId}/consent-form.pdf`);
    expect(next.status).toBe(200);
    expect(server?.exports.stats().workers).toBe(1);
  });
});

describe('the inputs of an export', () => {
  it('are laid out in time that grows with their length: a note of one 400,000-character word makes a PDF', async () => {
    // pdfmake alone spent minutes on such a word (it measured the rest of it again for every line), far past
    // the time limit; cut into pieces, it takes about a second.
    const { url } = await restart();
    const word = 'Zq'.repeat(200_000);
    const caseId = await caseWithLongNotes(url, world, {
      bytes: word.length,
      paragraphChars: word.length,
      paragraph: () => word,
      reference: 'K2F',
    });
    const result = await planPdf(world.north.ep, caseId);
    expect(result.status, JSON.stringify(result.json)).toBe(200);
    expect(pdfText(result.bytes).replace(/\s+/g, '').match(/Zq/g)?.length).toBe(200_000);
  }, 60_000);
});
