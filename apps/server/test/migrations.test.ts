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
