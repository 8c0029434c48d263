import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    // The same blank PGlite cluster as the unit suite: every in-process server starts from it instead of initdb.
    globalSetup: ['server/test/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two files at a time: a file waits on the browser most of the time (one e2e file kept the two cores
    // 46% busy), and each file has its own server, database, browser and temporary files (named by pid).
    maxWorkers: 2,
    isolate: false,
    pool: 'forks',
  },
});
