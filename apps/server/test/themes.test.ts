import { halfTermOf, type ThemesView } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Repos } from '../src/db/repos.js';
import type { ThemesScope } from '../src/db/themes.js';
import { themeTables } from '../src/themes/themesView.js';
import { buildDirectoryEntry } from './helpers/directory.js';
import { createTestStore } from './helpers/store.js';
import { startTestServer, tempDataDir } from './helpers/testServer.js';
import { type ThemesArea, themesArea, themesSession } from './helpers/themesWorld.js';
import { buildSession, buildWorld, type World } from './helpers/world.js';

const at = (date: string) => Date.parse(`${date}T12:00:00Z`);
const SCHOOL_YEAR = { from: '2026-09-01', to: '2027-08-31' };

describe('themes against a hand-built world', () => {
  let repos: Repos;
  let north: ThemesArea;
  let south: ThemesArea;
  let scope: ThemesScope;
  let takenUp: string;

  beforeAll(async () => {
    repos = (await createTestStore(tempDataDir())).repos;
    north = themesArea(repos, 'North');
    south = themesArea(repos, 'South');
    themesSession(repos, north, '2026-10-05', [
      {
        areas: ['communication-and-interaction'],
        reviews: [
          { outcome: 'continue', at: at('2026-10-20') },
          { outcome: 'request-ep', at: at('2026-11-01') },
        ],
      },
      {
        areas: ['communication-and-interaction', 'social-emotional-and-mental-health'],
        reviews: [{ outcome: 'close', at: at('2026-12-01') }],
      },
      { areas: [], reviews: [{ outcome: 'bring-back', at: at('2026-10-25') }] },
      { type: 'group', areas: ['cognition-and-learning'], reviews: [{ outcome: 'request-ep', at: at('2026-11-25') }] },
    ]);
    [takenUp] = themesSession(repos, north, '2026-11-23', [
      { type: 'class', areas: ['sensory-and-physical'], reviews: [{ outcome: 'request-ep', at: at('2026-11-24') }] },
      { areas: ['social-emotional-and-mental-health'] },
    ]) as [string];
    // Not started: not consulted on, not counted.
    themesSession(repos, north, '2026-12-10', [{ areas: ['communication-and-interaction'] }], { started: false });
    // Outside the school year asked for.
    themesSession(repos, north, '2026-07-10', [{ areas: ['communication-and-interaction'] }]);
    themesSession(repos, south, '2026-10-06', [
      { areas: ['communication-and-interaction'], reviews: [{ outcome: 'request-ep', at: at('2026-10-07') }] },
      { areas: ['communication-and-interaction'] },
    ]);
    scope = { localityIds: [north.localityId], ...SCHOOL_YEAR };
  });

  const table = (id: string, inScope = scope, now = at('2026-12-01')) => {
    const found = themeTables(repos, inScope, now).find((theme) => theme.id === id);
    if (!found) throw new Error(`no theme ${id}`);
    return Object.fromEntries(found.rows.map((row) => [row.label, row.values]));
  };

  it('counts each consulted case under each of its areas of need, by half term, and "Not recorded" for none', () => {
    // Columns: communication, cognition, SEMH, sensory, not recorded.

    expect(table('cases-by-area')).toEqual({
      'Autumn 1 2026-27': [2, 1, 1, 0, 1],
      'Autumn 2 2026-27': [0, 0, 1, 1, 0],
    });
  });

  it('counts cases by type, by half term', () => {
    // Columns: child, group, class, school, locality.
    expect(table('cases-by-type')).toEqual({
      'Autumn 1 2026-27': [3, 1, 0, 0, 0],
      'Autumn 2 2026-27': [1, 0, 1, 0, 0],
    });
  });

  it("counts each case's latest review by outcome, in the half term it was recorded", () => {
    // Columns: continue, close, bring back, request EP.
    expect(table('review-outcomes')).toEqual({
      'Autumn 1 2026-27': [0, 0, 1, 0],
      'Autumn 2 2026-27': [0, 1, 0, 3],
    });
  });

  it('bands the requests for EP involvement still waiting by how long they have waited', () => {
    const now = at('2026-12-01');
    expect(table('requests-waiting', scope, now)).toEqual({
      'Under 2 weeks': [2],
      '2 to 4 weeks': [0],
      '4 to 8 weeks': [1],
      '8 weeks or more': [0],
    });
    const waiting = themeTables(repos, scope, now).find((theme) => theme.id === 'requests-waiting');
    expect(waiting?.summary).toBe('3 waiting; the median wait is 7 days, the longest 30 days.');
    expect(table('requests-waiting', scope, at('2027-02-01'))['8 weeks or more']).toEqual([3]);
  });

  it('stops counting a request as waiting once its case is on the agenda of a session started after it', () => {
    const later = themesSession(repos, north, '2027-01-11', [{ areas: ['cognition-and-learning'] }], {
      started: false,
    });
    repos.consultSessions.removeCase(
      later[0] as string,
      repos.consultSessions.agendaSessionOf(later[0] as string) ?? '',
    );
    const sessionId = repos.consultSessions.agendaSessionOf(takenUp) as string;
    repos.consultSessions.removeCase(takenUp, sessionId);
    const next = themesSession(repos, north, '2027-01-12', []);
    expect(next).toEqual([]);
    const nextSession = repos.db.prepare('SELECT id FROM consult_sessions WHERE date = ?').get('2027-01-12') as {
      id: string;
    };
    repos.consultSessions.setAgenda(nextSession.id, [{ id: takenUp, reference: 'Topic 1', kind: 'topic' }]);
    const waiting = themeTables(repos, scope, at('2027-01-13')).find((theme) => theme.id === 'requests-waiting');
    expect(waiting?.summary).toBe('2 waiting; the median wait is 49 days, the longest 73 days.');
    // The case now counts in the half term it was last consulted on.
    expect(table('cases-by-type')['Spring 1 2026-27']).toEqual([0, 0, 1, 0, 0]);
  });

  it('keeps to the localities and the range of the scope', () => {
    const all = { localityIds: null, ...SCHOOL_YEAR };
    expect(table('cases-by-area', all)['Autumn 1 2026-27']).toEqual([4, 1, 1, 0, 1]);
    expect(table('cases-by-area', { localityIds: [south.localityId], ...SCHOOL_YEAR })).toEqual({
      'Autumn 1 2026-27': [2, 0, 0, 0, 0],
    });
    expect(table('cases-by-area', { localityIds: [north.localityId], from: '2026-07-01', to: '2026-07-31' })).toEqual({
      'Summer 2 2025-26': [1, 0, 0, 0, 0],
    });
    expect(table('cases-by-area', { localityIds: [], ...SCHOOL_YEAR })).toEqual({});
  });

  it('lists the strategies chosen most often in the strategy bank, with their outcomes at review, in scope', () => {
    const use = (area: ThemesArea, caseId: string, halfTerm: number, text: string, impacts: string[]) => {
      const sessionId = repos.db.prepare('SELECT submitted_session_id AS id FROM cases WHERE id = ?').get(caseId) as {
        id: string;
      };
      repos.bank.replaceUses(
        { sessionId: sessionId.id, caseId, localityId: area.localityId, caseType: 'child', areasOfNeed: [], halfTerm },
        [
          {
            newEntryId: `${text}-${area.localityId}`,
            kind: 'strategy',
            text,
            norm: text.toLowerCase(),
            cardId: `card-${caseId}`,
          },
        ],
        1,
      );
      const useId = (repos.db.prepare('SELECT MAX(id) AS id FROM bank_uses').get() as { id: number }).id;
      const outcome = repos.db.prepare('INSERT INTO bank_outcomes (use_id, row_id, impact) VALUES (?, ?, ?)');
      for (const [index, impact] of impacts.entries()) outcome.run(useId, `row-${useId}-${index}`, impact);
    };
    const [one, two, three] = themesSession(repos, north, '2026-10-12', [{}, {}, {}]) as [string, string, string];
    const [old] = themesSession(repos, north, '2026-03-02', [{}]) as [string];
    const [there] = themesSession(repos, south, '2026-10-13', [{}]) as [string];
    use(north, one, 20261, 'Visual timetable', ['achieved']);
    use(north, two, 20261, 'Visual timetable', ['partly']);
    use(north, three, 20262, 'Ear defenders at lunch', ['not-yet']);
    use(north, old, 20254, 'A strategy from before the range', []);
    use(south, there, 20261, 'Visual timetable', ['achieved', 'achieved']);
    // Columns: chosen, achieved, partly achieved, not yet.
    expect(table('helpful-strategies')).toEqual({
      'Visual timetable': [2, 1, 1, 0],
      'Ear defenders at lunch': [1, 0, 0, 1],
    });
    expect(table('helpful-strategies', { localityIds: null, ...SCHOOL_YEAR })).toEqual({
      'Visual timetable': [3, 3, 1, 0],
      'Ear defenders at lunch': [1, 0, 0, 1],
    });
  });

  it('lists the directory services the plans of consulted cases link to most, by cases', () => {
    const service = (id: string, localityId: string | null, name: string) =>
      repos.directory.insert(id, localityId, buildDirectoryEntry({ name }), north.epId, 1);
    service('outreach', north.localityId, 'Behaviour outreach team');
    service('speech', null, 'Speech and language therapy');
    const row = (id: string, serviceId: string | null) => ({
      id,
      action: 'Refer',
      who: 'SENCO',
      byWhen: '',
      successLooksLike: '',
      reviewDate: '',
      areaOfNeed: null,
      fromCardId: null,
      serviceId,
    });
    const [one, two] = themesSession(repos, north, '2026-10-19', [{}, {}]) as [string, string];
    const [before] = themesSession(repos, north, '2026-06-01', [{}]) as [string];
    repos.actionPlans.create(one, [row('a', 'outreach'), row('b', 'speech'), row('c', 'outreach')], null, 1);
    repos.actionPlans.create(two, [row('d', 'outreach'), row('e', null)], null, 1);
    repos.actionPlans.create(before, [row('f', 'speech')], null, 1);
    expect(table('directory-used')).toEqual({
      'Behaviour outreach team': [2],
      'Speech and language therapy': [1],
    });
    expect(table('directory-used', { localityIds: [south.localityId], ...SCHOOL_YEAR })).toEqual({});
  });

  it('groups by exactly the half terms of the domain, each side of every boundary', () => {
    const area = themesArea(repos, 'Months');
    // Each side of every boundary between half terms.
    const dates = [
      '01-01',
      '02-21',
      '02-22',
      '04-14',
      '04-15',
      '05-31',
      '06-01',
      '08-31',
      '09-01',
      '10-31',
      '11-01',
      '12-31',
    ].map((day) => `2027-${day}`);
    for (const date of dates) themesSession(repos, area, date, [{ areas: ['cognition-and-learning'] }]);
    const counts = repos.themes.casesByArea({ localityIds: [area.localityId], from: '2027-01-01', to: '2027-12-31' });
    const expected = new Map<number, number>();
    for (const date of dates) {
      const halfTerm = halfTermOf(date) as number;
      expected.set(halfTerm, (expected.get(halfTerm) ?? 0) + 1);
    }
    expect(new Map(counts.map((count) => [count.halfTerm, count.count]))).toEqual(expected);
  });
});

describe('themes over HTTP', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let world: World;

  beforeAll(async () => {
    server = await startTestServer();
    world = await buildWorld(server.url);
    // Two cases with social, emotional and mental health needs, consulted on in a started session.
    await buildSession(world, { date: '2026-11-23' });
  });
  afterAll(() => server.close());

  it("shows the EP their locality's consulted cases under their area of need, and offers only their localities", async () => {
    const answer = await world.north.ep.get('/api/themes?from=2026-09-01&to=2027-08-31');
    expect(answer.status).toBe(200);
    const view = answer.json as ThemesView;
    expect(view.localities.map((locality) => locality.id)).toEqual([world.north.locality.id]);
    const byArea = view.themes.find((theme) => theme.id === 'cases-by-area');
    expect(byArea?.rows).toEqual([{ key: '20262', label: 'Autumn 2 2026-27', values: [0, 0, 2, 0, 0] }]);
    const south = await world.south.ep.get('/api/themes?from=2026-09-01&to=2027-08-31');
    expect((south.json as ThemesView).themes.find((theme) => theme.id === 'cases-by-area')?.rows).toEqual([]);
  });

  it('lets the admin choose any locality, and refuses an EP a locality of another', async () => {
    const admin = await world.admin.get(`/api/themes?localityId=${world.north.locality.id}`);
    expect(admin.status).toBe(200);
    expect((admin.json as ThemesView).localities.length).toBeGreaterThanOrEqual(2);
    expect((await world.south.ep.get(`/api/themes?localityId=${world.north.locality.id}`)).status).toBe(403);
    expect((await world.admin.get('/api/themes?localityId=no-such-locality')).status).toBe(404);
    expect((await world.north.senco.get('/api/themes')).status).toBe(403);
  });

  it('refuses a bad query with the field named, and changes nothing', async () => {
    for (const query of ['from=2027-01-01&to=2026-01-01', 'from=yesterday', 'theme=everything', 'limit=5']) {
      const answer = await world.north.ep.get(`/api/themes?${query}`);
      expect(answer.status, query).toBe(400);
    }
    expect((await world.north.ep.get('/api/themes/csv')).status).toBe(400);
  });

  it('downloads a theme as CSV, its table exactly', async () => {
    const answer = await world.north.ep.get('/api/themes/csv?theme=cases-by-area&from=2026-09-01&to=2027-08-31');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="themes-cases-by-area-2026-09-01-to-2027-08-31.csv"',
    );
    expect(answer.bytes.toString('utf8')).toBe(
      'Half term,Communication and interaction,Cognition and learning,"Social, emotional and mental health",Sensory and/or physical,Not recorded\r\n' +
        'Autumn 2 2026-27,0,0,2,0,0\r\n',
    );
  });
});
