import fs from 'node:fs';
import { type ActionRow, ftsQuery, type MinutesBody, type Reach, type ReviewRequest } from '@consultboard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../src/db/database.js';
import { HIT_END, HIT_START } from '../src/db/minutes.js';
import { openPostgres } from '../src/db/postgres/database.js';
import { SyncPostgres } from '../src/db/postgres/syncPostgres.js';
import { createRepos, type Repos } from '../src/db/repos.js';
import { createTestDatabase } from './helpers/postgres.js';
import { tempDataDir } from './helpers/testServer.js';

/**
 * The records' repositories (minutes and their search, the strategy bank, themes, the evidence pack, the directory,
 * cases) on both stores side by side: the same rows written through the same calls must read back the same, in the
 * same order and of the same types. Whatever TEST_STORE says, this file runs both (PostgreSQL must be reachable).
 */

const NOW = Date.parse('2027-01-20T12:00:00Z');
const EVERYWHERE: Reach = { all: true, localityIds: [], schoolIds: [] };
const NORTH_ONLY: Reach = { all: false, localityIds: ['loc-n'], schoolIds: [] };
const FIRST_PAGE = { limit: 10, after: null };

/** The people, places, sessions and cases every scenario starts from, as plain rows both stores take. */
function seed(db: Db): void {
  const run = (sql: string, ...values: unknown[]) => db.prepare(sql).run(...values);
  run("INSERT INTO localities (id, name, created_at) VALUES ('loc-n', 'North', 1), ('loc-s', 'South', 1)");
  run(
    `INSERT INTO schools (id, name, locality_id, created_at)
     VALUES ('sch-a', 'School A', 'loc-n', 1), ('sch-b', 'School B', 'loc-s', 1)`,
  );
  run(
    `INSERT INTO users (id, name, email, password_hash, role, created_at, school_id) VALUES
       ('u-ep', 'EP North', 'ep.north@example.test', 'x', 'ep', 1, NULL),
       ('u-senco', 'SENCO A', 'senco.a@example.test', 'x', 'senco', 1, 'sch-a')`,
  );
  const session = db.prepare(
    `INSERT INTO consult_sessions (id, date, status, facilitator_id, created_at, started_at, ended_at, locality_id)
     VALUES (?, ?, 'ended', 'u-ep', ?, ?, ?, ?)`,
  );
  session.run(
    'ses-nov',
    '2026-11-16',
    10,
    Date.parse('2026-11-16T09:00:00Z'),
    Date.parse('2026-11-16T11:00:00Z'),
    'loc-n',
  );
  session.run(
    'ses-oct',
    '2026-10-12',
    11,
    Date.parse('2026-10-12T09:00:00Z'),
    Date.parse('2026-10-12T11:00:00Z'),
    'loc-n',
  );
  session.run('ses-south', '2026-11-17', 12, Date.parse('2026-11-17T09:00:00Z'), null, 'loc-s');
  const preparation = (areas: string[]) =>
    JSON.stringify({ currentSituation: 'Finds transitions hard.', areasOfNeed: areas });
  const kase = db.prepare(
    `INSERT INTO cases (id, school_id, type, reference, consent_given, preparation, submitted_session_id, created_by,
       created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, 'u-senco', ?, ?)`,
  );
  const opened = Date.parse('2026-09-30T23:30:00Z');
  kase.run('c-j5m', 'sch-a', 'child', 'J5M', preparation(['sensory-and-physical']), 'ses-nov', opened, opened);
  kase.run(
    'c-k2f',
    'sch-a',
    'group',
    'K2F',
    preparation(['cognition-and-learning', 'sensory-and-physical']),
    'ses-nov',
    opened,
    opened,
  );
  kase.run('c-r4m', 'sch-a', 'child', 'R4M', preparation([]), 'ses-oct', opened, opened);
  // Never put before a session: the evidence pack dates it by the UTC day it was opened.
  kase.run('c-w2m', 'sch-a', 'class', 'W2M', preparation([]), null, opened, opened);
  kase.run('c-s6f', 'sch-b', 'child', 'S6F', preparation(['sensory-and-physical']), 'ses-south', opened, opened);
  const onAgenda = db.prepare(
    "INSERT INTO session_cases (id, session_id, reference, kind, position) VALUES (?, ?, ?, 'child', ?)",
  );
  onAgenda.run('c-j5m', 'ses-nov', 'J5M', 0);
  onAgenda.run('c-k2f', 'ses-nov', 'K2F', 1);
  onAgenda.run('c-r4m', 'ses-oct', 'R4M', 0);
  onAgenda.run('c-s6f', 'ses-south', 'S6F', 0);
}

function minutesBody(reference: string, sessionDate: string): MinutesBody {
  return {
    reference,
    caseType: 'child',
    areasOfNeed: ['sensory-and-physical'],
    sessionDate,
    localityName: 'North',
    schoolName: 'School A',
    facilitatorName: 'EP North',
    preparation: { currentSituation: '', triedSoFar: '', desiredSituation: '', aim: '' },
    stages: [],
    plan: [],
  };
}

const row = (id: string, action: string, fromCardId: string | null, serviceId: string | null = null): ActionRow => ({
  id,
  action,
  who: 'SENCO A',
  byWhen: '',
  successLooksLike: 'Calmer mornings',
  reviewDate: '2027-02-01',
  areaOfNeed: 'sensory-and-physical',
  fromCardId,
  serviceId,
});

const review = (outcome: ReviewRequest['outcome'], actions: ReviewRequest['actions']): ReviewRequest => ({
  actions,
  outcome,
  note: 'Reviewed with SENCO A',
});

/** The hits of a search, each as its reference and its marked words (the snippet's text is each store's own). */
function hits(page: ReturnType<Repos['minutes']['search']>) {
  return {
    next: page.next !== null,
    items: page.items.map((item) => ({
      reference: item.reference,
      caseType: item.case_type,
      sessionDate: item.session_date,
      localityName: item.locality_name,
      marked: [...(item.snippet ?? '').matchAll(new RegExp(`${HIT_START}([^${HIT_END}]*)${HIT_END}`, 'g'))].map(
        (match) => (match[1] as string).toLowerCase(),
      ),
    })),
  };
}

/** One scenario through the repositories, and everything it read back (compared across stores). */
function scenario(repos: Repos) {
  const { db } = repos;
  const read: Record<string, unknown> = {};
  const count = () =>
    db
      .prepare('SELECT (SELECT COUNT(*) FROM minutes) AS minutes, (SELECT COUNT(*) FROM minutes_search) AS entries')
      .get();

  // The directory: one entry of each locality and one for all; paged by name whatever its case.
  const fields = (name: string, offer: string) => ({
    name,
    offer,
    ageFrom: 4,
    ageTo: 11,
    areasOfNeed: ['sensory-and-physical' as const],
    eligibility: '',
    access: 'Referral by the school',
    contact: '',
    website: '',
    lastChecked: '2026-10-01',
  });
  repos.directory.insert('d-1', 'loc-n', fields('outreach team', 'Sensory checklists'), 'u-ep', 100);
  repos.directory.insert('d-2', null, fields('Advice line', 'Calls for every locality'), 'u-ep', 101);
  repos.directory.insert('d-3', 'loc-s', fields('Play therapy', 'Sessions in school'), 'u-ep', 102);
  const first = repos.directory.page(NORTH_ONLY, 'loc-n', undefined, { limit: 1, after: null }, '2026-12-01');
  const second = repos.directory.page(
    NORTH_ONLY,
    'loc-n',
    undefined,
    { limit: 1, after: [first.items[0]?.name as string, first.items[0]?.id as string] },
    '2026-12-01',
  );
  read.directoryPages = [first, second].map((page) => ({ names: page.items.map((i) => i.name), next: page.next }));
  read.directorySearch = repos.directory.page(EVERYWHERE, null, 'SENSORY', FIRST_PAGE, '2026-12-01').items;
  read.directoryEverything = repos.directory.everything(EVERYWHERE, null, '2026-12-01').map((entry) => entry.id);
  read.suggestions = repos.directory.suggestions('loc-n', 'advice');

  // J5M's plan (rows drafted from two helpful cards), its minutes written, then rewritten (Previous case).
  repos.actionPlans.create(
    'c-j5m',
    [row('r1', 'Ear defenders in assembly', 'card-1'), row('r2', 'Sensory checklist', 'card-2', 'd-1')],
    'ses-nov',
    200,
  );
  // Its link to the directory (plan_services, kept by each store's triggers).
  read.planServices = db.prepare('SELECT case_id, entry_id FROM plan_services ORDER BY case_id, entry_id').all();
  const write = (caseId: string, sessionId: string, reference: string, date: string, text: string, now: number) =>
    repos.minutes.write({
      sessionId,
      caseId,
      schoolId: 'sch-a',
      localityId: 'loc-n',
      body: minutesBody(reference, date),
      text,
      now,
    });
  const j5m = write('c-j5m', 'ses-nov', 'J5M', '2026-11-16', 'Finds assemblies noisy and overwhelming.', 300);
  const again = write(
    'c-j5m',
    'ses-nov',
    'J5M',
    '2026-11-16',
    'Finds assemblies noisy and overwhelming. Visual cue cards at the door help the start of the day.',
    301,
  );
  write('c-k2f', 'ses-nov', 'K2F', '2026-11-16', 'A reading group in the library after lunch.', 302);
  write('c-r4m', 'ses-oct', 'R4M', '2026-10-12', 'Lunch in the hall is loud.', 303);
  read.rewrittenInPlace = j5m === again;
  read.counts = count();

  // The bank: J5M's helpful cards kept, then two reviews; each row's latest review gives its impact.
  repos.bank.replaceUses(
    {
      sessionId: 'ses-nov',
      caseId: 'c-j5m',
      localityId: 'loc-n',
      caseType: 'child',
      areasOfNeed: ['sensory-and-physical'],
      halfTerm: 20262,
    },
    [
      {
        newEntryId: 'e-1',
        kind: 'strategy',
        text: 'Ear defenders in assembly',
        norm: 'ear defenders in assembly',
        cardId: 'card-1',
      },
      { newEntryId: 'e-2', kind: 'resource', text: 'Sensory checklist', norm: 'sensory checklist', cardId: 'card-2' },
    ],
    400,
  );
  const firstReview = review('continue', [
    { rowId: 'r1', impact: 'partly', note: 'Some mornings' },
    { rowId: 'r2', impact: 'not-yet', note: '' },
  ]);
  repos.actionPlans.recordReview('c-j5m', firstReview, 'u-senco', Date.parse('2026-12-01T10:00:00Z'));
  repos.bank.refreshOutcomes('c-j5m');
  const secondReview = review('request-ep', [{ rowId: 'r1', impact: 'achieved', note: 'Calm in assembly' }]);
  repos.actionPlans.recordReview('c-j5m', secondReview, 'u-senco', Date.parse('2026-12-10T10:00:00Z'));
  repos.bank.refreshOutcomes('c-j5m');
  read.bankPage = repos.bank.page(EVERYWHERE, { words: [] }, FIRST_PAGE).items.map(repos.bank.toEntryView);
  read.bankFiltered = [
    repos.bank.page(NORTH_ONLY, { words: ['defenders'], area: 'sensory-and-physical', caseType: 'child' }, FIRST_PAGE),
    repos.bank.page(NORTH_ONLY, { words: [], caseType: 'group' }, FIRST_PAGE),
    repos.bank.page({ all: false, localityIds: ['loc-s'], schoolIds: [] }, { words: [] }, FIRST_PAGE),
  ].map((page) => page.items.map((item) => item.id));
  const ideas = repos.bank.ideas('loc-n', ['sensory-and-physical'], { limit: 1, after: null });
  read.ideas = {
    first: ideas.items.map((item) => [item.id, item.score, item.chosen]),
    second: ideas.next
      ? repos.bank
          .ideas('loc-n', ['sensory-and-physical'], {
            limit: 1,
            after: [ideas.items[0]?.score as number, ideas.items[0]?.chosen as number, ideas.items[0]?.id as string],
          })
          .items.map((item) => [item.id, item.score, item.chosen])
      : null,
  };

  // The words searched: stems, every word, a phrase, filters alone, paging, a reach, and nothing found.
  const search = (
    reach: Reach,
    words: string,
    filters = {},
    request: { limit: number; after: number[] | null } = FIRST_PAGE,
  ) => hits(repos.minutes.search(reach, ftsQuery(words), filters, request));
  read.search = {
    stem: search(EVERYWHERE, 'assembly'),
    rewritten: search(EVERYWHERE, 'cue cards'),
    planAndReview: search(EVERYWHERE, 'defenders calm'),
    phrase: search(EVERYWHERE, '"reading group"'),
    none: search(EVERYWHERE, 'trampoline'),
    hostile: search(EVERYWHERE, 'NEAR(assembly AND lanyard) OR "'),
    filters: search(EVERYWHERE, '', { caseType: 'child', from: '2026-11-01' }),
    outcome: search(EVERYWHERE, '', { outcome: 'request-ep', requestedEp: true }),
    area: search(EVERYWHERE, '', { area: 'sensory-and-physical', localityId: 'loc-n', to: '2026-12-31' }),
    elsewhere: search({ all: false, localityIds: ['loc-s'], schoolIds: [] }, 'assembly'),
    paged: (() => {
      const page = repos.minutes.search(EVERYWHERE, ftsQuery('lunch'), {}, { limit: 1, after: null });
      const next = repos.minutes.search(
        EVERYWHERE,
        ftsQuery('lunch'),
        {},
        { limit: 1, after: [page.items[0]?.n as number] },
      );
      return [hits(page), hits(next)];
    })(),
  };
  read.sessions = repos.minutes.sessionsPage(NORTH_ONLY, FIRST_PAGE).items.map((item) => ({
    id: item.session.id,
    date: item.session.date,
    created: item.session.created_at,
    cases: item.cases.map((c) => c.reference),
  }));

  // Themes of the school year, for the north and for every locality.
  const themes = (localityIds: string[] | null) => {
    const scope = { localityIds, from: '2026-09-01', to: '2027-08-31' };
    return {
      localities: repos.themes.localities(localityIds),
      byArea: repos.themes.casesByArea(scope),
      byType: repos.themes.casesByType(scope),
      outcomes: repos.themes.reviewOutcomes(scope),
      helpful: repos.themes.helpfulStrategies(scope, 10),
      directory: repos.themes.directoryUsed(scope, 10),
      waiting: repos.themes.requestsWaiting(scope, NOW),
    };
  };
  read.themesNorth = themes(['loc-n']);
  read.themesEvery = themes(null);

  // The evidence pack: dated by the plan's session, the submitted session, or the UTC day the case was opened.
  read.evidence = repos.evidence.cases('sch-a', '2026-09-01', '2026-12-31', 10).map((c) => ({
    reference: c.reference,
    date: c.consultation_date,
    rows: c.rows?.map((r) => r.id) ?? null,
    plan: c.plan_session_id,
  }));

  // Cases: "Personal data to check" as a flag, whichever store.
  db.prepare(
    "INSERT INTO privacy_to_check (case_id, place, count, updated_at) VALUES ('c-k2f', 'preparation', 2, 1)",
  ).run();
  read.toCheck = (['c-j5m', 'c-k2f'] as const).map((id) => {
    const found = repos.cases.byId(id);
    return found ? [found.to_check, typeof found.to_check] : null;
  });

  // The purge takes older minutes and their search entries with them.
  read.purged = repos.minutes.purgeBefore('2026-11-01');
  read.afterPurge = count();
  read.anonymised = repos.bank.anonymiseCase('c-j5m');
  read.bankAfter = repos.bank.page(EVERYWHERE, { words: [] }, FIRST_PAGE).items.map(repos.bank.toEntryView);
  return read;
}

let sqlite: Db;
let postgres: SyncPostgres;
let dropDatabase: () => Promise<void>;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  sqlite = openDatabase(dataDir);
  const database = await createTestDatabase();
  dropDatabase = database.drop;
  const pool = await openPostgres(database.url);
  await pool.end();
  postgres = new SyncPostgres(database.url);
  seed(sqlite);
  seed(postgres as unknown as Db);
});

afterAll(async () => {
  sqlite?.close();
  postgres?.close();
  await dropDatabase?.();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the records on SQLite and on PostgreSQL', () => {
  it('read back the same, in the same order and of the same types', () => {
    const onSqlite = scenario(createRepos(sqlite));
    const onPostgres = scenario(createRepos(postgres as unknown as Db));
    expect(onPostgres).toEqual(onSqlite);

    // And what both read is right (so two stores wrong alike still fail).
    expect(onSqlite.rewrittenInPlace).toBe(true);
    expect(onSqlite.counts).toEqual({ minutes: 3, entries: 3 });
    expect(onSqlite.planServices).toEqual([{ case_id: 'c-j5m', entry_id: 'd-1' }]);
    expect(onSqlite.bankPage).toMatchObject([
      { id: 'e-2', chosen: 1, achieved: 0, partly: 0, notYet: 1, areasOfNeed: ['sensory-and-physical'] },
      { id: 'e-1', chosen: 1, achieved: 1, partly: 0, notYet: 0, caseTypes: ['child'] },
    ]);
    expect(onSqlite.bankFiltered).toEqual([['e-1'], [], []]);
    expect(onSqlite.ideas).toEqual({ first: [['e-1', 2, 1]], second: [['e-2', 0, 1]] });
    const search = onSqlite.search as Record<string, ReturnType<typeof hits> | ReturnType<typeof hits>[]>;
    expect(search.stem).toMatchObject({ items: [{ reference: 'J5M', marked: ['assemblies'] }] });
    expect(search.rewritten).toMatchObject({ items: [{ reference: 'J5M' }] });
    expect(search.planAndReview).toMatchObject({ items: [{ reference: 'J5M' }] });
    expect(search.phrase).toMatchObject({ items: [{ reference: 'K2F' }] });
    expect(search.none).toEqual({ next: false, items: [] });
    expect(search.hostile).toEqual({ next: false, items: [] });
    expect((search.filters as ReturnType<typeof hits>).items.map((i) => i.reference)).toEqual(['K2F', 'J5M']);
    expect((search.outcome as ReturnType<typeof hits>).items.map((i) => i.reference)).toEqual(['J5M']);
    expect((search.area as ReturnType<typeof hits>).items.map((i) => i.reference)).toEqual(['R4M', 'K2F', 'J5M']);
    expect(search.elsewhere).toEqual({ next: false, items: [] });
    expect((search.paged as ReturnType<typeof hits>[]).map((page) => page.items.map((i) => i.reference))).toEqual([
      ['R4M'],
      ['K2F'],
    ]);
    expect(onSqlite.directoryPages).toEqual([
      { names: ['Advice line'], next: expect.any(String) },
      { names: ['outreach team'], next: null },
    ]);
    expect(onSqlite.directoryEverything).toEqual(['d-2', 'd-1', 'd-3']);
    const north = onSqlite.themesNorth as Record<string, unknown>;
    expect(north.byType).toEqual([
      { halfTerm: 20261, key: 'child', count: 1 },
      { halfTerm: 20262, key: 'child', count: 1 },
      { halfTerm: 20262, key: 'group', count: 1 },
    ]);
    expect(north.byArea).toEqual([
      { halfTerm: 20261, key: 'none', count: 1 },
      { halfTerm: 20262, key: 'cognition-and-learning', count: 1 },
      { halfTerm: 20262, key: 'sensory-and-physical', count: 2 },
    ]);
    expect(north.outcomes).toEqual([{ halfTerm: 20262, key: 'request-ep', count: 1 }]);
    expect(north.waiting).toMatchObject({ open: 1, longestDays: 41, medianDays: 41 });
    expect(north.directory).toEqual([{ key: 'd-1', label: 'outreach team', cases: 1 }]);
    expect(onSqlite.evidence).toEqual([
      { reference: 'W2M', date: '2026-09-30', rows: null, plan: null },
      { reference: 'R4M', date: '2026-10-12', rows: null, plan: null },
      { reference: 'J5M', date: '2026-11-16', rows: ['r1', 'r2'], plan: 'ses-nov' },
      { reference: 'K2F', date: '2026-11-16', rows: null, plan: null },
    ]);
    expect(onSqlite.toCheck).toEqual([
      [0, 'number'],
      [1, 'number'],
    ]);
    expect(onSqlite.purged).toEqual(['c-r4m']);
    expect(onSqlite.afterPurge).toEqual({ minutes: 2, entries: 2 });
    expect(onSqlite.anonymised).toBe(2);
  });

  it('marks the words of a snippet on PostgreSQL with the marks SQLite uses, cut with … as FTS5 cuts', () => {
    const repos = createRepos(postgres as unknown as Db);
    const long = `${'Quiet morning routine before lessons start. '.repeat(6)}Assemblies are noisy. ${'Lunch is calm. '.repeat(6)}`;
    repos.minutes.write({
      sessionId: 'ses-nov',
      caseId: 'c-k2f',
      schoolId: 'sch-a',
      localityId: 'loc-n',
      body: minutesBody('K2F', '2026-11-16'),
      text: long,
      now: 500,
    });
    const [found] = repos.minutes.search(EVERYWHERE, ftsQuery('assembly'), {}, FIRST_PAGE).items;
    const snippet = found?.snippet ?? '';
    expect(snippet).toContain(`${HIT_START}Assemblies${HIT_END}`);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(
      snippet
        .replace(/[\uE000\uE001…]/g, '')
        .split(/\s+/)
        .filter(Boolean).length,
    ).toBeLessThanOrEqual(16);
  });
});
