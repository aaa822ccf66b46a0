// SQLite's alone: these open SQLite files written by older versions and check what SQLite's migrations make of
// them. PostgreSQL's schema starts from migration 1 (no old files to bring up), and postgres-schema.test.ts checks
// it against SQLite's.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { MIGRATIONS } from '../src/db/migrations.js';
import { createRepos } from '../src/db/repos.js';
import { tempDataDir } from './helpers/testServer.js';

describe('migration 3 over a database from before localities', () => {
  it('gives each old session a locality of its name, and its EP that locality', () => {
    const dataDir = tempDataDir();
    const old = new Database(path.join(dataDir, 'consultboard.db'));
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, 0);
    }
    const user = old.prepare(
      "INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES (?, ?, ?, 'x', ?, 0)",
    );
    user.run('u-ep', 'EP North', 'ep.north@eps.example', 'ep');
    user.run('u-admin', 'EP Lead', 'ep.lead@eps.example', 'admin');
    const session = old.prepare(
      "INSERT INTO consult_sessions (id, locality, date, status, facilitator_id, created_at) VALUES (?, ?, '2025-03-14', 'ended', ?, 0)",
    );
    session.run('s1', 'North East locality', 'u-ep');
    session.run('s2', 'North East locality', 'u-admin');
    session.run('s3', 'South West locality', 'u-admin');
    old.close();

    const db = openDatabase(dataDir);
    try {
      const rows = db
        .prepare('SELECT s.id, l.name FROM consult_sessions s JOIN localities l ON l.id = s.locality_id ORDER BY s.id')
        .all();
      expect(rows).toEqual([
        { id: 's1', name: 'North East locality' },
        { id: 's2', name: 'North East locality' },
        { id: 's3', name: 'South West locality' },
      ]);
      expect(db.prepare('SELECT COUNT(*) AS n FROM localities').get()).toEqual({ n: 2 });
      const facilitates = db
        .prepare('SELECT ul.user_id, l.name FROM user_localities ul JOIN localities l ON l.id = ul.locality_id')
        .all();
      expect(facilitates).toEqual([{ user_id: 'u-ep', name: 'North East locality' }]);
    } finally {
      db.close();
    }
  });
});

describe('migration 5: the legacy consult_sessions.locality column goes', () => {
  it('drops the column and keeps every session in its locality, by name, even one written without an id', () => {
    const dataDir = tempDataDir();
    const old = new Database(path.join(dataDir, 'consultboard.db'));
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 4)) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, 0);
    }
    old
      .prepare("INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES (?, ?, ?, 'x', 'ep', 0)")
      .run('u-ep', 'EP North', 'ep.north@eps.example');
    old.prepare("INSERT INTO localities (id, name, created_at) VALUES ('l-north', 'North East locality', 0)").run();
    const session = old.prepare(
      "INSERT INTO consult_sessions (id, locality, locality_id, date, status, facilitator_id, created_at) VALUES (?, ?, ?, '2026-03-14', 'draft', 'u-ep', 0)",
    );
    session.run('s1', 'North East locality', 'l-north');
    // Written by a server from before the locality id was required: only the name says where it belongs.
    session.run('s2', 'Riverside locality', null);
    old.close();

    const db = openDatabase(dataDir);
    try {
      const columns = (db.prepare('PRAGMA table_info(consult_sessions)').all() as { name: string }[]).map(
        (column) => column.name,
      );
      expect(columns).not.toContain('locality');
      expect(columns).toContain('locality_id');
      const sessions = createRepos(db).consultSessions;
      expect(sessions.byId('s1')).toMatchObject({ locality_id: 'l-north', locality: 'North East locality' });
      expect(sessions.byId('s2')).toMatchObject({ locality: 'Riverside locality' });
      expect(sessions.byId('s2')?.locality_id).toEqual(expect.any(String));
      expect(db.prepare('SELECT COUNT(*) AS n FROM localities').get()).toEqual({ n: 2 });
    } finally {
      db.close();
    }
  });
});

describe('migration 8: the locality file (issue 12)', () => {
  /** A database at a version, with a case of the old shape discussed at an ended session, its plan and a review. */
  function oldDatabase(upTo: number) {
    const dataDir = tempDataDir();
    const old = new Database(path.join(dataDir, 'consultboard.db'));
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= upTo)) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, 0);
    }
    return { dataDir, old };
  }

  it('migrates from the oldest schema with data in it, keeping that data, with the default retention', () => {
    const { dataDir, old } = oldDatabase(1);
    old
      .prepare(
        "INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES ('u-ep', 'EP North', 'ep@eps.example', 'x', 'ep', 0)",
      )
      .run();
    old
      .prepare(
        "INSERT INTO consult_sessions (id, locality, date, status, facilitator_id, created_at) VALUES ('s1', 'North East locality', '2025-03-14', 'ended', 'u-ep', 0)",
      )
      .run();
    old.close();
    const db = openDatabase(dataDir);
    try {
      expect(db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get()).toEqual({
        v: MIGRATIONS.at(-1)?.version,
      });
      expect(db.prepare('SELECT id, date FROM consult_sessions').all()).toEqual([{ id: 's1', date: '2025-03-14' }]);
      const repos = createRepos(db);
      expect(repos.minutes.retentionYears()).toEqual({ years: 7, updatedAt: null });
      expect(
        repos.minutes.sessionsPage({ all: true, localityIds: [], schoolIds: [] }, { limit: 10, after: null }).items,
      ).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('indexes minutes written after it with the case plan and review, and forgets them with the case', () => {
    const { dataDir, old } = oldDatabase(7);
    old.exec(`
      INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES ('u-ep', 'EP North', 'ep@eps.example', 'x', 'ep', 0);
      INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES ('u-senco', 'SENCO North', 's@eps.example', 'x', 'senco', 0);
      INSERT INTO localities (id, name, created_at) VALUES ('l1', 'North East locality', 0);
      INSERT INTO schools (id, name, locality_id, created_at) VALUES ('sc1', 'Northfield Primary', 'l1', 0);
      INSERT INTO consult_sessions (id, locality_id, date, status, facilitator_id, created_at) VALUES ('s1', 'l1', '2026-03-14', 'ended', 'u-ep', 0);
      INSERT INTO cases (id, school_id, type, reference, preparation, submitted_session_id, created_by, created_at, updated_at)
        VALUES ('c1', 'sc1', 'child', 'J5M', '{"currentSituation":"","triedSoFar":"","desiredSituation":"","aim":"","areasOfNeed":[]}', 's1', 'u-senco', 0, 0);
      INSERT INTO session_cases (id, session_id, reference, kind, position) VALUES ('c1', 's1', 'J5M', 'child', 0);
      INSERT INTO action_plans (case_id, rows, version, session_id, updated_at) VALUES ('c1', '[]', 1, 's1', 0);
    `);
    old.close();
    const db = openDatabase(dataDir);
    try {
      const repos = createRepos(db);
      const body = {
        reference: 'J5M',
        caseType: 'child' as const,
        areasOfNeed: [],
        sessionDate: '2026-03-14',
        localityName: 'North East locality',
        schoolName: 'Northfield Primary',
        facilitatorName: 'EP North',
        preparation: { currentSituation: '', triedSoFar: '', desiredSituation: '', aim: '' },
        stages: [],
        plan: [],
      };
      repos.minutes.write({
        sessionId: 's1',
        caseId: 'c1',
        schoolId: 'sc1',
        localityId: 'l1',
        body,
        text: 'Case J5M',
        now: 1,
      });
      const everywhere = { all: true, localityIds: [], schoolIds: [] };
      const found = (words: string) =>
        repos.minutes
          .search(everywhere, `"${words}"`, {}, { limit: 10, after: null })
          .items.map((row) => row.reference);
      expect(found('lanyard')).toEqual([]);
      const row = {
        id: 'r1',
        action: 'A lanyard with a help card',
        who: 'Class teacher',
        byWhen: '',
        successLooksLike: '',
        reviewDate: '',
        areaOfNeed: null,
        fromCardId: null,
      };
      expect(repos.actionPlans.update('c1', [row], 1, 2)).toBe(true);
      expect(found('lanyard')).toEqual(['J5M']);
      repos.actionPlans.recordReview(
        'c1',
        { actions: [], outcome: 'continue', note: 'The zebra routine helped.' },
        'u-senco',
        3,
      );
      expect(found('zebra')).toEqual(['J5M']);
      db.prepare("DELETE FROM session_cases WHERE id = 'c1'").run();
      db.prepare("DELETE FROM action_plans WHERE case_id = 'c1'").run();
      db.prepare("DELETE FROM reviews WHERE case_id = 'c1'").run();
      repos.cases.remove('c1');
      expect(
        db.prepare('SELECT (SELECT COUNT(*) FROM minutes) AS m, (SELECT COUNT(*) FROM minutes_search) AS f').get(),
      ).toEqual({ m: 0, f: 0 });
    } finally {
      db.close();
    }
  });
});

describe('migration 9: the strategy bank', () => {
  it('migrates the oldest schema with data in it, and a deleted case leaves only anonymous counts', () => {
    const dataDir = tempDataDir();
    const old = new Database(path.join(dataDir, 'consultboard.db'));
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version <= 2)) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, 0);
    }
    old
      .prepare("INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES (?, ?, ?, 'x', 'ep', 0)")
      .run('u-ep', 'EP North', 'ep.north@eps.example');
    old
      .prepare(
        "INSERT INTO consult_sessions (id, locality, date, status, facilitator_id, created_at) VALUES ('s1', 'North East locality', '2026-10-05', 'ended', 'u-ep', 0)",
      )
      .run();
    old.close();

    const db = openDatabase(dataDir);
    try {
      const applied = db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
      expect(applied).toContain(9);
      const localityId = db.prepare("SELECT locality_id FROM consult_sessions WHERE id = 's1'").pluck().get() as string;
      db.prepare(
        "INSERT INTO schools (id, name, locality_id, created_at) VALUES ('sc1', 'Northfield Primary', ?, 0)",
      ).run(localityId);
      db.prepare(
        `INSERT INTO cases (id, school_id, type, reference, preparation, created_by, created_at, updated_at)
         VALUES ('c1', 'sc1', 'child', 'J5M', '{}', 'u-ep', 0, 0)`,
      ).run();
      const repos = createRepos(db);
      const place = {
        sessionId: 's1',
        caseId: 'c1',
        localityId,
        caseType: 'child' as const,
        areasOfNeed: ['cognition-and-learning' as const],
        halfTerm: 20261,
      };
      const use = {
        newEntryId: 'e1',
        kind: 'strategy' as const,
        text: 'Chunk the task',
        norm: 'chunk the task',
        cardId: 'k1',
      };
      repos.bank.replaceUses(place, [use], 0);
      repos.bank.replaceUses(place, [use], 1);
      db.prepare('DELETE FROM cases WHERE id = ?').run('c1');
      expect(db.prepare('SELECT case_id, session_id, card_id, case_type, half_term FROM bank_uses').all()).toEqual([
        { case_id: null, session_id: null, card_id: null, case_type: 'child', half_term: 20261 },
      ]);
      const page = repos.bank.page(
        { all: true, localityIds: [], schoolIds: [] },
        { words: [] },
        { limit: 10, after: null },
      );
      expect(page.items.map(repos.bank.toEntryView)).toEqual([
        expect.objectContaining({ text: 'Chunk the task', chosen: 1, areasOfNeed: ['cognition-and-learning'] }),
      ]);
    } finally {
      db.close();
    }
  });
});

describe('migration 10: the signposting directory', () => {
  it('adds the directory over a database with localities and sessions in it, and keeps them', () => {
    const dataDir = tempDataDir();
    const old = new Database(path.join(dataDir, 'consultboard.db'));
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    for (const migration of MIGRATIONS.filter((m) => m.version < 10)) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, 0);
    }
    old
      .prepare("INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES (?, ?, ?, 'x', 'ep', 0)")
      .run('u-ep', 'EP North', 'ep.north@eps.example');
    old.prepare("INSERT INTO localities (id, name, created_at) VALUES ('l-north', 'North East locality', 0)").run();
    old
      .prepare(
        "INSERT INTO consult_sessions (id, locality_id, date, status, facilitator_id, created_at) VALUES ('s1', 'l-north', '2026-03-14', 'ended', 'u-ep', 0)",
      )
      .run();
    old.close();

    const db = openDatabase(dataDir);
    try {
      const repos = createRepos(db);
      expect(repos.consultSessions.byId('s1')).toMatchObject({ locality: 'North East locality' });
      const entry = {
        name: 'Autism outreach team',
        offer: 'Advice for schools.',
        ageFrom: 4,
        ageTo: 11,
        areasOfNeed: ['communication-and-interaction' as const],
        eligibility: '',
        access: 'Referral by the SENCO.',
        contact: '0300 123 4567',
        website: '',
        lastChecked: '2025-01-01',
      };
      repos.directory.insert('d1', 'l-north', entry, 'u-ep', 1);
      repos.directory.insert('d2', null, { ...entry, name: 'County helpline' }, 'u-ep', 1);
      const page = repos.directory.page(
        { all: false, localityIds: ['l-north'], schoolIds: [] },
        'l-north',
        'communication',
        { limit: 10, after: null },
        '2026-11-30',
      );
      expect(page.items.map((item) => [item.name, item.localityName, item.needsCheck])).toEqual([
        ['Autism outreach team', 'North East locality', true],
        ['County helpline', null, true],
      ]);
      expect(repos.directory.service('d1', 'l-north')).toEqual({
        id: 'd1',
        name: 'Autism outreach team',
        access: 'Referral by the SENCO.',
      });
      expect(repos.directory.service('d1', 'l-other')).toBeUndefined();
    } finally {
      db.close();
    }
  });
});

describe('migration 11: the directory services each plan links to (plan_services)', () => {
  it('fills plan_services from the plans already written, over the oldest schema with plans, and keeps them in step', () => {
    const dataDir = tempDataDir();
    const old = new Database(path.join(dataDir, 'consultboard.db'));
    old.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
    // Migration 4 brought action plans: the oldest schema a plan (and so a link) can be in.
    for (const migration of MIGRATIONS.filter((m) => m.version <= 4)) {
      old.exec(migration.sql);
      old.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.version, 0);
    }
    const planRow = (id: string, serviceId?: unknown) =>
      JSON.stringify({ id, action: 'Refer', who: 'SENCO', ...(serviceId === undefined ? {} : { serviceId }) });
    old.exec(`
      INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES ('u-ep', 'EP North', 'ep@eps.example', 'x', 'ep', 0);
      INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES ('u-senco', 'SENCO North', 's@eps.example', 'x', 'senco', 0);
      INSERT INTO localities (id, name, created_at) VALUES ('l-north', 'North East locality', 0);
      INSERT INTO schools (id, name, locality_id, created_at) VALUES ('sch-a', 'School A', 'l-north', 0);
      INSERT INTO consult_sessions (id, locality, locality_id, date, status, facilitator_id, created_at, started_at)
        VALUES ('s1', 'North East locality', 'l-north', '2026-10-05', 'ended', 'u-ep', 0, 1);
    `);
    const addCase = old.prepare(
      "INSERT INTO cases (id, school_id, type, reference, preparation, submitted_session_id, created_by, created_at, updated_at) VALUES (?, 'sch-a', 'child', ?, '{}', 's1', 'u-senco', 0, 0)",
    );
    const onAgenda = old.prepare(
      "INSERT INTO session_cases (id, session_id, reference, kind, position) VALUES (?, 's1', ?, 'child', ?)",
    );
    const plan = old.prepare(
      "INSERT INTO action_plans (case_id, rows, version, session_id, updated_at) VALUES (?, ?, 1, 's1', 0)",
    );
    const cases: [string, string, string[]][] = [
      // Two rows naming one service are one link; a row with no service, or a null one, links nothing.
      ['c-j5m', 'J5M', [planRow('a', 'd-outreach'), planRow('b', 'd-outreach'), planRow('c'), planRow('d', null)]],
      ['c-k2f', 'K2F', [planRow('e', 'd-outreach'), planRow('f', 'd-speech')]],
      ['c-r4m', 'R4M', [planRow('g')]],
    ];
    cases.forEach(([id, reference, rows], position) => {
      addCase.run(id, reference);
      onAgenda.run(id, reference, position);
      plan.run(id, `[${rows.join(',')}]`);
    });
    old.close();

    const db = openDatabase(dataDir);
    try {
      const links = () => db.prepare('SELECT case_id, entry_id FROM plan_services ORDER BY case_id, entry_id').all();
      expect(links()).toEqual([
        { case_id: 'c-j5m', entry_id: 'd-outreach' },
        { case_id: 'c-k2f', entry_id: 'd-outreach' },
        { case_id: 'c-k2f', entry_id: 'd-speech' },
      ]);
      const repos = createRepos(db);
      const service = (id: string, name: string) =>
        repos.directory.insert(
          id,
          'l-north',
          {
            name,
            offer: 'Advice for schools.',
            ageFrom: null,
            ageTo: null,
            areasOfNeed: [],
            eligibility: '',
            access: 'Referral by the SENCO.',
            contact: '',
            website: '',
            lastChecked: '2026-09-01',
          },
          'u-ep',
          1,
        );
      service('d-outreach', 'Autism outreach team');
      service('d-speech', 'Speech and language therapy');
      const scope = { localityIds: ['l-north'], from: '2026-09-01', to: '2027-08-31' };
      expect(repos.themes.directoryUsed(scope, 10)).toEqual([
        { key: 'd-outreach', label: 'Autism outreach team', cases: 2 },
        { key: 'd-speech', label: 'Speech and language therapy', cases: 1 },
      ]);
      // The triggers keep an old plan in step once it is edited: R4M's plan now links the speech service.
      expect(repos.actionPlans.update('c-r4m', [JSON.parse(planRow('g', 'd-speech'))], 1, 2)).toBe(true);
      expect(repos.themes.directoryUsed(scope, 10).map((used) => [used.key, used.cases])).toEqual([
        ['d-outreach', 2],
        ['d-speech', 2],
      ]);
      repos.cases.remove('c-k2f');
      expect(links()).toEqual([
        { case_id: 'c-j5m', entry_id: 'd-outreach' },
        { case_id: 'c-r4m', entry_id: 'd-speech' },
      ]);
    } finally {
      db.close();
    }
  });
});
