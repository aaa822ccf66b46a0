import { type ChildProcess, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { NOTES_CLOSE, notesDocName } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { joinAsPhone } from './helpers/http.js';
import { NotesClient, notesOnDisk, notesUrl, openNotes, paragraphsOf, sleep, waitFor } from './helpers/notes.js';
import { frame, pendingDeleteUpdate, pendingStructUpdate, seeded } from './helpers/notesFuzz.js';
import { freePort, kill, spawnServer } from './helpers/serverProcess.js';
import { openTestStore } from './helpers/store.js';
import { tempDataDir } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/**
 * Issue 8, item 1: updates that depend on edits the server never received. Yjs keeps them as pending data and
 * re-merges all of it on every later update, so 3,000 such frames from one phone used to stall the whole server
 * for seconds. The server runs in its own process here, so the probe measures the server and not the attacker.
 */
const FRAMES = 3000;
/**
 * The bound (100 ms), with slack for a test machine busy with other test files at the same time: the
 * stall it guards against lasted seconds (3.8 s here with 3,000 frames on the code before the fix).
 */
const HEALTH_BOUND_MS = 250;

let child: ChildProcess;
let url: string;
let world: World;
const dataDir = tempDataDir();
beforeAll(async () => {
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  child = await spawnServer(dataDir, port);
  world = await buildWorld(url);
});
afterAll(async () => {
  await kill(child);
});

/** Three kinds of pending frame: structs as an update, structs as a sync step 2, and deletions of unknown clocks. */
function pendingFrames(count: number): Uint8Array[] {
  const random = seeded(8);
  return Array.from({ length: count }, (_, i) => {
    if (i % 3 === 0) return frame(0, 2, pendingStructUpdate(random));
    if (i % 3 === 1) return frame(0, 1, pendingStructUpdate(random));
    return frame(0, 2, pendingDeleteUpdate(random));
  });
}

/**
 * Probes GET /api/health back to back from a process of its own (so neither this test's work nor the server's
 * shows in the other's figures) until stopped; resolves with every latency seen.
 */
async function probeHealth(): Promise<{ stop: () => Promise<number[]> }> {
  const script = `
    let running = true;
    process.stdin.on('data', () => { running = false; });
    const latencies = [];
    (async () => {
      // A first request opens the connection and warms fetch up: not counted.
      await (await fetch(process.argv[1] + '/api/health')).arrayBuffer();
      process.stderr.write('ready');
      while (running) {
        const start = performance.now();
        await (await fetch(process.argv[1] + '/api/health')).arrayBuffer();
        latencies.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      process.stdout.write(JSON.stringify(latencies));
      process.exit(0);
    })();`;
  const prober = spawn(process.execPath, ['-e', script, url], { stdio: ['pipe', 'pipe', 'pipe'] });
  await new Promise((resolve) => prober.stderr.once('data', resolve));
  let output = '';
  prober.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => prober.once('exit', () => resolve()));
  return {
    stop: async () => {
      prober.stdin.write('stop');
      await exited;
      return JSON.parse(output) as number[];
    },
  };
}

describe('notes updates that would leave pending data', () => {
  it('are refused at once: health stays fast, another room converges, nothing is stored', async () => {
    const session = await buildSession(world);
    const [attackedCase, healthyCase] = session.cases.map((c) => c.id) as [string, string];
    const join = (name: string) => joinAsPhone(url, session.joinCode as string, name);
    const a = await openNotes(url, notesDocName(healthyCase), await join('SENCO A'));
    const b = await openNotes(url, notesDocName(healthyCase), await join('SENCO B'));
    const attacker = `${notesUrl(url)}/${notesDocName(attackedCase)}?token=${await join('SENCO F')}`;
    const frames = pendingFrames(FRAMES);

    let typing = true;
    let written = 0;
    const typist = (async () => {
      while (typing) {
        a.write(`Healthy line ${written++}`);
        await sleep(25);
      }
    })();
    const probe = await probeHealth();
    await sleep(100);

    // One phone sends every frame as fast as it can, opening a new socket whenever one is closed.
    const closes: number[] = [];
    let sent = 0;
    const started = performance.now();
    while (sent < FRAMES) {
      const socket = new WebSocket(attacker);
      socket.on('error', () => {});
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      if (
        !(await new Promise<boolean>((resolve) =>
          socket.once('open', () => resolve(true)).once('close', () => resolve(false)),
        ))
      )
        break;
      const burst = frames.slice(sent, sent + 500);
      for (const [i, data] of burst.entries()) {
        socket.send(data);
        // Now and then a breath, so this process's typist and sockets keep up (the server gets none).
        if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
      }
      sent += burst.length;
      const code = await Promise.race([closed, sleep(1000).then(() => -1)]);
      closes.push(code);
      if (code === -1) socket.terminate();
    }
    const sendMs = performance.now() - started;
    await sleep(500);
    const latencies = await probe.stop();
    typing = false;
    await typist;

    const worst = Math.max(...latencies);
    const summary = `${sent} frames in ${sendMs.toFixed(0)} ms; health worst ${worst.toFixed(1)} ms over ${latencies.length} probes; closes ${closes.join(',')}`;
    expect(sent, summary).toBe(FRAMES);
    expect(worst, summary).toBeLessThan(HEALTH_BOUND_MS);
    // Each socket was closed within its first few pending frames (the room asks an honest client a few times).
    expect(new Set(closes), summary).toEqual(new Set([NOTES_CLOSE.refused.code]));

    // The other room kept converging, and nothing of the attack was stored.
    await waitFor(() => b.paragraphs().length === written, 5000, 'the healthy room did not converge');
    expect(a.closes).toEqual([]);
    const db = openTestStore(dataDir).db;
    const rows = db
      .prepare('SELECT COUNT(*) AS n FROM notes_updates WHERE doc_name = ?')
      .get(notesDocName(attackedCase));
    db.close();
    expect(rows).toEqual({ n: 0 });
    const stored = notesOnDisk(dataDir, attackedCase);
    expect(stored.store.clients.size).toBe(0);
    expect([stored.store.pendingStructs, stored.store.pendingDs]).toEqual([null, null]);

    // A phone that opens the attacked notes is sent an empty document, with no pending data in it.
    const reader = await openNotes(url, notesDocName(attackedCase), await join('SENCO C'));
    expect(reader.doc.store.clients.size).toBe(0);
    expect([reader.doc.store.pendingStructs, reader.doc.store.pendingDs]).toEqual([null, null]);
    expect(paragraphsOf(reader.doc)).toEqual([]);
    for (const client of [a, b, reader]) client.destroy();
  }, 120_000);

  it('asks an honest client for what the room lacks, closes one that keeps building on it, and works after', async () => {
    const session = await buildSession(world);
    const docName = notesDocName(session.cases[0]?.id as string);
    const token = await joinAsPhone(url, session.joinCode as string, 'SENCO A');
    const socket = new WebSocket(`${notesUrl(url)}/${docName}?token=${token}`);
    // The room's sync step 1 (message 0, step 0): one in its welcome, then one each time it asks for what it lacks.
    let asked = 0;
    socket.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 0) asked += 1;
    });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    await waitFor(() => asked === 1, 5000, 'no welcome');
    // An edit that builds on edits the room never had (as after a node's death): not applied, and the room asks.
    socket.send(frame(0, 2, pendingStructUpdate(seeded(1))));
    await waitFor(() => asked === 2, 5000, 'the room did not ask for what it lacks');
    // Going on sending such edits, past a few, is not an honest client: closed.
    for (let i = 0; i < 3; i++) socket.send(frame(0, 2, pendingStructUpdate(seeded(1))));
    expect(await closed).toBe(NOTES_CLOSE.refused.code);
    expect(asked).toBe(4);
    const client = new NotesClient(url, docName, token);
    await client.whenSynced();
    client.write('Typed after the refusal');
    await waitFor(() => paragraphsOf(notesOnDisk(dataDir, session.cases[0]?.id as string)).length === 1);
    client.destroy();
  });
});
