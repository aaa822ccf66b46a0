import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_DATABASE_URL } from './helpers/postgres.js';

/**
 * With TEST_STORE=postgres, every test server gets a database of its own (helpers/testServer.ts); this names the
 * run, so its databases (and only its) are dropped when it ends.
 */
export default function setup() {
  if (process.env.TEST_STORE !== 'postgres') return;
  const run = randomBytes(4).toString('hex');
  process.env.CB_TEST_RUN = run;
  return async () => {
    const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'cbt\\_' || $1 || '\\_%'",
        [run],
      );
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  };
}
