// Run in the SQLite pass alone: the copy's source is a SQLite file, made here by a server on SQLite, and its
// target a PostgreSQL database of its own (so it needs PostgreSQL in that pass too, and fails without it). In the
// PostgreSQL pass the test servers keep their data in PostgreSQL and would leave the file it copies empty.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ActionRow, DEFAULT_STAGES } from '@consultboard/domain';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations.js';
import { CopyError, copySqliteToPostgres } from '../src/db/postgres/copyFromSqlite.js';
import { openPostgres, type PgPool } from '../src/db/postgres/database.js';
import { liveRoom, runFirstCase, writeNotes } from './helpers/minutes.js';
import { createTestDatabase } from './helpers/postgres.js';
import { startTestServer, tempDataDir } from './helpers/testServer.js';
import { buildCase, buildWorld } from './helpers/world.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Runs the copy command as an operator would (the server package's script), and what it said. */
function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/copyToPostgres.ts', '--', ...args], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Tables of the SQLite file that hold the app's rows (not SQLite's nor FTS5's internals). */
function sqliteTables(db: Database.Database): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT GLOB 'minutes_search_*' AND name <> 'schema_migrations' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((row) => row.name);
}

/** A value as the test compares it: integers as decimal text, bytes as hex, text as it is. */
const plain = (value: unknown): unknown =>
  Buffer.isBuffer(value) ? `bytes:${value.toString('hex')}` : typeof value === 'bigint' ? value.toString() : value;

/** Every row of a table, each as its column values in order, sorted so the two stores' orders do not matter. */
function sorted(rows: unknown[][]): string[] {
  return rows.map((row) => JSON.stringify(row.map(plain))).sort();
}

function sqliteRows(db: Database.Database, table: string): string[] {
  const select =
    table === 'minutes_search'
      ? 'SELECT rowid AS n, minutes, plan, review FROM minutes_search'
      : `SELECT * FROM ${table}`;
  return sorted(db.prepare(select).raw(true).safeIntegers(true).all() as unknown[][]);
}

async function postgresRows(pool: PgPool, table: string): Promise<string[]> {
  const columns =
    table === 'minutes_search' ? 'n::text, minutes, plan, review' : await columnList(pool, table, (c) => c.cast);
  const result = await pool.query({ text: `SELECT ${columns} FROM ${table}`, rowMode: 'array' });
  return sorted(result.rows as unknown[][]);
}

/** Integers read as text, so they compare with SQLite's exact integers. */
async function columnList(pool: PgPool, table: string, pick: (c: { cast: string }) => string): Promise<string> {
  const columns = await pool.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema()
     AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  return columns.rows
    .map((c) => ({
      cast: ['bigint', 'integer', 'smallint'].includes(c.data_type) ? `${c.column_name}::text` : c.column_name,
    }))
    .map(pick)
    .join(', ');
}

async function postgresCounts(pool: PgPool, tables: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = (await pool.query(`SELECT COUNT(*) AS n FROM ${table}`)).rows[0].n;
  return counts;
}

let dataDir: string;
let sqlitePath: string;
let target: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: PgPool;
let running: Awaited<ReturnType<typeof startTestServer>> | undefined;

/**
 * A world made through the real app: people, localities, a school's cases (one with personal data to check and a
 * finding dismissed), a locality template, the directory, retention, a live meeting with cards and notes, its
 * minutes and the bank, a plan and its review. The server is restarted once, so the notes have a snapshot (written
 * when a room is freed) and updates after it.
 */
async function fillWorld(): Promise<void> {
  dataDir = tempDataDir();
  sqlitePath = path.join(dataDir, 'consultboard.db');
  const first = await startTestServer(dataDir);
  const world = await buildWorld(first.url);
  const template = await world.south.ep.put(`/api/localities/${world.south.locality.id}/template`, {
    stages: DEFAULT_STAGES.slice(1),
  });
  expect(template.status, JSON.stringify(template.json)).toBe(200);
  const entry = await world.admin.post('/api/directory', {
    localityId: world.north.locality.id,
    entry: {
      name: 'Autism outreach team',
      offer: 'Advice and training for schools on autism and social communication.',
      ageFrom: 4,
      ageTo: 16,
      areasOfNeed: ['communication-and-interaction'],
      eligibility: 'Pupils in mainstream schools of the county.',
      access: 'The SENCO refers through the local offer form.',
      contact: '0300 123 4567, outreach@council.example',
      website: 'https://localoffer.council.example/autism-outreach',
      lastChecked: '2026-09-01',
    },
  });
  expect(entry.status, JSON.stringify(entry.json)).toBe(201);
  expect((await world.admin.put('/api/retention', { years: 8 })).status).toBe(200);

  const toCheck = await buildCase(world.north.senco, {
    reference: 'K7F',
    preparation: { currentSituation: 'Office rang 07700 900123 and 07700 900456 about mornings.' },
  });
  const dismissed = await world.north.senco.post(`/api/cases/${toCheck.id}/privacy/dismissals`, {
    kind: 'phone',
    text: '07700 900456',
  });
  expect(dismissed.status, JSON.stringify(dismissed.json)).toBeLessThan(300);

  const room = await liveRoom(first.url, world);
  const caseId = await runFirstCase(first.url, dataDir, world, room);
  const plan = (await world.north.senco.get(`/api/cases/${caseId}/plan`)).json.plan as {
    rows: ActionRow[];
    version: number;
  };
  const review = await world.north.senco.put(`/api/cases/${caseId}/review`, {
    actions: plan.rows
      .filter((row) => row.fromCardId !== null)
      .map((row) => ({ rowId: row.id, impact: 'achieved', note: 'Calmer in assembly' })),
    outcome: 'continue',
    note: 'Settling better',
  });
  expect(review.status, JSON.stringify(review.json)).toBe(200);
  // After the review, the school links the plan's first row to the directory's service (plan_services).
  const linked = await world.north.senco.put(`/api/cases/${caseId}/plan`, {
    version: plan.version,
    rows: plan.rows.map((row, index) => (index === 0 ? { ...row, serviceId: entry.json.entry.id } : row)),
  });
  expect(linked.status, JSON.stringify(linked.json)).toBe(200);
  expect(linked.json.plan.services).toEqual([expect.objectContaining({ name: 'Autism outreach team' })]);
  room.facilitator.close();
  room.phone.close();
  await first.close();

  // Started again on the same file (and port, so the signed-in browsers carry on): the first notes are now a
  // snapshot; these are updates after it. A server compacts a room when it is freed or closes, which would fold
  // them into the snapshot: it stays up, its rooms kept, until the tests end (the copy reads one snapshot of the
  // file, so a running server does not disturb it; nothing writes meanwhile).
  running = await startTestServer(dataDir, {
    port: Number(new URL(first.url).port),
    notes: { idleRoomMs: 3_600_000, compactAfterUpdates: 10_000 },
  });
  await writeNotes(running.url, dataDir, world.north.ep, room.session.id, caseId, 'Transitions after lunch are harder');
}

beforeAll(async () => {
  target = await createTestDatabase();
  pool = await openPostgres(target.url);
  await fillWorld();
}, 120_000);
afterAll(async () => {
  await running?.close();
  await pool?.end();
  await target?.drop();
});

describe('copying an SQLite database into PostgreSQL', () => {
  it('copies every row of every table, and says so table by table', async () => {
    const sqlite = new Database(sqlitePath, { readonly: true });
    const tables = sqliteTables(sqlite);
    // The world fills every table, so this test cannot pass by copying nothing.
    const empty = tables.filter(
      (table) => (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n === 0,
    );
    expect(empty).toEqual([]);
    expect(tables.length).toBeGreaterThanOrEqual(29);

    const run = await runCli(['--data-dir', dataDir, '--database-url', target.url]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = new Map(
      run.stdout
        .split('\n')
        .map((line) => line.trim().split(/\s+/))
        .filter((cells) => cells.length === 3 && cells[2] === 'yes')
        .map((cells) => [cells[0], Number(cells[1])]),
    );
    expect([...printed.keys()].sort()).toEqual(tables);

    for (const table of tables) {
      const expected = sqliteRows(sqlite, table);
      expect(printed.get(table), table).toBe(expected.length);
      expect(await postgresRows(pool, table), table).toEqual(expected);
    }
    sqlite.close();

    // The identity sequences moved past the copied ids: the next audit entry does not collide.
    const { max } = (await pool.query('SELECT MAX(id) AS max FROM audit_log')).rows[0];
    const next = await pool.query(
      "INSERT INTO audit_log (at, action, entity) VALUES (1, 'test.next', 'test') RETURNING id",
    );
    expect(next.rows[0].id).toBeGreaterThan(max);
    // The copied minutes are searchable by their stems on PostgreSQL.
    const found = await pool.query(
      "SELECT COUNT(*) AS n FROM minutes_search WHERE document @@ plainto_tsquery('english', 'assemblies')",
    );
    expect(found.rows[0].n).toBeGreaterThan(0);
  });

  it('refuses a second copy into the now non-empty database, and changes nothing', async () => {
    const sqlite = new Database(sqlitePath, { readonly: true });
    const tables = sqliteTables(sqlite);
    sqlite.close();
    const before = await postgresCounts(pool, tables);
    const rowsBefore = await postgresRows(pool, 'meeting_events');

    const run = await runCli(['--data-dir', dataDir, '--database-url', target.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^the PostgreSQL database is not empty \(\w+ has rows\): copy only into an empty one\n$/,
    );
    await expect(copySqliteToPostgres(sqlitePath, pool)).rejects.toThrow(CopyError);

    expect(await postgresCounts(pool, tables)).toEqual(before);
    expect(await postgresRows(pool, 'meeting_events')).toEqual(rowsBefore);
  });

  it('copies the same in the smallest batches and pages (bounded memory), into another empty database', async () => {
    const fresh = await createTestDatabase();
    const freshPool = await openPostgres(fresh.url);
    try {
      const copied = await copySqliteToPostgres(sqlitePath, freshPool, { batchRows: 3, batchBytes: 64, fetchRows: 2 });
      const sqlite = new Database(sqlitePath, { readonly: true });
      for (const table of sqliteTables(sqlite)) {
        const expected = sqliteRows(sqlite, table);
        expect(copied.find((item) => item.table === table)).toEqual({ table, rows: expected.length, verified: true });
        expect(await postgresRows(freshPool, table), table).toEqual(expected);
      }
      sqlite.close();
    } finally {
      await freshPool.end();
      await fresh.drop();
    }
  });

  it('rolls everything back when a table does not verify', async () => {
    const fresh = await createTestDatabase();
    const freshPool = await openPostgres(fresh.url);
    try {
      // Something on the PostgreSQL side changes a value as it is written: the checksum must see it.
      await freshPool.query(`
        CREATE FUNCTION tamper() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN NEW.outcome := 'close'; RETURN NEW; END; $$;
        CREATE TRIGGER tamper BEFORE INSERT ON reviews FOR EACH ROW EXECUTE FUNCTION tamper();`);
      await expect(copySqliteToPostgres(sqlitePath, freshPool)).rejects.toThrow(
        /^reviews: the rows differ between SQLite and PostgreSQL after the copy$/,
      );
      const sqlite = new Database(sqlitePath, { readonly: true });
      const counts = await postgresCounts(freshPool, sqliteTables(sqlite));
      sqlite.close();
      expect(Object.values(counts).every((count) => count === 0)).toBe(true);
    } finally {
      await freshPool.end();
      await fresh.drop();
    }
  });

  it("derives plan_services from the copied plans by PostgreSQL's triggers, and verifies it against SQLite's", async () => {
    const fresh = await createTestDatabase();
    const freshPool = await openPostgres(fresh.url);
    try {
      // Without its trigger, PostgreSQL would derive no links from the plans: the copy must notice and roll back.
      await freshPool.query('DROP TRIGGER plan_services_written ON action_plans');
      const sqlite = new Database(sqlitePath, { readonly: true });
      const links = (sqlite.prepare('SELECT COUNT(*) AS n FROM plan_services').get() as { n: number }).n;
      const tables = sqliteTables(sqlite);
      sqlite.close();
      expect(links).toBeGreaterThan(0);
      await expect(copySqliteToPostgres(sqlitePath, freshPool)).rejects.toThrow(
        new RegExp(`^plan_services: ${links} rows in SQLite, 0 in PostgreSQL$`),
      );
      const counts = await postgresCounts(freshPool, tables);
      expect(Object.values(counts).every((count) => count === 0)).toBe(true);
    } finally {
      await freshPool.end();
      await fresh.drop();
    }
  });

  it('refuses an SQLite database that is not fully migrated, and leaves PostgreSQL empty', async () => {
    const fresh = await createTestDatabase();
    const freshPool = await openPostgres(fresh.url);
    try {
      const old = tempDataDir();
      const db = new Database(path.join(old, 'consultboard.db'));
      db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
      for (const migration of MIGRATIONS.slice(0, -1)) {
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, 0)').run(migration.version);
      }
      db.close();
      await expect(copySqliteToPostgres(path.join(old, 'consultboard.db'), freshPool)).rejects.toThrow(
        /^the SQLite database is not fully migrated \(missing migration 11\)/,
      );
      expect((await freshPool.query('SELECT COUNT(*) AS n FROM users')).rows[0].n).toBe(0);
      await expect(copySqliteToPostgres(path.join(old, 'nothing-here.db'), freshPool)).rejects.toThrow(
        /^no SQLite database at /,
      );
    } finally {
      await freshPool.end();
      await fresh.drop();
    }
  });

  it('ends with one clear line and exit code 1 when DATABASE_URL cannot be reached, never showing the password', async () => {
    const run = await runCli([
      '--data-dir',
      dataDir,
      '--database-url',
      'postgres://postgres:hunter2secret@127.0.0.1:1/test',
    ]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^DATABASE_URL: cannot connect to postgres:\/\/127\.0\.0\.1:1\/test \([^\n]+\)\n$/);
    expect(run.stderr).not.toContain('hunter2secret');
    expect(fs.existsSync(sqlitePath)).toBe(true);
  });
});
