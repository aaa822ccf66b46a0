import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the PostgreSQL tests run on (a database of their own is created there for each file). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** The address of another database on the same server. */
export function databaseUrl(name: string, base = TEST_DATABASE_URL): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, empty database `cb_<random>` on TEST_DATABASE_URL's server, and how to drop it. A server that cannot be
 * reached fails the test with what to do: these tests never skip.
 */
export async function createTestDatabase(
  prefix = 'cb_',
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 10_000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is needed for this test and cannot be reached at TEST_DATABASE_URL (${TEST_DATABASE_URL}): ` +
        `${(error as Error).message}. Start PostgreSQL there or point TEST_DATABASE_URL at one.`,
    );
  }
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: databaseUrl(name),
    drop: async () => {
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
