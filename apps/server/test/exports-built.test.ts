import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithLongRows } from './helpers/exportLoad.js';
import { freePort, kill, spawnServer } from './helpers/serverProcess.js';
import { tempDataDir } from './helpers/testServer.js';
import { buildWorld, type World } from './helpers/world.js';

// The server as it ships: bundled by build.mjs (a copy, in a folder of its own under dist/ so that the registry
// packages resolve from node_modules as they do for dist/main.js), run with plain node, no tsx anywhere.
const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outdir = path.join('dist', `test-${process.pid}`);
let child: ChildProcess;
let url: string;
let world: World;
let caseId: string;

beforeAll(async () => {
  execFileSync(process.execPath, ['build.mjs', '--outdir', outdir], { cwd: serverDir });
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  child = await spawnServer(tempDataDir(), port, {}, ['--enable-source-maps', path.join(outdir, 'main.js')]);
  world = await buildWorld(url);
  caseId = await caseWithLongRows(world.north.senco);
}, 60_000);
afterAll(async () => {
  if (child) await kill(child);
  fs.rmSync(path.join(serverDir, outdir), { recursive: true, force: true });
});

describe('the built server', () => {
  it('bundles the export worker beside the server and starts it from there', () => {
    expect(fs.existsSync(path.join(serverDir, outdir, 'exportWorker.js'))).toBe(true);
  });

  it('builds Word, PDF and the consent form in its worker', async () => {
    const senco = world.north.senco;
    const [docx, pdf, form] = await Promise.all([
      senco.get(`/api/cases/${caseId}/plan.docx`),
      senco.get(`/api/cases/${caseId}/plan.pdf`),
      senco.get(`/api/cases/${caseId}/consent-form.pdf`),
    ]);
    expect(docx.status).toBe(200);
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(form.status).toBe(200);
    expect(form.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
