import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, run through ESLint's own API on source text that claims to live in
 * a layer's folder: a breach must be reported (so `npm run lint` fails the build), a legitimate import not.
 * Nothing is written to disk. The type-aware rules are off here: they need a file the TypeScript project
 * knows, and these sources exist only in memory; the boundary rules read syntax alone.
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

const RULE = '@typescript-eslint/no-restricted-imports';

async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = [x];\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const breaches: { rule: string; filePath: string; code: string }[] = [
  { rule: 'views never import db', filePath: 'server/views/breach.ts', code: "import { members as x } from '../db/schema.ts';" },
  { rule: 'views never import a query (values)', filePath: 'server/views/breach.ts', code: "import { loadProfile as x } from '../queries/profiles.ts';" },
  { rule: 'views do no I/O', filePath: 'server/views/breach.ts', code: "import { readFileSync as x } from 'node:fs';" },
  { rule: 'policies never import db', filePath: 'server/policies/breach.ts', code: "import { rows as x } from '../db/connection.ts';" },
  { rule: 'policies never import queries', filePath: 'server/policies/breach.ts', code: "import { blockBetween as x } from '../queries/network/blocks.ts';" },
  { rule: 'policies never import commands', filePath: 'server/policies/breach.ts', code: "import { blockMember as x } from '../commands/network/blocks.ts';" },
  { rule: 'graph never imports db', filePath: 'server/graph/breach.ts', code: "import { rows as x } from '../db/connection.ts';" },
  { rule: 'graph never imports routes', filePath: 'server/graph/breach.ts', code: "import { graphRoutes as x } from '../routes/network/graph.ts';" },
  { rule: "graph's storage never imports routes", filePath: 'server/graph/persist.ts', code: "import { graphRoutes as x } from '../routes/network/graph.ts';" },
  { rule: 'db never imports routes', filePath: 'server/db/breach.ts', code: "import { authRoutes as x } from '../routes/auth/auth.ts';" },
  { rule: 'screening rules never touch the database', filePath: 'server/screening/breach.ts', code: "import { rows as x } from '../db/connection.ts';" },
  { rule: 'screening rules never call commands', filePath: 'server/screening/breach.ts', code: "import { blockMember as x } from '../commands/network/blocks.ts';" },
  { rule: 'queries never import commands', filePath: 'server/queries/network/breach.ts', code: "import { blockMember as x } from '../../commands/network/blocks.ts';" },
  { rule: 'common never imports server', filePath: 'common/breach.ts', code: "import { loadConfig as x } from '../server/config.ts';" },
  { rule: 'common never imports web', filePath: 'common/breach.ts', code: "import { api as x } from '../web/api.ts';" },
  { rule: 'web never imports server', filePath: 'web/scenes/breach.tsx', code: "import { buildApp as x } from '../../server/app.ts';" },
  { rule: 'web never imports a zod schema (values)', filePath: 'web/scenes/breach.tsx', code: "import { postCreate as x } from '../../common/schemas/posts.ts';" },
];

const allowed: { why: string; filePath: string; code: string }[] = [
  { why: 'a view may take a query result type', filePath: 'server/views/fine.ts', code: "import type { ProfileData as x } from '../queries/profiles.ts';" },
  { why: 'a policy may name the actor', filePath: 'server/policies/fine.ts', code: "import type { Actor as x } from '../auth/actor.ts';" },
  { why: 'a command may read through a query', filePath: 'server/commands/network/fine.ts', code: "import { blockBetween as x } from '../../queries/network/blocks.ts';" },
  { why: "the graph's storage meets the database", filePath: 'server/graph/persist.ts', code: "import { rows as x } from '../db/connection.ts';" },
  { why: 'web uses common', filePath: 'web/scenes/fine.tsx', code: "import { LIMITS as x } from '../../common/limits.ts';" },
  { why: 'web may name a schema type', filePath: 'web/scenes/fine.tsx', code: "import type { PostView as x } from '../../common/schemas/posts.ts';" },
];

describe('lint boundaries', () => {
  it.each(breaches)('reports a breach: $rule', async ({ filePath, code }) => {
    const messages = await boundaryMessages(filePath, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/must not import/);
  });

  it.each(allowed)('accepts a legitimate import: $why', async ({ filePath, code }) => {
    expect(await boundaryMessages(filePath, code)).toEqual([]);
  });

  it('names the layer, the import and the reason in the message', async () => {
    const [message] = await boundaryMessages('server/queries/breach.ts', "import { blockMember as x } from '../commands/network/blocks.ts';");
    expect(message).toContain('server/queries/ must not import commands: queries only read; commands may use queries, not the reverse.');
  });
});
