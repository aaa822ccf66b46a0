// Copies a Consultboard SQLite database (DATA_DIR/consultboard.db) into an EMPTY PostgreSQL database, then checks
// that every row of every table arrived. Run from the root with the server stopped:
//   pnpm db:copy-to-postgres -- --data-dir <DATA_DIR> --database-url postgres://user@host:5432/db
// (DATA_DIR and DATABASE_URL from the environment when the options are not given). Exit 0 after a verified copy;
// 1 with one line on stderr when refused or failed, and then PostgreSQL is left as it was.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CopyError, copySqliteToPostgres } from '../db/postgres/copyFromSqlite.js';
import { describeUrl, openPostgres, type PgPool, PostgresStartError } from '../db/postgres/database.js';

const USAGE = 'usage: db:copy-to-postgres -- --data-dir <DATA_DIR> --database-url postgres://user@host:port/database';

function fail(message: string): never {
  process.stderr.write(`${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values: { 'data-dir'?: string; 'database-url'?: string };
  try {
    // pnpm passes the "--" that separates its own options through: it is not ours.
    ({ values } = parseArgs({
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: { 'data-dir': { type: 'string' }, 'database-url': { type: 'string' } },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}; ${USAGE}`);
  }
  const dataDir = values['data-dir'] ?? process.env.DATA_DIR;
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  if (!dataDir) fail(`--data-dir is missing; ${USAGE}`);
  if (!url) fail(`--database-url is missing; ${USAGE}`);
  // pnpm runs the script in apps/server: a relative folder means the one the operator typed it in.
  const sqlitePath = path.resolve(process.env.INIT_CWD ?? process.cwd(), dataDir, 'consultboard.db');

  let pool: PgPool | null = null;
  try {
    pool = await openPostgres(url, { max: 2 });
    const tables = await copySqliteToPostgres(sqlitePath, pool);
    const width = Math.max(5, ...tables.map((table) => table.table.length));
    const lines = [
      `${'table'.padEnd(width)}  ${'rows'.padStart(9)}  verified`,
      ...tables.map(
        (table) => `${table.table.padEnd(width)}  ${String(table.rows).padStart(9)}  ${table.verified ? 'yes' : 'NO'}`,
      ),
      `Copied ${tables.reduce((sum, table) => sum + table.rows, 0)} rows of ${tables.length} tables into ${describeUrl(url)}: every row verified.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    if (error instanceof PostgresStartError || error instanceof CopyError) fail(error.message);
    fail(`the copy failed (${(error as Error).message ?? String(error)})`);
  } finally {
    await pool?.end().catch(() => undefined);
  }
}

await main();
