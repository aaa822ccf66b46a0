// PostgreSQL's migration 11 over a database with plans in it (SQLite's is in migrations.sqlite.test.ts): the
// links already in the plans are backfilled into plan_services by the same rule as SQLite's. Always PostgreSQL.
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations.js';
import { openPostgres } from '../src/db/postgres/database.js';
import { PG_MIGRATIONS } from '../src/db/postgres/migrations.js';
import { createTestDatabase } from './helpers/postgres.js';

/** Plans of the oldest shape that has plans (migration 4), as JSON: a service named twice, none, a number, etc. */
const PLANS: [string, string, unknown[]][] = [
  [
    'c-j5m',
    'J5M',
    [
      { id: 'a', serviceId: 'd-outreach' },
      { id: 'b', serviceId: 'd-outreach' },
      { id: 'c' },
      { id: 'd', serviceId: null },
    ],
  ],
  [
    'c-k2f',
    'K2F',
    [
      { id: 'e', serviceId: 'd-outreach' },
      { id: 'f', serviceId: 'd-speech' },
      { id: 'g', serviceId: 7 },
    ],
  ],
  ['c-r4m', 'R4M', [{ id: 'h', serviceId: { id: 'd-speech' } }]],
];

const SEED = `
  INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES ('u-senco', 'SENCO North', 's@eps.example', 'x', 'senco', 0);
  INSERT INTO localities (id, name, created_at) VALUES ('l-north', 'North East locality', 0);
  INSERT INTO schools (id, name, locality_id, created_at) VALUES ('sch-a', 'School A', 'l-north', 0);
  ${PLANS.map(
    ([id, reference, rows]) => `
  INSERT INTO cases (id, school_id, type, reference, preparation, created_by, created_at, updated_at)
    VALUES ('${id}', 'sch-a', 'child', '${reference}', '{}', 'u-senco', 0, 0);
  INSERT INTO action_plans (case_id, rows, version, updated_at) VALUES ('${id}', '${JSON.stringify(rows)}', 1, 0);`,
  ).join('')}`;

describe('PostgreSQL migration 11 over a database with plans', () => {
  it("fills plan_services from the plans already written, exactly as SQLite's migration does", async () => {
    const fresh = await createTestDatabase();
    const old = new pg.Client({ connectionString: fresh.url });
    await old.connect();
    try {
      await old.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      for (const migration of PG_MIGRATIONS.filter((m) => m.version <= 4)) {
        await old.query(migration.sql);
        await old.query('INSERT INTO schema_migrations VALUES ($1, 0)', [migration.version]);
      }
      await old.query(SEED);
      const opened = await openPostgres(fresh.url);
      const onPostgres = await opened.query('SELECT case_id, entry_id FROM plan_services ORDER BY case_id, entry_id');
      await opened.end();

      // The same plans through SQLite's migrations, in memory.
      const sqlite = new Database(':memory:');
      for (const migration of MIGRATIONS.filter((m) => m.version <= 4)) sqlite.exec(migration.sql);
      sqlite.exec(SEED);
      for (const migration of MIGRATIONS.filter((m) => m.version > 4)) sqlite.exec(migration.sql);
      const onSqlite = sqlite.prepare('SELECT case_id, entry_id FROM plan_services ORDER BY case_id, entry_id').all();
      sqlite.close();

      expect(onPostgres.rows).toEqual([
        { case_id: 'c-j5m', entry_id: 'd-outreach' },
        { case_id: 'c-k2f', entry_id: 'd-outreach' },
        { case_id: 'c-k2f', entry_id: 'd-speech' },
      ]);
      expect(onSqlite).toEqual(onPostgres.rows);
    } finally {
      await old.end();
      await fresh.drop();
    }
  });
});
