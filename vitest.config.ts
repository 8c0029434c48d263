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
  },
});
