/**
 * Notes endpoint benchmark: a real server over a real SQLite file, a room of stock y-websocket providers.
 * Prints relay latency percentiles (an edit in one client until every other client has it), the time to
 * load a case document from a long update log and from its compacted snapshot, and memory.
 * Run: pnpm bench:notes (LOG_LEVEL=warn npx tsx bench/notes.bench.ts)
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { notesDocName } from '@consultboard/domain';
import * as Y from 'yjs';
import { openDatabase } from '../src/db/database.js';
import { notesRepo, toDoc } from '../src/db/notes.js';
import { joinAsPhone } from '../test/helpers/http.js';
import { type NotesClient, openNotes, waitFor } from '../test/helpers/notes.js';
import { freePort, kill, spawnServer } from '../test/helpers/serverProcess.js';
import { startTestServer, tempDataDir } from '../test/helpers/testServer.js';
import { buildSession, buildWorld } from '../test/helpers/world.js';

const CLIENTS = Number(process.env.CLIENTS ?? 30);
const EDITS = Number(process.env.EDITS ?? 300);
const LOG = Number(process.env.LOG ?? 5000);

// Each stock provider adds a process 'exit' listener.
process.setMaxListeners(0);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function summary(label: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(2).padStart(7);
  return `${label.padEnd(34)} p50 ${fmt(percentile(sorted, 50))} ms  p95 ${fmt(percentile(sorted, 95))} ms  p99 ${fmt(percentile(sorted, 99))} ms  max ${fmt(sorted.at(-1) ?? Number.NaN)} ms`;
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** Resolves when a client's stage notes hold at least `count` paragraphs. */
function whenHolds(client: NotesClient, count: number): Promise<void> {
  const fragment = client.stage();
  if (fragment.length >= count) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (fragment.length < count) return;
      fragment.unobserve(check);
      resolve();
    };
    fragment.observe(check);
  });
}

// 1. Relay latency in a room of phones, the server in its own process (as in production).
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const child = await spawnServer(tempDataDir(), port);
const serverRss = () => {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) * 1024;
};
const session = await buildSession(await buildWorld(url));
const docName = notesDocName(session.cases[0]?.id as string);
const rssIdle = serverRss();
const clients: NotesClient[] = [];
for (let i = 0; i < CLIENTS; i++) {
  clients.push(await openNotes(url, docName, await joinAsPhone(url, session.joinCode as string, `SENCO ${i}`)));
}
for (const [i, client] of clients.entries())
  client.provider.awareness.setLocalStateField('user', { name: `SENCO ${i}` });

const relayMs: number[] = [];
for (let i = 0; i < EDITS; i++) {
  const sender = clients[i % CLIENTS] as NotesClient;
  const others = clients.filter((client) => client !== sender);
  const start = performance.now();
  sender.write(`Edit ${i}: a visual timetable, checked with a key adult each morning`);
  await Promise.all(others.map((client) => whenHolds(client, i + 1)));
  relayMs.push(performance.now() - start);
}

// Everyone types at the same moment: until every client has every edit.
const burstMs: number[] = [];
for (let round = 0; round < 20; round++) {
  const target = clients[0]?.stage().length ?? 0;
  const start = performance.now();
  for (const [k, client] of clients.entries()) client.write(`Round ${round} from SENCO ${k}`);
  await Promise.all(clients.map((client) => whenHolds(client, target + CLIENTS)));
  burstMs.push(performance.now() - start);
}
const rssInRoom = serverRss();
for (const client of clients) client.destroy();
await kill(child, 'SIGTERM');

// 2. Loading a case document: from a long update log, and from its snapshot after compaction.
/** Types a case's notes a few characters per update, as an editor sends them, storing each update. */
function typeLog(store: (update: Uint8Array) => void): void {
  const typist = new Y.Doc();
  typist.on('update', store);
  const fragment = typist.getXmlFragment('stage:current-situation');
  for (let i = 0; i < LOG; i++) {
    if (i % 40 === 0) {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('')]);
      fragment.push([paragraph]);
    } else {
      const text = (fragment.get(fragment.length - 1) as Y.XmlElement).get(0) as Y.XmlText;
      text.insert(text.length, 'abc ');
    }
  }
  typist.destroy();
}

const db = openDatabase(tempDataDir());
const repo = notesRepo(db);
const longDoc = 'case:bench-long';
typeLog((update) => repo.append(longDoc, [update]));
const timeLoad = (runs: number) => {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    toDoc(repo.load(longDoc)).destroy();
    times.push(performance.now() - start);
  }
  return times;
};
const logLength = repo.logLength(longDoc);
const logBytes = repo.load(longDoc).bytes;
const fromLog = timeLoad(10);
const compactStart = performance.now();
const stored = repo.load(longDoc);
const state = Y.encodeStateAsUpdate(toDoc(stored));
repo.compact(longDoc, state, stored.lastId);
const compactMs = performance.now() - compactStart;
const fromSnapshot = timeLoad(10);
db.close();

// The same through the server: a cold room's first sync from the log, then (compacted when it emptied) from the snapshot.
const coldDir = tempDataDir();
const coldServer = await startTestServer(coldDir, { notes: { idleRoomMs: 100, compactAfterUpdates: 1_000_000 } });
const coldSession = await buildSession(await buildWorld(coldServer.url));
const coldName = notesDocName(coldSession.cases[0]?.id as string);
const coldDb = openDatabase(coldDir);
const coldRepo = notesRepo(coldDb);
typeLog((update) => coldRepo.append(coldName, [update]));
coldDb.close();
const phoneToken = await joinAsPhone(coldServer.url, coldSession.joinCode as string, 'SENCO A');
const firstSync = async () => {
  const start = performance.now();
  const client = await openNotes(coldServer.url, coldName, phoneToken);
  const ms = performance.now() - start;
  const paragraphs = client.stage().length;
  client.destroy();
  await waitFor(() => coldServer.notes.rooms.size === 0, 5000);
  return { ms, paragraphs };
};
const coldFromLog = await firstSync();
const coldFromSnapshot = await firstSync();
await coldServer.close();

console.log(
  `Notes relay: ${CLIENTS} stock y-websocket clients in one case, ${EDITS} edits (server in its own process, notes flushed as NOTES_FLUSH says, async unless set)`,
);
console.log(summary(`edit seen by the other ${CLIENTS - 1}`, relayMs));
console.log(summary(`all ${CLIENTS} type at once, all see all`, burstMs));
console.log(
  `Loading a case document typed as ${logLength} updates (${mib(logBytes)} of log; snapshot ${(state.byteLength / 1024).toFixed(1)} KiB, compacted in ${compactMs.toFixed(1)} ms)`,
);
console.log(summary('from the update log', fromLog));
console.log(summary('from the snapshot', fromSnapshot));
console.log(
  `cold room, first stock client synced: from the log ${coldFromLog.ms.toFixed(1)} ms, from the snapshot ${coldFromSnapshot.ms.toFixed(1)} ms (${coldFromSnapshot.paragraphs} paragraphs)`,
);
console.log(
  `server memory: rss ${mib(rssIdle)} idle, ${mib(rssInRoom)} with ${CLIENTS} clients in a room after the edits`,
);
