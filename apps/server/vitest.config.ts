import { configDefaults, defineConfig } from 'vitest/config';

// With TEST_STORE=postgres the server's tests run a second time on PostgreSQL. Tests of SQLite itself (its file,
// WAL, flushes, migrations of an old file) are in *.sqlite.test.ts and run in the SQLite pass alone: each file's
// header says why it is SQLite's. Tests that choose their stores themselves (*.pg.test.ts: always PostgreSQL, or
// both side by side) run once, in the first pass.
const sqliteOnly = process.env.TEST_STORE === 'postgres' ? ['**/*.sqlite.test.ts', '**/*.pg.test.ts'] : [];

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...sqliteOnly],
    // Two files at a time: most of a file's time is its servers, sockets and disk (a core idles), and one worker (the
    // default on two cores) made the server's suite the longest part of npm test.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    globalSetup: ['test/globalSetup.ts'],
  },
});
