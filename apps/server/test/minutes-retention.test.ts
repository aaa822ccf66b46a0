import type { MinutesBody } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepos } from '../src/db/repos.js';
import { startMinutesPurge } from '../src/minutes/retention.js';
import { waitFor } from './helpers/notes.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

/** Issue 12, item 6: the purge runs by itself, when the server starts and then every day (here every 100 ms). */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
});
afterAll(async () => {
  await server.close();
});

const body = (reference: string, sessionDate: string): MinutesBody => ({
  reference,
  caseType: 'child',
  areasOfNeed: [],
  sessionDate,
  localityName: 'North East locality',
  schoolName: 'Northfield Primary',
  facilitatorName: 'EP North',
  preparation: { currentSituation: '', triedSoFar: '', desiredSituation: '', aim: '' },
  stages: [],
  plan: [],
});

describe('the daily purge of minutes past their retention', () => {
  it('runs at once, then again on its timer, deleting only what is older than the retention, and stops', async () => {
    const session = await buildSession(world, { cases: ['A1M', 'B2F', 'C3X'], start: false });
    const [old, later, recent] = session.cases.map((item) => item.id) as [string, string, string];
    const { db } = openTestStore(server.dataDir);
    const stops: (() => void)[] = [];
    try {
      const repos = createRepos(db);
      const write = (caseId: string, reference: string, date: string) =>
        repos.minutes.write({
          sessionId: session.id,
          caseId,
          schoolId: world.north.school.id,
          localityId: world.north.locality.id,
          body: body(reference, date),
          text: `Case ${reference}`,
          now: Date.now(),
        });
      const kept = () =>
        (db.prepare('SELECT reference FROM minutes ORDER BY reference').all() as { reference: string }[]).map(
          (row) => row.reference,
        );
      const purges = () =>
        (db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'purged'").get() as { n: number }).n;
      // Older than the default 7 years, and yesterday's: only the first goes.
      write(old, 'A1M', '2010-01-04');
      write(recent, 'C3X', new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
      const purgedBefore = purges();

      stops.push(startMinutesPurge(repos, 100));
      // At start: at once, before the first interval.
      expect(kept()).toEqual(['C3X']);
      expect(purges()).toBe(purgedBefore + 1);
      expect(db.prepare('SELECT COUNT(*) AS n FROM minutes_search').get()).toEqual({ n: 1 });

      // Minutes past their time written afterwards go at the next run, without anyone asking.
      write(later, 'B2F', '2011-06-06');
      expect(kept()).toEqual(['B2F', 'C3X']);
      await waitFor(() => kept().length === 1);
      expect(kept()).toEqual(['C3X']);
      expect(purges()).toBe(purgedBefore + 2);

      // Stopped: it deletes nothing more.
      stops.pop()?.();
      write(later, 'B2F', '2011-06-06');
      await new Promise((resolve) => setTimeout(resolve, 350));
      expect(kept()).toEqual(['B2F', 'C3X']);
    } finally {
      for (const stop of stops) stop();
      db.close();
    }
  });
});
