// On both stores (TEST_STORE=postgres too): plan_services (migration 11), the directory services each case's plan
// links to, kept by each store's own triggers exactly in step with action_plans.rows.
import type { ActionRow } from '@consultboard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/database.js';
import type { Repos } from '../src/db/repos.js';
import { buildDirectoryEntry } from './helpers/directory.js';
import { createTestStore } from './helpers/store.js';
import { tempDataDir } from './helpers/testServer.js';
import { type ThemesArea, themesArea, themesSession } from './helpers/themesWorld.js';

const SCHOOL_YEAR = { from: '2026-09-01', to: '2027-08-31' };

const row = (id: string, serviceId: string | null): ActionRow => ({
  id,
  action: 'Refer to the service',
  who: 'SENCO',
  byWhen: '',
  successLooksLike: '',
  reviewDate: '',
  areaOfNeed: null,
  fromCardId: null,
  serviceId,
});

/** What plan_services holds for a case, sorted. */
const linksOf = (db: Db, caseId: string) =>
  (
    db.prepare('SELECT entry_id FROM plan_services WHERE case_id = ? ORDER BY entry_id').all(caseId) as {
      entry_id: string;
    }[]
  ).map((link) => link.entry_id);

/** Every case's links as its plan's rows say them, worked out here in JavaScript from the stored JSON. */
const expectedLinks = (repos: Repos) =>
  repos.actionPlans
    .all()
    .flatMap((plan) =>
      [...new Set(plan.rows.flatMap((r) => (typeof r.serviceId === 'string' ? [r.serviceId] : [])))].map(
        (entryId) => `${plan.case_id} ${entryId}`,
      ),
    )
    .sort();

const allLinks = (db: Db) =>
  (db.prepare('SELECT case_id, entry_id FROM plan_services').all() as { case_id: string; entry_id: string }[])
    .map((link) => `${link.case_id} ${link.entry_id}`)
    .sort();

describe('the directory services linked from each plan (plan_services)', () => {
  let repos: Repos;
  let north: ThemesArea;

  beforeAll(async () => {
    repos = (await createTestStore(tempDataDir())).repos;
    north = themesArea(repos, 'North');
    const service = (id: string, name: string) =>
      repos.directory.insert(id, north.localityId, buildDirectoryEntry({ name }), north.epId, 1);
    service('outreach', 'Behaviour outreach team');
    service('speech', 'Speech and language therapy');
    service('sensory', 'Sensory support service');
  });

  const used = () =>
    Object.fromEntries(
      repos.themes
        .directoryUsed({ localityIds: [north.localityId], ...SCHOOL_YEAR }, 10)
        .map((service) => [service.key, service.cases]),
    );

  it('follows every edit of a plan: a service added, changed, named twice, removed, and the plan emptied', () => {
    const { db } = repos;
    const [caseId, other] = themesSession(repos, north, '2026-10-19', [{}, {}]) as [string, string];
    expect(repos.actionPlans.create(caseId, [row('a', 'outreach'), row('b', null)], null, 1)).toBe(true);
    expect(repos.actionPlans.create(other, [row('z', 'speech')], null, 1)).toBe(true);
    expect(linksOf(db, caseId)).toEqual(['outreach']);
    expect(used()).toEqual({ outreach: 1, speech: 1 });

    // Added: a second row links a service.
    expect(repos.actionPlans.update(caseId, [row('a', 'outreach'), row('b', 'speech')], 1, 2)).toBe(true);
    expect(linksOf(db, caseId)).toEqual(['outreach', 'speech']);
    expect(used()).toEqual({ outreach: 1, speech: 2 });

    // Changed: the first row's service is another; two rows naming one service are one link.
    expect(repos.actionPlans.update(caseId, [row('a', 'sensory'), row('b', 'speech'), row('c', 'speech')], 2, 3)).toBe(
      true,
    );
    expect(linksOf(db, caseId)).toEqual(['sensory', 'speech']);
    expect(used()).toEqual({ sensory: 1, speech: 2 });

    // A stale edit (an old version) is refused and changes nothing.
    expect(repos.actionPlans.update(caseId, [row('a', 'outreach')], 2, 4)).toBe(false);
    expect(linksOf(db, caseId)).toEqual(['sensory', 'speech']);

    // Removed: the row that linked a service no longer does.
    expect(repos.actionPlans.update(caseId, [row('a', null), row('b', 'speech')], 3, 5)).toBe(true);
    expect(linksOf(db, caseId)).toEqual(['speech']);

    // Emptied: no rows, no links; the other case's plan is untouched throughout.
    expect(repos.actionPlans.update(caseId, [], 4, 6)).toBe(true);
    expect(linksOf(db, caseId)).toEqual([]);
    expect(linksOf(db, other)).toEqual(['speech']);
    expect(used()).toEqual({ speech: 1 });
    expect(allLinks(db)).toEqual(expectedLinks(repos));
  });

  it('counts only text service ids, as the rows name them, the same on both stores', () => {
    const { db } = repos;
    const [caseId] = themesSession(repos, north, '2026-11-02', [{}]) as [string];
    // Written as another writer might: a number, an object and a missing serviceId link nothing.
    db.prepare(
      'INSERT INTO action_plans (case_id, rows, version, session_id, updated_at) VALUES (?, ?, 1, NULL, 1)',
    ).run(
      caseId,
      JSON.stringify([
        { id: 'a', serviceId: 7 },
        { id: 'b', serviceId: { id: 'outreach' } },
        { id: 'c' },
        { id: 'd', serviceId: 'sensory' },
      ]),
    );
    expect(linksOf(db, caseId)).toEqual(['sensory']);
  });

  it('goes with its case when the case is deleted, whoever deletes it', () => {
    const { db } = repos;
    const [caseId] = themesSession(repos, north, '2026-11-09', [{}]) as [string];
    repos.actionPlans.create(caseId, [row('a', 'outreach'), row('b', 'sensory')], null, 1);
    expect(linksOf(db, caseId)).toEqual(['outreach', 'sensory']);
    repos.cases.remove(caseId);
    expect(linksOf(db, caseId)).toEqual([]);
    expect(allLinks(db)).toEqual(expectedLinks(repos));
  });

  it('keeps a link to a service not (or no longer) in the directory, and the themes leave it out', () => {
    const [caseId] = themesSession(repos, north, '2026-11-16', [{}]) as [string];
    repos.actionPlans.create(caseId, [row('a', 'gone')], null, 1);
    expect(linksOf(repos.db, caseId)).toEqual(['gone']);
    expect(Object.keys(used())).not.toContain('gone');
  });
});
