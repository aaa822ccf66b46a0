/**
 * The notes servers the benchmarks drive, each in its own process with the same loop probe: ours (from source,
 * over a fresh SQLite file), Hocuspocus 3.4.4 in memory and with its SQLite extension, and the y-websocket 1.5.4
 * server (installed in bench/peers, never in the app). Each gives the rooms to connect to.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { notesDocName } from '@consultboard/domain';
import { Browser } from '../test/helpers/http.js';
import { tempDataDir } from '../test/helpers/testServer.js';
import { buildSession, buildWorld } from '../test/helpers/world.js';
import type { Protocol, RoomSpec } from './notesLoad.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverDir = path.resolve(here, '..');
const peersDir = path.resolve(here, '../../../bench/peers');
const probe = path.join(here, 'loopProbe.mjs');

export type ServerKind =
  | 'ours'
  | 'ours-baseline'
  | 'ours-full'
  | 'ours-none'
  | 'hocuspocus'
  | 'hocuspocus-sqlite'
  | 'y-websocket';
export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'ours (NOTES_FLUSH=async)',
  'ours-baseline': 'ours as in BASELINE_DIR',
  'ours-full': 'ours, NOTES_FLUSH=full',
  'ours-none': 'ours, NOTES_FLUSH=none',
  hocuspocus: 'Hocuspocus 3.4.4 (memory)',
  'hocuspocus-sqlite': 'Hocuspocus 3.4.4 + SQLite',
  'y-websocket': 'y-websocket 1.5.4 server',
};

export interface ProbeSample {
  at: number;
  elu: number;
  p99: number;
  max: number;
  heap: number;
  rss: number;
}

export interface RunningNotesServer {
  kind: ServerKind;
  /** When each notes room was freed (ours, from its log at LOG_LEVEL=info). */
  freed: { at: number; docName: string }[];
  protocol: Protocol;
  child: ChildProcess;
  samples: ProbeSample[];
  /** Sets up `count` rooms (ours: sessions, cases and phone tokens through the API) for `clients` clients each. */
  rooms(count: number, clients: number): Promise<RoomSpec[]>;
  /** The heap after a full collection (the server runs with --expose-gc). */
  heapAfterGc(): Promise<number>;
  /**
   * Starts measuring the event loop's delay; `stopWindow` answers its p99 and max (ms), its busy share, and the
   * process's CPU time (ms, all threads) since.
   */
  startWindow(): void;
  stopWindow(): Promise<{ p99: number; max: number; busy: number; cpu: number }>;
  stop(): Promise<void>;
}

/** The probe samples taken between two moments (wall clock). */
export const between = (samples: ProbeSample[], from: number, to: number) =>
  samples.filter((sample) => sample.at > from && sample.at <= to);

export async function startNotesServer(
  kind: ServerKind,
  env: Record<string, string> = {},
): Promise<RunningNotesServer> {
  const dataDir = tempDataDir();
  const common = { ...process.env, PORT: '0', HOST: '127.0.0.1', NODE_OPTIONS: `--expose-gc --import=${probe}` };
  let child: ChildProcess;
  if (kind.startsWith('ours')) {
    const flush = kind === 'ours-full' ? 'full' : kind === 'ours-none' ? 'none' : 'async';
    // OURS_CPU_PROF=<folder>: a CPU profile of our server, written when it stops.
    const profile = process.env.OURS_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.OURS_CPU_PROF}`] : [];
    // ours-baseline: the server of another checkout (BASELINE_DIR, its root, installed), to compare a change with.
    const baseline = kind === 'ours-baseline';
    if (baseline && !process.env.BASELINE_DIR) throw new Error('ours-baseline needs BASELINE_DIR, a checkout to run');
    const cwd = baseline ? path.join(process.env.BASELINE_DIR as string, 'apps/server') : serverDir;
    child = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
      cwd,
      env: {
        ...common,
        DATA_DIR: dataDir,
        WEB_DIST: '',
        LOG_LEVEL: 'warn',
        TRUST_PROXY: '1',
        NOTES_FLUSH: flush,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
  } else {
    const script = kind === 'y-websocket' ? 'ywebsocket.mjs' : 'hocuspocus.mjs';
    const sqlite = kind === 'hocuspocus-sqlite' ? { HOCUSPOCUS_SQLITE: path.join(dataDir, 'hocuspocus.db') } : {};
    child = spawn(process.execPath, [script], {
      cwd: peersDir,
      env: { ...common, ...sqlite, ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
  }
  const samples: ProbeSample[] = [];
  const freed: { at: number; docName: string }[] = [];
  let output = '';
  let partial = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${kind} did not start: ${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (output.length < 20_000) output += text;
      const match = /listening on port (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', (chunk: Buffer) => {
      onData(chunk);
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('loop-probe ')) samples.push({ at: Date.now(), ...JSON.parse(line.slice(11)) });
        else if (line.includes('"notes room freed"')) freed.push({ at: Date.now(), docName: JSON.parse(line).docName });
        else if (process.env.BENCH_SERVER_LOG && line.trim()) process.stderr.write(`[${kind}] ${line}\n`);
      }
    });
    child.stderr?.on('data', onData);
    // BENCH_SERVER_LOG=1: the server's own warnings, as they come.
    if (process.env.BENCH_SERVER_LOG)
      child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${kind}] ${chunk}`));
    child.once('exit', (code) => reject(new Error(`${kind} exited (${code}): ${output}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  const ws = base.replace(/^http/, 'ws');

  return {
    kind,
    freed,
    protocol: kind.startsWith('hocuspocus') ? 'hocuspocus' : 'y-websocket',
    child,
    samples,
    rooms: async (count, clients) => {
      if (!kind.startsWith('ours')) {
        return Array.from({ length: count }, (_, r) => {
          const docName = `room-${r}`;
          const url = kind === 'y-websocket' ? `${ws}/${docName}` : ws;
          return { docName, url: () => url };
        });
      }
      return ourRooms(base, count, clients);
    },
    heapAfterGc: () => ask<{ heap: number }>(child, 'gc').then((answer) => answer.heap),
    startWindow: () => child.send('window-start'),
    stopWindow: () =>
      ask<{ window: { p99: number; max: number; busy: number; cpu: number } }>(child, 'window-stop').then(
        (a) => a.window,
      ),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer to ${message}`)), 30_000);
    child.once('message', (answer: T) => {
      clearTimeout(timer);
      resolve(answer);
    });
    child.send(message);
  });
}

/** References for invented cases: A1M, A1F, A1X, A2M… (a letter, a year, a sex), never a child's name. */
function* references(): Generator<string> {
  for (const letter of 'ABCDEFGHKLMNPRSTVWY')
    for (const year of ['N', 'R', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11'])
      for (const sex of 'MFX') yield `${letter}${year}${sex}`;
}

/**
 * Our rooms: sessions of up to 12 cases (the agenda's limit), each case's notes a room; every client of a room is
 * a phone that joined its session (a different address each, as phones are: TRUST_PROXY=1 and X-Forwarded-For),
 * and one phone's token opens the notes of every case of its session, as the app allows.
 */
async function ourRooms(base: string, count: number, clients: number): Promise<RoomSpec[]> {
  const world = await buildWorld(base);
  const refs = references();
  const rooms: RoomSpec[] = [];
  let address = 0;
  for (let first = 0; first < count; first += 12) {
    const cases = Array.from({ length: Math.min(12, count - first) }, () => refs.next().value as string);
    const session = await buildSession(world, { cases, date: '2026-11-23' });
    const tokens: string[] = [];
    for (let k = 0; k < clients; k++) {
      address += 1;
      const phone = new Browser(base);
      const joined = await phone.post(
        '/api/join',
        { code: session.joinCode, name: `SENCO ${k}` },
        { 'x-forwarded-for': `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}` },
      );
      if (joined.status !== 200) throw new Error(`join failed: ${JSON.stringify(joined.json)}`);
      tokens.push(joined.json.token as string);
    }
    for (const item of session.cases) {
      const docName = notesDocName(item.id);
      rooms.push({
        docName,
        url: (k) => `${base.replace(/^http/, 'ws')}/yjs/${docName}?token=${tokens[k % tokens.length]}`,
      });
    }
  }
  return rooms;
}

/** The machine's load average now, printed beside every figure. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
