import type { AreaOfNeed, AuditEntryView, MinutesSearchResult, ReviewOutcome } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRepos } from '../src/db/repos.js';
import { purgeMinutes } from '../src/minutes/retention.js';
import type { Browser } from './helpers/http.js';
import { connect } from './helpers/sockets.js';
import { openTestStore } from './helpers/store.js';
import { startTestServer } from './helpers/testServer.js';
import { type Area, accept, buildCase, buildWorld, invite, type World } from './helpers/world.js';

/** Issue 12, items 2, 3 and 6: who reads which minutes, the search and its filters, retention and the audit log. */
let server: Awaited<ReturnType<typeof startTestServer>>;
let world: World;
/** A SENCO of a second school in the north locality: reads the locality's sessions, never that school's minutes. */
let neighbour: Browser;
const ids: Record<string, string> = {};

interface Planned {
  reference: string;
  type?: 'child' | 'group' | 'class';
  areas: AreaOfNeed[];
  situation: string;
  review?: { outcome: ReviewOutcome; note: string };
  plan?: string;
}

/** A session of an area on a date: the cases brought, run through in the meeting, ended, then planned and reviewed. */
async function heldSession(area: Area, date: string, cases: Planned[]) {
  const created = await area.ep.post('/api/sessions', { localityId: area.locality.id, date });
  const sessionId = created.json.session.id as string;
  const caseIds: string[] = [];
  for (const item of cases)
    caseIds.push(
      (
        await buildCase(area.senco, {
          reference: item.reference,
          type: item.type,
          preparation: { areasOfNeed: item.areas, currentSituation: item.situation },
          submitTo: sessionId,
        })
      ).id,
    );
  expect((await area.ep.put(`/api/sessions/${sessionId}/agenda`, { caseIds })).status).toBe(200);
  expect((await area.ep.post(`/api/sessions/${sessionId}/start`)).status).toBe(200);
  const console = await connect(server.url, { sessionId, role: 'facilitator' }, { cookie: area.ep.cookie });
  for (let i = 1; i < cases.length; i++) expect(await console.send({ type: 'case.next' })).toMatchObject({ ok: true });
  expect(await console.send({ type: 'session.end' })).toMatchObject({ ok: true });
  console.close();
  for (const [index, item] of cases.entries()) {
    const caseId = caseIds[index] as string;
    ids[item.reference] = caseId;
    if (!item.plan && !item.review) continue;
    const rows = item.plan
      ? [
          {
            id: 'r1',
            action: item.plan,
            who: 'Class teacher',
            byWhen: '',
            successLooksLike: '',
            reviewDate: '',
            areaOfNeed: null,
            fromCardId: null,
          },
        ]
      : [];
    expect((await area.senco.put(`/api/cases/${caseId}/plan`, { version: 0, rows })).status).toBe(200);
    if (item.review)
      expect(
        (
          await area.senco.put(`/api/cases/${caseId}/review`, {
            actions: [],
            outcome: item.review.outcome,
            note: item.review.note,
          })
        ).status,
      ).toBe(200);
  }
}

async function search(browser: Browser, query: string) {
  const answer = await browser.get(`/api/minutes/search?${query}`);
  return answer;
}
const references = (answer: { json: { results: MinutesSearchResult[] } }) =>
  answer.json.results.map((row) => row.reference).sort();

beforeAll(async () => {
  server = await startTestServer();
  world = await buildWorld(server.url);
  const school = await world.admin.post('/api/schools', {
    name: 'Northgate Academy',
    localityId: world.north.locality.id,
  });
  const invited = await invite(world.admin, {
    role: 'senco',
    name: 'SENCO Northgate',
    email: 'senco.northgate@eps.example',
    schoolId: school.json.school.id,
  });
  neighbour = await accept(server.url, invited.token);
  await heldSession(world.north, '2026-11-23', [
    {
      reference: 'J5M',
      areas: ['social-emotional-and-mental-health'],
      situation: 'Finds assembly noisy.',
      plan: 'Lanyard with a help card',
      review: { outcome: 'request-ep', note: 'The zebra routine helped a little.' },
    },
    {
      reference: 'Year 4 reading group',
      type: 'group',
      areas: ['cognition-and-learning'],
      situation: 'Reading fluency is slow.',
      review: { outcome: 'close', note: 'Fluency is secure now.' },
    },
  ]);
  await heldSession(world.north, '2025-03-10', [
    {
      reference: 'K2F',
      areas: ['communication-and-interaction', 'sensory-and-physical'],
      situation: 'Finds assembly hard to follow.',
    },
  ]);
  await heldSession(world.south, '2026-10-05', [
    { reference: 'T7M', areas: ['social-emotional-and-mental-health'], situation: 'Finds assembly noisy too.' },
  ]);
});
afterAll(async () => {
  await server.close();
});

describe('the locality file: who reads what', () => {
  it('lists each session with its minutes, newest first, to those who may read them', async () => {
    const epList = await world.north.ep.get('/api/minutes');
    expect(epList.json.sessions.map((session: { date: string }) => session.date)).toEqual(['2026-11-23', '2025-03-10']);
    expect(epList.json.sessions[0].cases.map((item: { reference: string }) => item.reference)).toEqual([
      'J5M',
      'Year 4 reading group',
    ]);
    const admin = await world.admin.get('/api/minutes');
    expect(admin.json.sessions.map((session: { date: string }) => session.date)).toEqual([
      '2026-11-23',
      '2026-10-05',
      '2025-03-10',
    ]);
    // Paged like every list.
    const first = await world.admin.get('/api/minutes?limit=2');
    expect(first.json.sessions).toHaveLength(2);
    const rest = await world.admin.get(`/api/minutes?limit=2&cursor=${first.json.next}`);
    expect(rest.json.sessions.map((session: { date: string }) => session.date)).toEqual(['2025-03-10']);
    expect(rest.json.next).toBeNull();
    // The neighbour school's SENCO: the locality's sessions, but none of another school's minutes.
    expect((await neighbour.get('/api/minutes')).json.sessions).toEqual([]);
    const south = await world.south.senco.get('/api/minutes');
    expect(south.json.sessions.map((session: { date: string }) => session.date)).toEqual(['2026-10-05']);
  });

  it('answers 404 to a SENCO of another school, even in the same locality, and audits every read', async () => {
    const listed = await world.north.senco.get('/api/minutes');
    const minutesId = listed.json.sessions[0].cases[0].id as string;
    expect((await world.north.senco.get(`/api/minutes/${minutesId}`)).status).toBe(200);
    for (const other of [neighbour, world.south.senco, world.south.ep]) {
      expect((await other.get(`/api/minutes/${minutesId}`)).status).toBe(404);
      expect((await other.get(`/api/minutes/${minutesId}/pdf`)).status).toBe(404);
      expect(references(await search(other, 'q=lanyard'))).toEqual([]);
    }
    expect((await world.north.ep.get(`/api/minutes/${minutesId}/pdf`)).status).toBe(200);
    const audit = await world.admin.get('/api/audit?limit=20');
    const reads = audit.json.entries.filter(
      (entry: { action: string; entityId: string }) =>
        entry.entityId === ids.J5M && ['viewed', 'exported'].includes(entry.action),
    );
    expect(reads.map((entry: { action: string; actorName: string }) => [entry.action, entry.actorName])).toEqual([
      ['exported', 'EP North'],
      ['viewed', 'SENCO North'],
    ]);
  });
});

describe('search', () => {
  it('finds words in the minutes, the plan and the review, with the words in context', async () => {
    const found = await search(world.north.ep, 'q=assembly');
    expect(references(found)).toEqual(['J5M', 'K2F']);
    const j5m = found.json.results.find((row: MinutesSearchResult) => row.reference === 'J5M');
    const snippet = j5m.snippet as { text: string; hit: boolean }[];
    expect(snippet.filter((part) => part.hit).map((part) => part.text.toLowerCase())).toContain('assembly');
    expect(snippet.map((part) => part.text).join('')).toContain('noisy');
    // By the words' stems: another form of a word finds it.
    expect(references(await search(world.north.ep, 'q=assemblies'))).toEqual(['J5M', 'K2F']);
    expect(references(await search(world.north.ep, 'q=lanyard'))).toEqual(['J5M']);
    expect(references(await search(world.north.ep, 'q=zebra'))).toEqual(['J5M']);
    expect(references(await search(world.north.ep, 'q=fluency+secure'))).toEqual(['Year 4 reading group']);
    expect(references(await search(world.admin, 'q=assembly'))).toEqual(['J5M', 'K2F', 'T7M']);
  });

  it('records in the audit log each case whose words a search showed, and nothing for filters alone', async () => {
    const newest = async (count: number) =>
      ((await world.admin.get(`/api/audit?limit=${count}`)).json.entries as AuditEntryView[]).map((entry) => [
        entry.action,
        entry.entity,
        entry.entityId,
        entry.actorName,
      ]);
    const found = await search(world.south.ep, 'q=assembly');
    expect(references(found)).toEqual(['T7M']);
    expect(await newest(1)).toEqual([['viewed', 'case', ids.T7M, 'EP South']]);
    // An entry for each case shown, by whoever searched.
    expect(references(await search(world.north.senco, 'q=lanyard'))).toEqual(['J5M']);
    expect(references(await search(world.north.ep, 'q=assembly'))).toEqual(['J5M', 'K2F']);
    const entries = await newest(3);
    expect(
      entries
        .slice(0, 2)
        .map((entry) => entry[2])
        .sort(),
    ).toEqual([ids.J5M, ids.K2F].sort());
    expect(entries.slice(0, 2).every((entry) => entry[0] === 'viewed' && entry[3] === 'EP North')).toBe(true);
    expect(entries[2]).toEqual(['viewed', 'case', ids.J5M, 'SENCO North']);
    // Filters alone show no words of the minutes; a search that finds nothing shows nothing.
    const before = await newest(1);
    expect(references(await search(world.north.ep, 'caseType=group'))).toEqual(['Year 4 reading group']);
    expect(references(await search(world.north.ep, 'q=xylophone'))).toEqual([]);
    expect(await newest(1)).toEqual(before);
  });

  it('filters by locality, dates, case type, area of need, review outcome and requested EP involvement', async () => {
    const ep = world.admin;
    expect(references(await search(ep, `localityId=${world.south.locality.id}`))).toEqual(['T7M']);
    expect(references(await search(ep, 'from=2026-01-01'))).toEqual(['J5M', 'T7M', 'Year 4 reading group']);
    expect(references(await search(ep, 'from=2025-01-01&to=2026-10-31'))).toEqual(['K2F', 'T7M']);
    expect(references(await search(ep, 'caseType=group'))).toEqual(['Year 4 reading group']);
    expect(references(await search(ep, 'area=sensory-and-physical'))).toEqual(['K2F']);
    expect(references(await search(ep, 'area=social-emotional-and-mental-health&q=assembly'))).toEqual(['J5M', 'T7M']);
    expect(references(await search(ep, 'outcome=close'))).toEqual(['Year 4 reading group']);
    expect(references(await search(ep, 'requestedEp=1'))).toEqual(['J5M']);
    expect((await search(ep, 'area=not-an-area')).status).toBe(400);
    expect((await search(ep, 'from=yesterday')).status).toBe(400);
  });

  it('reads hostile text as words, never as FTS5 syntax or SQL', async () => {
    const ep = world.north.ep;
    for (const hostile of [
      '"',
      '*',
      'NEAR(',
      'OR',
      'AND NOT',
      'assembly OR',
      'NEAR(assembly lanyard)',
      '" OR 1=1 --',
      "'; DROP TABLE minutes; --",
      'minutes:assembly',
      '^assembly',
      '(',
      '',
      '   ',
    ]) {
      const answer = await search(ep, `q=${encodeURIComponent(hostile)}`);
      expect(answer.status, hostile).toBe(200);
    }
    // Words inside the syntax are still words: "NEAR(assembly lanyard)" finds what has both.
    expect(references(await search(ep, `q=${encodeURIComponent('NEAR(assembly lanyard)')}`))).toEqual([]);
    expect(references(await search(ep, `q=${encodeURIComponent('assembly lanyard')}`))).toEqual(['J5M']);
    expect(references(await search(ep, `q=${encodeURIComponent('*')}`))).toEqual([]);
    expect(references(await search(ep, 'q='))).toEqual(['J5M', 'K2F', 'Year 4 reading group']);
    const long = await search(ep, `q=${'assembly '.repeat(1200)}`);
    expect(long.status).toBe(400);
    expect(long.json.error.fields.q).toBe('Keep the search to 200 characters.');
    const db = openTestStore(server.dataDir).db;
    try {
      expect((db.prepare('SELECT COUNT(*) AS n FROM minutes').get() as { n: number }).n).toBe(4);
    } finally {
      db.close();
    }
  });
});

describe('retention', () => {
  it('is set by the admin only, and the purge deletes older minutes with their search entries, audited, leaving the bank anonymous counts', async () => {
    expect((await world.admin.get('/api/retention')).json.retention).toEqual({ years: 7, updatedAt: null });
    expect((await world.north.ep.put('/api/retention', { years: 1 })).status).toBe(403);
    expect((await world.admin.put('/api/retention', { years: 0 })).status).toBe(400);
    expect((await world.admin.put('/api/retention', { years: 1.5 })).status).toBe(400);
    const set = await world.admin.put('/api/retention', { years: 1 });
    expect(set.status).toBe(200);
    expect(set.json.retention.years).toBe(1);

    const db = openTestStore(server.dataDir).db;
    try {
      const repos = createRepos(db);
      const count = () =>
        db
          .prepare('SELECT (SELECT COUNT(*) FROM minutes) AS minutes, (SELECT COUNT(*) FROM minutes_search) AS entries')
          .get();
      expect(count()).toEqual({ minutes: 4, entries: 4 });
      // K2F's helpful strategy is in the strategy bank, linked to its case until the minutes go.
      const k2f = db.prepare("SELECT session_id, case_id, locality_id FROM minutes WHERE reference = 'K2F'").get() as {
        session_id: string;
        case_id: string;
        locality_id: string;
      };
      repos.bank.replaceUses(
        {
          sessionId: k2f.session_id,
          caseId: k2f.case_id,
          localityId: k2f.locality_id,
          caseType: 'child',
          areasOfNeed: ['sensory-and-physical'],
          halfTerm: 20244,
        },
        [
          {
            newEntryId: 'entry-k2f',
            kind: 'strategy',
            text: 'Ear defenders',
            norm: 'ear defenders',
            cardId: 'card-k2f',
          },
        ],
        1,
      );
      const uses = () => db.prepare('SELECT session_id, case_id, card_id, case_type FROM bank_uses').all();
      expect(uses()).toEqual([
        { session_id: k2f.session_id, case_id: k2f.case_id, card_id: 'card-k2f', case_type: 'child' },
      ]);
      // On 1 December 2026 with one year: minutes from before 1 December 2025 go (K2F, 10 March 2025).
      expect(purgeMinutes(repos, Date.parse('2026-12-01T12:00:00Z'))).toEqual({ keptFrom: '2025-12-01', purged: 1 });
      expect(count()).toEqual({ minutes: 3, entries: 3 });
      expect(references(await search(world.admin, 'q=follow'))).toEqual([]);
      // The bank keeps the use, as an anonymous count.
      expect(uses()).toEqual([{ session_id: null, case_id: null, card_id: null, case_type: 'child' }]);
      // Nothing more to purge: nothing more recorded.
      expect(purgeMinutes(repos, Date.parse('2026-12-02T12:00:00Z')).purged).toBe(0);
      const purges = db.prepare("SELECT entity, detail FROM audit_log WHERE action = 'purged'").all();
      expect(purges).toEqual([{ entity: 'minutes', detail: JSON.stringify({ before: '2025-12-01', minutes: 1 }) }]);
      expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE entity = 'retention'").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});
