import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildApp } from '../server/app.ts';
import { testConfig } from '../server/config.ts';

/**
 * `npm run lint:openapi`: builds the app on an in-memory PGlite, writes the OpenAPI document it serves
 * at /api/docs/json, and lints it with Redocly's recommended rules (redocly.yaml). Any error or warning
 * fails. The document goes to test-results/ (gitignored; CI keeps that folder) at a fixed path, because
 * .redocly.lint-ignore.yaml names its exceptions by file.
 */
const OUTPUT = 'test-results/openapi.json';

async function main(): Promise<number> {
  const app = await buildApp(testConfig(), { background: false });
  try {
    await app.ready();
    mkdirSync(dirname(OUTPUT), { recursive: true });
    writeFileSync(OUTPUT, `${JSON.stringify(app.swagger(), null, 2)}\n`);
  } finally {
    await app.close();
  }
  const lint = spawnSync('node_modules/.bin/redocly', ['lint', OUTPUT, '--config', 'redocly.yaml', '--max-problems', '1000'], { stdio: 'inherit' });
  if (lint.error) throw lint.error;
  return lint.status ?? 1;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
