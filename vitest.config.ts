import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'scripts/**/*.test.ts', 'web/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    // Generous: CI shares two cores between two PGlite files; a slow test is a benchmark matter, a hang still fails.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each file opens its own PGlite (~150 MB of WASM heap); two cores want few parallel files.
    maxWorkers: 2,
    // Files share a worker's module cache instead of importing the app afresh each (that cost about 2 s a
    // file, a third of the run). So no test mocks modules or changes process.env, a file that stubs a global
    // restores it in afterAll, and every file opens its own database and app; CI runs files in another
    // order than a laptop (and the Node 24 run in another again), which is how a leak shows.
    isolate: false,
  },
});
