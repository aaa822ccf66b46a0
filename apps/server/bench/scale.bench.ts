import { performance } from 'node:perf_hooks';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { median, NotesLoad, percentile } from './notesLoad.js';
import { loadAverage, type ServerKind, startNotesServer } from './notesServers.js';

const STEPS = (process.env.STEPS ?? '100,150,200,250,300').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const MEASURE_S = Number(process.env.MEASURE_S ?? 8);
const WARMUP_S = Number(process.env.WARMUP_S ?? 2);
const MEMORY_ROOMS = Number(process.env.MEMORY_ROOMS ?? 20);
/** KIND=ours-none or ours-full: our server with another way to the disk (NOTES_FLUSH). */
const KIND = (process.env.KIND ?? 'ours') as ServerKind;
const LAG_LIMIT_MS = 50;
const FANOUT_LIMIT_MS = 30;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(2)} MiB`;

interface Step {
  rooms: number;
  fanoutP99: number;
  fanoutP50: number;
  lagP99: number;
  busy: number;
  /** The server process's CPU time (all threads) per update the typists sent, in µs. */
  cpuPerUpdate: number;
  /** The load generator's own event loop (this process): when it is saturated, its delays count as fan-out. */
  generatorBusy: number;
  load: string;
}

async function trial(rooms: number): Promise<Step> {
  const server = await startNotesServer(KIND);
  let load: NotesLoad | null = null;
  try {
    load = new NotesLoad({
      protocol: 'y-websocket',
      rooms: await server.rooms(rooms, 21),
      clientsPerRoom: 21,
      typistsPerRoom: 3,
      typeEveryMs: 333,
    });
    await load.connect();
    load.start();
    await sleep(WARMUP_S * 1000);
    server.startWindow();
    const generatorFrom = performance.eventLoopUtilization();
    load.record(true);
    await sleep(MEASURE_S * 1000);
    load.record(false);
    const generatorBusy = performance.eventLoopUtilization(
      performance.eventLoopUtilization(),
      generatorFrom,
    ).utilization;
    const window = await server.stopWindow();
    return {
      rooms,
      generatorBusy,
      fanoutP99: percentile(load.latencies, 99),
      fanoutP50: percentile(load.latencies, 50),
      lagP99: window.p99,
      busy: window.busy,
      cpuPerUpdate: (window.cpu * 1000) / Math.max(1, load.updatesSent),
      load: loadAverage(),
    };
  } finally {
    await load?.close();
    await server.stop();
  }
}

const holds = (step: Pick<Step, 'fanoutP99' | 'lagP99'>) =>
  step.fanoutP99 < FANOUT_LIMIT_MS && step.lagP99 < LAG_LIMIT_MS;

/** One stock-protocol client that types `chars` characters into its own paragraph, `per` at a time. */
async function typeNotes(url: string, chars: number, per: number): Promise<void> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText('');
  paragraph.insert(0, [text]);
  doc.getXmlFragment('stage:current-situation').push([paragraph]);
  const words = 'a visual timetable checked with a key adult each morning, and a calm corner after break; ';
  for (let written = 0; written < chars; written += per) {
    text.insert(text.length, words.repeat(Math.ceil(per / words.length)).slice(0, per));
  }
  for (const update of updates) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint8Array(encoder, update);
    ws.send(encoding.toUint8Array(encoder));
  }
  // Settled once the server has answered a sync request sent after the updates (it answers once they are stored).
  await new Promise<void>((resolve) => {
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 1) resolve();
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(new Y.Doc()));
    ws.send(encoding.toUint8Array(encoder));
  });
  ws.close();
  doc.destroy();
}

async function memory(): Promise<{ perRoom: number; freedAfterMs: number | null; heapAfter: number; load: string }> {
  const server = await startNotesServer('ours', { LOG_LEVEL: 'info' });
  let load: NotesLoad | null = null;
  try {
    const rooms = await server.rooms(MEMORY_ROOMS, 20);
    // 30,000 characters in each room: three people's 10,000, typed 100 characters an update.
    for (const room of rooms) await Promise.all([0, 1, 2].map((k) => typeNotes(room.url(k), 10_000, 100)));
    await sleep(12_000); // every room emptied: compacted and dropped after the idle time (10 s)
    const before = await server.heapAfterGc();
    load = new NotesLoad({ protocol: 'y-websocket', rooms, clientsPerRoom: 20, typistsPerRoom: 0, typeEveryMs: 333 });
    await load.connect();
    await sleep(1000);
    const during = await server.heapAfterGc();
    await load.close();
    load = null;
    // Everyone leaves: each room must be freed (the server logs it) within 30 s.
    const left = Date.now();
    const names = new Set(rooms.map((room) => room.docName));
    const allFreed = () => [...names].every((name) => server.freed.some((f) => f.docName === name && f.at >= left));
    while (!allFreed() && Date.now() - left < 40_000) await sleep(200);
    const times = server.freed.filter((f) => names.has(f.docName) && f.at >= left).map((f) => f.at - left);
    const freedAfterMs = allFreed() ? Math.max(...times) : null;
    const after = await server.heapAfterGc();
    return { perRoom: (during - before) / MEMORY_ROOMS, freedAfterMs, heapAfter: after - before, load: loadAverage() };
  } finally {
    await load?.close();
    await server.stop();
  }
}

console.log(
  `Notes rooms on one server (${KIND}): 21 clients a room, 3 typing 3 updates a second; holds when loop lag p99 < ${LAG_LIMIT_MS} ms and fan-out p99 < ${FANOUT_LIMIT_MS} ms. ${ROUNDS} rounds, ${WARMUP_S} s + ${MEASURE_S} s each. Load average at start: ${loadAverage()}`,
);
const results = new Map<number, Step[]>();
for (let round = 0; round < ROUNDS; round++) {
  for (const rooms of STEPS) {
    const step = await trial(rooms);
    results.set(rooms, [...(results.get(rooms) ?? []), step]);
    console.log(
      `  round ${round + 1}, ${String(rooms).padStart(3)} rooms: fan-out p50 ${step.fanoutP50.toFixed(1)} ms, p99 ${step.fanoutP99.toFixed(1)} ms; loop lag p99 ${step.lagP99.toFixed(1)} ms, busy ${Math.round(step.busy * 100)} %, server CPU ${Math.round(step.cpuPerUpdate)} µs/update (load generator ${Math.round(step.generatorBusy * 100)} %) ${holds(step) ? 'holds' : 'does not hold'}  load ${step.load}`,
    );
  }
}
let largest = 0;
console.log('\nMedians over the rounds:');
for (const rooms of STEPS) {
  const steps = results.get(rooms) ?? [];
  const summary = { fanoutP99: median(steps.map((s) => s.fanoutP99)), lagP99: median(steps.map((s) => s.lagP99)) };
  if (holds(summary) && rooms > largest) largest = rooms;
  console.log(
    `  ${String(rooms).padStart(3)} rooms: fan-out p99 ${summary.fanoutP99.toFixed(1)} ms, loop lag p99 ${summary.lagP99.toFixed(1)} ms, busy ${Math.round(median(steps.map((s) => s.busy)) * 100)} %, server CPU ${Math.round(median(steps.map((s) => s.cpuPerUpdate)))} µs/update: ${holds(summary) ? 'holds' : 'does not hold'}`,
  );
}
console.log(
  `Largest room count that holds: ${largest || 'none of those tried'} (goal ≥ 200). Load average: ${loadAverage()}`,
);

const mem = await memory();
console.log(
  `Heap per active room (20 clients, 30,000 characters of notes; ${MEMORY_ROOMS} rooms): ${mib(mem.perRoom)} (goal ≤ 1 MB). ` +
    `Every room nobody is in was freed within ${mem.freedAfterMs === null ? 'more than 40 s (not all)' : `${(mem.freedAfterMs / 1000).toFixed(1)} s`} of the last one leaving (goal ≤ 30 s); heap then ${mib(mem.heapAfter)} above the empty server's. Load average: ${mem.load}`,
);
