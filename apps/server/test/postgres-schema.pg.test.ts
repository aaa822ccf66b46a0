import type Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { MIGRATIONS } from '../src/db/migrations.js';
import { openPostgres, type PgPool } from '../src/db/postgres/database.js';
import { PG_MIGRATIONS } from '../src/db/postgres/migrations.js';
import { createTestDatabase } from './helpers/postgres.js';
import { tempDataDir } from './helpers/testServer.js';

/** What each store's catalogue says about one table: the parts the two schemas must share. */
interface TableShape {
  /** "name" or "name not null", in order. */
  columns: string[];
  primaryKey: string[];
  /** Named indexes (CREATE INDEX): name → "unique? partial? (columns)". */
  indexes: Record<string, string>;
  /** UNIQUE constraints, by their columns. */
  uniques: string[];
  /** Foreign keys: "columns → table(columns) on delete RULE". */
  foreignKeys: string[];
}

/**
 * Where the two schemas differ on purpose, and why. The test applies these to SQLite's shape before comparing, so
 * any other difference fails it.
 */
const DELIBERATE: { table: string; reason: string; apply: (shape: TableShape) => void }[] = [
  {
    table: 'minutes_search',
    reason:
      "FTS5's virtual table keys its rows by rowid (= minutes.n); PostgreSQL's search table has that key as an " +
      'explicit column n, and the document as a generated tsvector column with its GIN index',
    apply: (shape) => {
      shape.columns = ['n not null', ...shape.columns, 'document'];
      shape.primaryKey = ['n'];
      shape.indexes.minutes_search_document = 'gin (document)';
    },
  },
];

const DELETE_RULES: Record<string, string> = {
  a: 'NO ACTION',
  c: 'CASCADE',
  n: 'SET NULL',
  r: 'RESTRICT',
  d: 'SET DEFAULT',
};

function sqliteShapes(db: Database.Database): Record<string, TableShape> {
  const shapes: Record<string, TableShape> = {};
  const tables = db
    .prepare(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT GLOB 'minutes_search_*' ORDER BY name`,
    )
    .all() as { name: string }[];
  for (const { name } of tables) {
    const info = db.prepare('SELECT name, pk, "notnull" FROM pragma_table_info(?) ORDER BY cid').all(name) as {
      name: string;
      pk: number;
      notnull: number;
    }[];
    const shape: TableShape = {
      // A key column holds no NULL in either store (SQLite's rowid alias cannot; PostgreSQL's keys never do).
      columns: info.map((column) => `${column.name}${column.notnull || column.pk ? ' not null' : ''}`),
      primaryKey: info
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
      indexes: {},
      uniques: [],
      foreignKeys: [],
    };
    const indexes = db.prepare('SELECT name, "unique", origin, partial FROM pragma_index_list(?)').all(name) as {
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }[];
    for (const index of indexes) {
      const columns = (
        db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(index.name) as { name: string }[]
      ).map((column) => column.name);
      if (index.origin === 'c')
        shape.indexes[index.name] =
          `${index.unique ? 'unique' : 'plain'}${index.partial ? ' partial' : ''} (${columns.join(', ')})`;
      else if (index.origin === 'u') shape.uniques.push(columns.join(', '));
    }
    const keys = db
      .prepare('SELECT id, seq, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq')
      .all(name) as { id: number; table: string; from: string; to: string; on_delete: string }[];
    const byId = new Map<number, typeof keys>();
    for (const key of keys) byId.set(key.id, [...(byId.get(key.id) ?? []), key]);
    for (const parts of byId.values()) {
      const first = parts[0] as (typeof keys)[number];
      shape.foreignKeys.push(
        `${parts.map((p) => p.from).join(', ')} → ${first.table}(${parts.map((p) => p.to).join(', ')}) on delete ${first.on_delete}`,
      );
    }
    shape.uniques.sort();
    shape.foreignKeys.sort();
    shapes[name] = shape;
  }
  return shapes;
}

async function postgresShapes(pool: PgPool): Promise<Record<string, TableShape>> {
  const shapes: Record<string, TableShape> = {};
  const columns = await pool.query<{ table_name: string; column_name: string; is_nullable: string }>(
    `SELECT c.table_name, c.column_name, c.is_nullable FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  for (const row of columns.rows) {
    shapes[row.table_name] ??= { columns: [], primaryKey: [], indexes: {}, uniques: [], foreignKeys: [] };
    shapes[row.table_name]?.columns.push(`${row.column_name}${row.is_nullable === 'NO' ? ' not null' : ''}`);
  }
  const indexes = await pool.query<{
    table_name: string;
    index_name: string;
    primary: boolean;
    unique: boolean;
    partial: boolean;
    method: string;
    constraint_type: string | null;
    columns: string[];
  }>(
    `SELECT t.relname AS table_name, i.relname AS index_name, x.indisprimary AS primary, x.indisunique AS unique,
            x.indpred IS NOT NULL AS partial, am.amname AS method, con.contype AS constraint_type,
            ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) AS k) AS columns
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_am am ON am.oid = i.relam LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid
     WHERE t.relnamespace = current_schema()::regnamespace`,
  );
  for (const index of indexes.rows) {
    const shape = shapes[index.table_name] as TableShape;
    // pg_get_indexdef quotes a column named like a keyword ("position"): the name is the same.
    index.columns = index.columns.map((column) => column.replace(/^"([a-z_]+)"$/, '$1'));
    if (index.primary) shape.primaryKey = index.columns;
    else if (index.constraint_type === 'u') shape.uniques.push(index.columns.join(', '));
    else
      shape.indexes[index.index_name] =
        index.method === 'gin'
          ? `gin (${index.columns.join(', ')})`
          : `${index.unique ? 'unique' : 'plain'}${index.partial ? ' partial' : ''} (${index.columns.join(', ')})`;
  }
  const keys = await pool.query<{
    table_name: string;
    columns: string[];
    parent: string;
    parent_columns: string[];
    rule: string;
  }>(
    `SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS parent, c.confdeltype AS rule,
            ARRAY(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS columns,
            ARRAY(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)::text[] AS parent_columns
     FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace`,
  );
  for (const key of keys.rows)
    shapes[key.table_name]?.foreignKeys.push(
      `${key.columns.join(', ')} → ${key.parent}(${key.parent_columns.join(', ')}) on delete ${DELETE_RULES[key.rule]}`,
    );
  for (const shape of Object.values(shapes)) {
    shape.uniques.sort();
    shape.foreignKeys.sort();
  }
  return shapes;
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: PgPool;

beforeAll(async () => {
  database = await createTestDatabase();
  pool = await openPostgres(database.url);
});
afterAll(async () => {
  await pool?.end();
  await database?.drop();
});

describe('the PostgreSQL schema', () => {
  it('has the same migrations, numbered and named as SQLite’s, all recorded', async () => {
    expect(PG_MIGRATIONS.map((m) => [m.version, m.name])).toEqual(MIGRATIONS.map((m) => [m.version, m.name]));
    const recorded = await pool.query('SELECT version FROM schema_migrations ORDER BY version');
    expect(recorded.rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('gives every table the columns (in order, and which may be NULL), keys, unique constraints, foreign keys and named indexes of SQLite', async () => {
    const sqlite = openDatabase(tempDataDir());
    const expected = sqliteShapes(sqlite);
    sqlite.close();
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(30);
    for (const difference of DELIBERATE) {
      expect(difference.reason.length).toBeGreaterThan(0);
      difference.apply(expected[difference.table] as TableShape);
    }
    const actual = await postgresShapes(pool);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const table of Object.keys(expected))
      expect({ table, ...actual[table] }).toEqual({ table, ...expected[table] });
  });

  it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE are refused and change nothing', async () => {
    await pool.query(
      "INSERT INTO audit_log (at, actor_id, action, entity, entity_id, detail) VALUES (1, NULL, 'case.created', 'case', 'c1', 'J5M')",
    );
    await expect(pool.query("UPDATE audit_log SET detail = 'changed'")).rejects.toThrow(/append-only/);
    await expect(pool.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    await expect(pool.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    const rows = await pool.query('SELECT action, detail FROM audit_log');
    expect(rows.rows).toEqual([{ action: 'case.created', detail: 'J5M' }]);
  });

  it('finds minutes by English stems, and keeps their plan and review words current through the triggers', async () => {
    await pool.query(`
      INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES ('u1', 'SENCO A', 'a@eps.example', 'x', 'senco', 1);
      INSERT INTO localities (id, name, created_at) VALUES ('l1', 'North', 1);
      INSERT INTO schools (id, name, locality_id, created_at) VALUES ('s1', 'School A', 'l1', 1);
      INSERT INTO consult_sessions (id, date, status, facilitator_id, created_at, locality_id)
        VALUES ('cs1', '2026-11-23', 'ended', 'u1', 1, 'l1');
      INSERT INTO cases (id, school_id, type, reference, preparation, created_by, created_at, updated_at)
        VALUES ('c1', 's1', 'child', 'J5M', '{}', 'u1', 1, 1);
      INSERT INTO minutes (id, session_id, case_id, school_id, locality_id, session_date, reference, case_type, areas, written_at)
        VALUES ('m1', 'cs1', 'c1', 's1', 'l1', '2026-11-23', 'J5M', 'child', '[]', 1);`);
    const { n } = (await pool.query('SELECT n FROM minutes')).rows[0] as { n: number };
    await pool.query(
      "INSERT INTO minutes_search (n, minutes, plan, review) VALUES ($1, 'Finds assembly noisy', '', '')",
      [n],
    );
    const search = async (words: string) =>
      (await pool.query("SELECT n FROM minutes_search WHERE document @@ plainto_tsquery('english', $1)", [words])).rows;

    expect(await search('assemblies')).toEqual([{ n }]);
    expect(await search('playground')).toEqual([]);

    await pool.query(`INSERT INTO action_plans (case_id, rows, version, updated_at) VALUES ('c1', $1, 1, 2)`, [
      JSON.stringify([{ action: 'Ear defenders in the hall', who: 'Class teacher', successLooksLike: 'Stays calm' }]),
    ]);
    expect(await search('defender')).toEqual([{ n }]);
    await pool.query(`UPDATE action_plans SET rows = $1, version = 2 WHERE case_id = 'c1'`, [
      JSON.stringify([{ action: 'Visual timetable', who: 'TA', successLooksLike: 'Knows what comes next' }]),
    ]);
    expect(await search('defender')).toEqual([]);
    expect(await search('timetables')).toEqual([{ n }]);
    await pool.query(
      `INSERT INTO reviews (case_id, review, outcome, reviewed_at, reviewed_by) VALUES ('c1', $1, 'continue', 3, 'u1')`,
      [
        JSON.stringify({
          note: 'Settling better',
          actions: [{ rowId: 'r1', impact: 'partly', note: 'mornings improving' }],
        }),
      ],
    );
    expect(await search('morning')).toEqual([{ n }]);
    const entry = await pool.query('SELECT plan, review FROM minutes_search WHERE n = $1', [n]);
    expect(entry.rows[0]).toEqual({
      plan: 'Visual timetable TA Knows what comes next',
      review: 'Settling better mornings improving',
    });

    // Minutes going take their search entry with them, in the same statement.
    await pool.query("DELETE FROM cases WHERE id = 'c1'");
    expect((await pool.query('SELECT COUNT(*) AS count FROM minutes_search')).rows[0]).toEqual({ count: 0 });
  });
});

describe('opening PostgreSQL', () => {
  it('migrates once when two nodes open the same fresh database at the same time', async () => {
    const fresh = await createTestDatabase();
    try {
      const [a, b] = await Promise.all([openPostgres(fresh.url), openPostgres(fresh.url)]);
      const recorded = await a.query(
        'SELECT version, COUNT(*) OVER () AS total FROM schema_migrations ORDER BY version',
      );
      expect(recorded.rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(recorded.rows[0]?.total).toBe(MIGRATIONS.length);
      // Opening again applies nothing.
      const c = await openPostgres(fresh.url);
      expect((await c.query('SELECT COUNT(*) AS count FROM schema_migrations')).rows[0]).toEqual({
        count: MIGRATIONS.length,
      });
      await Promise.all([a.end(), b.end(), c.end()]);
    } finally {
      await fresh.drop();
    }
  });

  it('gives sessions from before localities a locality of their name (migrations 3 and 5), as SQLite does', async () => {
    const fresh = await createTestDatabase();
    const old = new pg.Client({ connectionString: fresh.url });
    await old.connect();
    try {
      await old.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      for (const migration of PG_MIGRATIONS.filter((m) => m.version <= 2)) {
        await old.query(migration.sql);
        await old.query('INSERT INTO schema_migrations VALUES ($1, 0)', [migration.version]);
      }
      await old.query(`
        INSERT INTO users (id, name, email, password_hash, role, created_at) VALUES
          ('u-ep', 'EP North', 'ep.north@eps.example', 'x', 'ep', 0),
          ('u-admin', 'EP Lead', 'ep.lead@eps.example', 'x', 'admin', 0);
        INSERT INTO consult_sessions (id, locality, date, status, facilitator_id, created_at) VALUES
          ('s1', 'North East locality', '2025-03-14', 'ended', 'u-ep', 0),
          ('s2', 'North East locality', '2025-03-14', 'ended', 'u-admin', 0),
          ('s3', 'South West locality', '2025-03-14', 'ended', 'u-admin', 0);`);
      const opened = await openPostgres(fresh.url);
      const sessions = await opened.query(
        'SELECT s.id, l.name, length(l.id) AS id_length FROM consult_sessions s JOIN localities l ON l.id = s.locality_id ORDER BY s.id',
      );
      expect(sessions.rows).toEqual([
        { id: 's1', name: 'North East locality', id_length: 32 },
        { id: 's2', name: 'North East locality', id_length: 32 },
        { id: 's3', name: 'South West locality', id_length: 32 },
      ]);
      const eps = await opened.query(
        'SELECT u.user_id, l.name FROM user_localities u JOIN localities l ON l.id = u.locality_id',
      );
      expect(eps.rows).toEqual([{ user_id: 'u-ep', name: 'North East locality' }]);
      const legacy = await opened.query(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'consult_sessions' AND column_name = 'locality'",
      );
      expect(legacy.rows).toEqual([]);
      await opened.end();
    } finally {
      await old.end();
      await fresh.drop();
    }
  });

  it('places a session written at migration 4 without a locality id by its name (migration 5)', async () => {
    const fresh = await createTestDatabase();
    const old = new pg.Client({ connectionString: fresh.url });
    await old.connect();
    try {
      await old.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      for (const migration of PG_MIGRATIONS.filter((m) => m.version <= 4)) {
        await old.query(migration.sql);
        await old.query('INSERT INTO schema_migrations VALUES ($1, 0)', [migration.version]);
      }
      await old.query(`
        INSERT INTO users (id, name, email, password_hash, role, created_at)
          VALUES ('u-ep', 'EP North', 'ep.north@eps.example', 'x', 'ep', 0);
        INSERT INTO localities (id, name, created_at) VALUES ('l-north', 'North East locality', 0);
        INSERT INTO consult_sessions (id, locality, locality_id, date, status, facilitator_id, created_at) VALUES
          ('s1', 'North East locality', 'l-north', '2026-03-14', 'draft', 'u-ep', 0),
          ('s2', 'Riverside locality', NULL, '2026-03-14', 'draft', 'u-ep', 0),
          ('s3', 'North East locality', NULL, '2026-03-14', 'draft', 'u-ep', 0);`);
      const opened = await openPostgres(fresh.url);
      const sessions = await opened.query(
        'SELECT s.id, l.id AS locality_id, l.name FROM consult_sessions s JOIN localities l ON l.id = s.locality_id ORDER BY s.id',
      );
      expect(sessions.rows).toEqual([
        { id: 's1', locality_id: 'l-north', name: 'North East locality' },
        { id: 's2', locality_id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Riverside locality' },
        { id: 's3', locality_id: 'l-north', name: 'North East locality' },
      ]);
      expect((await opened.query('SELECT COUNT(*) AS n FROM localities')).rows[0]).toEqual({ n: 2 });
      await opened.end();
    } finally {
      await old.end();
      await fresh.drop();
    }
  });

  it('says in one line, without the password, why it cannot connect', async () => {
    const wrongPort = 'postgres://postgres:hunter2secret@127.0.0.1:1/test';
    await expect(openPostgres(wrongPort)).rejects.toThrow(
      /^DATABASE_URL: cannot connect to postgres:\/\/127\.0\.0\.1:1\/test \(.*ECONNREFUSED.*\)$/,
    );
    const missing = new URL(database.url);
    missing.pathname = '/cb_no_such_database';
    missing.password = 'hunter2secret';
    const error = (await openPostgres(missing.toString()).catch((e: Error) => e)) as Error;
    expect(error.message).toMatch(
      /^DATABASE_URL: cannot connect to postgres:\/\/.*\/cb_no_such_database \(.*does not exist\)$/,
    );
    for (const message of [error.message]) {
      expect(message).not.toContain('hunter2secret');
      expect(message).not.toContain('\n');
    }
    // A client of the pg package (used directly) sees the database untouched.
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    expect((await client.query('SELECT COUNT(*)::int AS count FROM schema_migrations')).rows[0]).toEqual({
      count: MIGRATIONS.length,
    });
    await client.end();
  });
});
