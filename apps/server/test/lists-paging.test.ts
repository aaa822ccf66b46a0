import { type CaseView, PAGE_SIZE, type SessionView } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, listAll } from './helpers/http.js';
import { startTestServer } from './helpers/testServer.js';
import { buildWorld, type World } from './helpers/world.js';

/**
 * Every list is filtered by the caller's reach in SQL and then paged by a cursor (`?cursor=` from the answer's
 * `next`): more rows than a page lose nothing, and another school's or locality's rows never appear, however
 * many of them there are.
 */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
});
afterAll(async () => {
  await server.close();
});

const ids = (items: { id: string }[] | null) => (items ?? []).map((item) => item.id);
const day = (n: number) => new Date(Date.UTC(2027, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

async function schedule(ep: Browser, localityId: string, date: string): Promise<SessionView> {
  const created = await ep.post('/api/sessions', { localityId, date });
  if (created.status !== 201) throw new Error(`session failed: ${JSON.stringify(created.json)}`);
  return created.json.session;
}

async function openCase(senco: Browser, reference: string, submitTo?: string): Promise<CaseView> {
  const created = await senco.post('/api/cases', { type: 'group', reference });
  if (created.status !== 201) throw new Error(`case failed: ${JSON.stringify(created.json)}`);
  if (!submitTo) return created.json.case;
  const submitted = await senco.post(`/api/cases/${created.json.case.id}/submit`, { sessionId: submitTo });
  if (submitted.status !== 200) throw new Error(`submit failed: ${JSON.stringify(submitted.json)}`);
  return submitted.json.case;
}

/** The list's order: newest first, and cases made in the same millisecond by id, as the query breaks the tie. */
const newestFirst = (cases: CaseView[]) =>
  [...cases].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));

describe('paged lists, filtered in SQL', () => {
  it("shows a locality's sessions under 520 newer ones of another locality (a global LIMIT 500 hid them)", async () => {
    const { north, south } = world;
    const ours = [];
    for (let n = 0; n < 3; n++) ours.push(await schedule(north.ep, north.locality.id, `2026-0${n + 1}-15`));
    const theirs = [];
    for (let n = 0; n < 520; n++) theirs.push(await schedule(south.ep, south.locality.id, day(n % 300)));

    const northSees = await listAll<SessionView>(north.ep, '/api/sessions', 'sessions');
    expect(ids(northSees).sort()).toEqual(ids(ours).sort());
    expect(ids(await listAll(north.senco, '/api/sessions', 'sessions')).sort()).toEqual(ids(ours).sort());

    const southSees = await listAll<SessionView>(south.ep, '/api/sessions', 'sessions');
    expect(ids(southSees).sort()).toEqual(ids(theirs).sort());
    // Latest date first, page after page, with no row twice.
    const dates = (southSees ?? []).map((session) => session.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(ids(southSees)).size).toBe(520);
    expect(ids(await listAll(world.admin, '/api/sessions', 'sessions')).sort()).toEqual(
      ids([...ours, ...theirs]).sort(),
    );

    const first = await south.ep.get('/api/sessions');
    expect(first.json.sessions).toHaveLength(PAGE_SIZE.default);
    expect(first.json.next).toEqual(expect.any(String));
  });

  it("pages a school's cases: the SENCO sees all of theirs, the EP the submitted ones, nobody another school's", async () => {
    const { north, south } = world;
    const session = await schedule(north.ep, north.locality.id, '2026-06-01');
    const ours: CaseView[] = [];
    for (let n = 0; n < 61; n++)
      ours.push(await openCase(north.senco, `Year 4 group ${n}`, n % 3 === 0 ? session.id : undefined));
    const southSession = await schedule(south.ep, south.locality.id, '2026-06-02');
    const theirs = [
      await openCase(south.senco, 'Year 6 group A', southSession.id),
      await openCase(south.senco, 'Year 6 group B'),
    ];

    const first = await north.senco.get('/api/cases');
    expect(first.json.cases).toHaveLength(PAGE_SIZE.default);
    expect(first.json.next).toEqual(expect.any(String));
    for (const limit of [undefined, 7, PAGE_SIZE.max]) {
      const path = limit ? `/api/cases?limit=${limit}` : '/api/cases';
      const sencoSees = await listAll<CaseView>(north.senco, path, 'cases');
      expect(ids(sencoSees)).toEqual(ids(newestFirst(ours)));
      const epSees = await listAll<CaseView>(north.ep, path, 'cases');
      expect(ids(epSees).sort()).toEqual(ids(ours.filter((item) => item.submittedSessionId === session.id)).sort());
    }
    expect(ids(await listAll(south.senco, '/api/cases', 'cases')).sort()).toEqual(ids(theirs).sort());
    expect(ids(await listAll(south.ep, '/api/cases', 'cases'))).toEqual([theirs[0]?.id]);
  });

  it('keeps its place when rows arrive between pages: nothing twice, nothing skipped', async () => {
    const { north } = world;
    const before = await listAll<CaseView>(north.senco, '/api/cases', 'cases');
    const page = await north.senco.get('/api/cases?limit=10');
    await openCase(north.senco, 'Year 2 group late');
    const rest = await listAll<CaseView>(north.senco, '/api/cases?limit=10', 'cases', page.json.next);
    expect([...ids(page.json.cases), ...ids(rest)]).toEqual(ids(before));
  });

  it('pages localities, schools, people and the audit log, each to whom it reaches', async () => {
    const { admin, north } = world;
    for (let n = 0; n < 55; n++) {
      const locality = await admin.post('/api/localities', { name: `Locality ${String(n).padStart(2, '0')}` });
      await admin.post('/api/schools', { name: `School ${n}`, localityId: locality.json.locality.id });
    }
    const localities = await listAll<{ id: string; name: string }>(admin, '/api/localities', 'localities');
    expect(localities).toHaveLength(57);
    expect(new Set(ids(localities)).size).toBe(57);
    expect(ids(await listAll(admin, '/api/schools', 'schools'))).toHaveLength(57);
    expect(ids(await listAll(north.ep, '/api/localities', 'localities'))).toEqual([north.locality.id]);
    expect(ids(await listAll(north.ep, '/api/schools', 'schools'))).toEqual([north.school.id]);
    expect(ids(await listAll(north.senco, '/api/schools', 'schools'))).toEqual([north.school.id]);
    expect(ids(await listAll(north.senco, '/api/localities', 'localities'))).toEqual([north.locality.id]);

    const people = await listAll<{ id: string; name: string }>(admin, '/api/people?limit=2', 'people');
    expect(people?.map((person) => person.name)).toEqual([
      'EP Lead',
      'EP North',
      'EP South',
      'SENCO North',
      'SENCO South',
    ]);

    const audit = await listAll<{ id: number }>(admin, '/api/audit?limit=200', 'entries');
    const auditIds = (audit ?? []).map((entry) => entry.id);
    expect(auditIds.length).toBeGreaterThan(PAGE_SIZE.max);
    expect(auditIds).toEqual([...auditIds].sort((a, b) => b - a));
    expect(new Set(auditIds).size).toBe(auditIds.length);
  });

  it('refuses a cursor this list did not give, and a page size out of range, with a clear error', async () => {
    const { north, admin } = world;
    const sessionsCursor = (await north.ep.get('/api/sessions?limit=1')).json.next as string;
    expect(sessionsCursor).toEqual(expect.any(String));
    for (const cursor of ['not-a-cursor', sessionsCursor, Buffer.from('[1,2,3]').toString('base64url')]) {
      const refused = await north.senco.get(`/api/cases?cursor=${encodeURIComponent(cursor)}`);
      expect(refused.status).toBe(400);
      expect(refused.json.error).toMatchObject({ code: 'invalid_cursor', fields: { cursor: expect.any(String) } });
    }
    for (const limit of [0, PAGE_SIZE.max + 1, 'many'])
      expect((await admin.get(`/api/audit?limit=${limit}`)).status).toBe(400);
    expect((await admin.get('/api/people?page=2')).status).toBe(400);
  });
});
