import pg from 'pg';
import { PG_MIGRATIONS } from './migrations.js';

// int8 (BIGINT: ms timestamps, identity ids, COUNT(*)) comes back as a JS number, as better-sqlite3 gives it, so the
// repositories see the same values on both stores. Every value the app keeps is far below 2^53.
pg.types.setTypeParser(20, Number);

export type PgPool = pg.Pool;

/**
 * The key of the advisory lock that serialises migrations across nodes: any fixed 64-bit number that nothing else
 * locks on ('cbmigrat' in ASCII).
 */
export const MIGRATION_LOCK_KEY = '7161692797937623412';

/** A configuration the process cannot start with: the message is one line, fit to print as it is. */
export class PostgresStartError extends Error {
  override name = 'PostgresStartError';
}

/** The address without its user name and password, to show in messages: postgres://host:port/db. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname || '/'}`;
  } catch {
    return 'postgres://?';
  }
}

/** The reason of a connection failure on one line, with the password (if any slipped in) taken out. */
function reasonOf(error: unknown, url: string): string {
  let reason =
    error instanceof AggregateError && error.errors.length > 0
      ? (error.errors as unknown[]).map((item) => (item instanceof Error ? item.message : String(item))).join('; ')
      : error instanceof Error
        ? error.message || (error as NodeJS.ErrnoException).code || error.name
        : String(error);
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password) reason = reason.split(password).join('***');
  } catch {
    // Not a URL: there is no password to hide.
  }
  return reason.replace(/\s+/g, ' ').trim();
}

export interface OpenPostgresOptions {
  /** Connections in the pool (default 10). */
  max?: number;
  /** How long to wait for the server before giving up (default 10 s), so a black-holed host fails at start. */
  connectTimeoutMs?: number;
  /** Told of an error on an idle connection (the server restarting); the pool replaces it. Default: stderr. */
  onIdleError?: (error: Error) => void;
}

/**
 * Opens a pool on DATABASE_URL, checks that it connects, and brings the schema up to date. Any failure to connect
 * (unreachable, refused, wrong password, no such database) is a PostgresStartError of one line naming the address
 * without its credentials.
 */
export async function openPostgres(url: string, options: OpenPostgresOptions = {}): Promise<PgPool> {
  const where = describeUrl(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new PostgresStartError('DATABASE_URL: not a valid address (expected postgres://user@host:port/database)');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new PostgresStartError(`DATABASE_URL: must start with postgres:// (not ${parsed.protocol}//)`);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  const onIdleError =
    options.onIdleError ?? ((error: Error) => process.stderr.write(`PostgreSQL connection lost: ${error.message}\n`));
  pool.on('error', onIdleError);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new PostgresStartError(`DATABASE_URL: cannot connect to ${where} (${reasonOf(error, url)})`);
  }
  try {
    await migrate(client);
  } catch (error) {
    client.release(true);
    await pool.end().catch(() => undefined);
    throw new PostgresStartError(`DATABASE_URL: migrating ${where} failed (${reasonOf(error, url)})`);
  }
  client.release();
  return pool;
}

/**
 * Applies every migration not yet recorded, each in its own transaction. Each transaction first takes the
 * migrations' advisory lock (released at its commit or rollback, or by the server if the node dies), then reads
 * what is applied: a node that waited finds the work done and applies nothing twice.
 */
export async function migrate(client: pg.ClientBase): Promise<void> {
  for (;;) {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)',
      );
      const applied = new Set(
        (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map(
          (row) => row.version,
        ),
      );
      const next = PG_MIGRATIONS.find((migration) => !applied.has(migration.version));
      if (!next) {
        await client.query('COMMIT');
        return;
      }
      await client.query(next.sql);
      await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
        next.version,
        Date.now(),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
