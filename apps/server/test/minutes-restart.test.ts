import type { ChildProcess } from 'node:child_process';
import { applyEvent, initialMeetingState } from '@consultboard/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { toEvent } from '../src/db/meetingEvents.js';
import { createRepos } from '../src/db/repos.js';
import { caseLeft } from '../src/meeting/meetingStore.js';
import { freePort, kill, spawnServer } from './helpers/serverProcess.js';
import { connect } from './helpers/sockets.js';
import { openTestStore } from './helpers/store.js';
import { tempDataDir } from './helpers/testServer.js';
import { buildSession, buildWorld } from './helpers/world.js';

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await kill(child);
});

describe('minutes and a server killed with SIGKILL', () => {
  it('leaves every minutes with its search entry, or neither, and minutes for every case the log left', async () => {
    const dataDir = tempDataDir();
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    children.push(await spawnServer(dataDir, port));
    const world = await buildWorld(url);
    const session = await buildSession(world, { cases: ['J5M', 'K2F', 'T3M'] });
    const facilitator = await connect(
      url,
      { sessionId: session.id, role: 'facilitator' },
      { cookie: world.north.ep.cookie },
    );

    // Back and forth between cases: every move writes (or rewrites) minutes; the server dies in the middle.
    let acked = 0;
    const moves = (async () => {
      for (let i = 0; i < 2000; i++) {
        try {
          const ack = await facilitator.send({ type: i % 2 === 0 ? 'case.next' : 'case.previous' }, 1000);
          if (ack.ok) acked += 1;
        } catch {
          return;
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 700));
    await kill(children.pop() as ChildProcess, 'SIGKILL');
    await moves;
    facilitator.close();
    expect(acked).toBeGreaterThan(5);

    const store = openTestStore(dataDir);
    const { db } = store;
    // The search entries' key and match are each store's own: FTS5's rowid and MATCH, or PostgreSQL's n and tsquery.
    const key = store.kind === 'sqlite' ? 'rowid' : 'n';
    const matching =
      store.kind === 'sqlite'
        ? 'minutes_search MATCH \'"transitions"\''
        : "document @@ phraseto_tsquery('english', 'transitions')";
    try {
      const orphans = db
        .prepare(
          `SELECT (SELECT COUNT(*) FROM minutes m WHERE NOT EXISTS (SELECT 1 FROM minutes_search f WHERE f.${key} = m.n)) AS without,
             (SELECT COUNT(*) FROM minutes_search f WHERE NOT EXISTS (SELECT 1 FROM minutes m WHERE m.n = f.${key})) AS stray`,
        )
        .get();
      expect(orphans).toEqual({ without: 0, stray: 0 });
      // Every case the stored log left has its minutes: they were committed with the event that left it.
      const repos = createRepos(db);
      let state = initialMeetingState;
      const left = new Set<string>();
      for (const row of repos.meetingEvents.stored(session.id)) {
        const after = applyEvent(state, toEvent(row));
        const caseId = caseLeft(state, after);
        if (caseId) left.add(caseId);
        state = after;
      }
      expect(left.size).toBe(2);
      const kept = db.prepare('SELECT case_id FROM minutes WHERE session_id = ?').all(session.id) as {
        case_id: string;
      }[];
      expect(new Set(kept.map((row) => row.case_id))).toEqual(left);
      expect(db.prepare(`SELECT COUNT(*) AS n FROM minutes_search WHERE ${matching}`).get()).toEqual({
        n: kept.length,
      });
    } finally {
      db.close();
    }
  }, 60_000);
});
