import type { ChildProcess } from 'node:child_process';
import type { CommandAck } from '@consultboard/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { joinAsPhone } from './helpers/http.js';
import { freePort, kill, spawnServer } from './helpers/serverProcess.js';
import { connect } from './helpers/sockets.js';
import { tempDataDir } from './helpers/testServer.js';
import { buildSession, buildWorld } from './helpers/world.js';

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await kill(child);
});

describe('a server killed with SIGKILL', () => {
  it('keeps every acknowledged event, and the open screens carry on after the restart', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    children.push(await spawnServer(dataDir, port));

    const world = await buildWorld(url);
    const ep = world.north.ep;
    const session = await buildSession(world);
    const facilitator = await connect(
      url,
      { sessionId: session.id, role: 'facilitator' },
      { cookie: ep.cookie, reconnection: true },
    );
    const token = await joinAsPhone(url, session.joinCode as string, 'SENCO A');
    const phone = await connect(url, { token }, { reconnection: true });
    for (let i = 0; i < 4; i++) await facilitator.send({ type: 'stage.next' });
    const caseId = facilitator.state.cases[0]?.id as string;

    // A stream of cards from the phone; the server dies in the middle of it.
    const acked: number[] = [];
    const stream = (async () => {
      for (let i = 0; i < 400; i++) {
        let ack: CommandAck;
        try {
          ack = await phone.send(
            { type: 'card.add', caseId, stageId: 'strategies-and-resources', kind: 'strategy', text: `Strategy ${i}` },
            1000,
          );
        } catch {
          return;
        }
        if (ack.ok) acked.push(ack.seq);
        // Stay under the per-socket rate limit while the stream runs.
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await kill(children.pop() as ChildProcess, 'SIGKILL');
    await stream;
    expect(acked.length).toBeGreaterThan(3);

    children.push(await spawnServer(dataDir, port));
    const fresh = await connect(url, { sessionId: session.id, role: 'projector' }, { cookie: ep.cookie });
    const seqs = new Set(fresh.welcomes[0]?.events.map((event) => event.seq));
    for (const seq of acked) expect(seqs.has(seq)).toBe(true);
    expect(fresh.state.cards.length).toBeGreaterThanOrEqual(acked.length);

    // The screens that were open reconnect by themselves, catch up, and go on working.
    await phone.until((state) => state.seq === fresh.state.seq, 15_000);
    await facilitator.until((state) => state.seq === fresh.state.seq, 15_000);
    expect(phone.state).toEqual(fresh.state);
    const next = await facilitator.send({ type: 'stage.next' });
    expect(next.ok).toBe(true);
    await phone.until((state) => state.stageIndex === 5);
    for (const client of [facilitator, phone, fresh]) client.close();
  });
});
