import type { ChildProcess } from 'node:child_process';
import { notesDocName } from '@consultboard/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { joinAsPhone } from './helpers/http.js';
import { type NotesClient, openNotes, sleep } from './helpers/notes.js';
import { freePort, kill, spawnServer } from './helpers/serverProcess.js';
import { tempDataDir } from './helpers/testServer.js';
import { buildSession, buildWorld } from './helpers/world.js';

const children: ChildProcess[] = [];
const clients: NotesClient[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const child of children.splice(0)) await kill(child);
});

// Small, so that compactions run (and are interrupted) during the stream as well.
const SERVER_ENV = { NOTES_COMPACT_AFTER_UPDATES: '25' };

describe('notes on a server killed with SIGKILL', () => {
  it('keep every edit that any client had received back from the server', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    children.push(await spawnServer(dataDir, port, SERVER_ENV));

    const world = await buildWorld(url);
    const session = await buildSession(world);
    const docName = notesDocName(session.cases[0]?.id as string);
    const tokens = await Promise.all(
      ['SENCO A', 'SENCO B', 'SENCO C'].map((name) => joinAsPhone(url, session.joinCode as string, name)),
    );
    const writers = await Promise.all(tokens.map((token) => openNotes(url, docName, token)));
    clients.push(...writers);

    // Each client types a paragraph every few milliseconds; the server dies in the middle of it.
    let typing = true;
    const streams = writers.map(async (client, k) => {
      for (let i = 0; typing; i++) {
        client.write(`c${k}-${i}`);
        await sleep(8 + k * 3);
      }
    });
    await sleep(800);
    await kill(children.pop() as ChildProcess, 'SIGKILL');
    typing = false;
    await Promise.all(streams);

    // What each client holds from the others came through the server's relay: the server had it.
    const observed = new Set<string>();
    writers.forEach((client, k) => {
      for (const text of client.paragraphs()) if (!text.startsWith(`c${k}-`)) observed.add(text);
    });
    expect(observed.size).toBeGreaterThan(30);
    for (const client of clients.splice(0)) client.destroy();

    children.push(await spawnServer(dataDir, port, SERVER_ENV));
    const fresh = await openNotes(url, docName, tokens[0] as string);
    clients.push(fresh);
    const stored = new Set(fresh.paragraphs());
    const missing = [...observed].filter((text) => !stored.has(text));
    expect(missing).toEqual([]);
    // Each writer's own paragraphs are stored in the order they were typed.
    for (let k = 0; k < writers.length; k++) {
      const own = fresh.paragraphs().filter((text) => text.startsWith(`c${k}-`));
      expect(own).toEqual(own.map((_, i) => `c${k}-${i}`));
    }
  });
});
