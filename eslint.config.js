import js from '@eslint/js';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';
import i18nextDefaults from 'eslint-plugin-i18next/lib/options/defaults.js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * What a layer may not import, by name. Globs match relative and package imports alike ("../db/schema.ts",
 * "../../db/connection.ts"); the message names the layer, the import and the reason.
 */
const TARGETS = {
  server: ['**/server/**'],
  web: ['**/web/**'],
  db: ['**/db/**', 'pg', 'drizzle-orm', 'drizzle-orm/*', '@electric-sql/*'],
  routes: ['**/routes/**'],
  http: ['**/http/**', 'fastify', '@fastify/*'],
  queries: ['**/queries/**'],
  commands: ['**/commands/**'],
  react: ['react', 'react-dom', 'react/*'],
  // The zod schemas: their values pull zod (about 29 KB gzipped) into the web's first load; types are free.
  schemas: ['**/common/schemas/*', 'zod', 'zod/*'],
  // Anything else that does I/O or holds state between requests.
  io: [
    '**/events/**', '**/email/**', '**/jobs/**', '**/graph/**', '**/screening/**', '**/importers/**',
    'node:fs', 'node:fs/*', 'fs', 'fs/*', 'node:net', 'node:http', 'node:child_process', 'node:worker_threads', 'nodemailer',
  ],
};

/**
 * The graph's storage adapters (load, persist, snapshots, verification against SQL) may use the database;
 * the rest of server/graph/ may not.
 */
const GRAPH_STORAGE = ['copy-out', 'load', 'load-copy', 'persist', 'service', 'snapshot', 'snapshot-schedule', 'sql', 'sql-test-tables', 'verify'].map(
  (f) => `server/graph/${f}.ts`,
);

/**
 * The layers: a folder, what it must not import (names from TARGETS), and why. One file belongs to at most one layer (a
 * second matching block would replace the first one's rule, not add to it). Tests are harnesses that set
 * up state through any layer, so they are not held to these.
 *
 * `types: true` lets a layer import types across the line: a type carries no I/O at run time, and views
 * and policies are handed the shapes that queries load.
 */
const LAYERS = [
  { layer: 'common/', files: ['common/**'], mustNot: ['server', 'web', 'db', 'http', 'react'], why: 'common/ is shared by server and web and must import neither' },
  { layer: 'web/', files: ['web/**'], mustNot: ['server', 'db', 'http', { target: 'schemas', types: true, why: 'only their types: plain values the web needs live beside them in common/ (e.g. common/notifications.ts)' }], why: 'web/ talks to the server over HTTP only' },
  { layer: 'server/views/', files: ['server/views/**'], mustNot: ['db', 'queries', 'commands', 'routes', 'http', 'io'], types: true, why: 'views are pure presenters of what was loaded' },
  { layer: 'server/policies/', files: ['server/policies/**'], mustNot: ['db', 'queries', 'commands', 'routes', 'http', 'io'], types: true, why: 'policies decide on loaded facts, without I/O' },
  { layer: 'server/graph/', files: ['server/graph/**'], ignores: GRAPH_STORAGE, mustNot: ['db', 'routes'], why: 'the graph index is in-memory; its storage adapters alone meet the database' },
  { layer: "server/graph/'s storage", files: GRAPH_STORAGE, mustNot: ['routes'], why: 'the graph serves routes, never the other way round' },
  { layer: 'server/db/', files: ['server/db/**'], mustNot: ['routes'], why: 'the database layer knows nothing of HTTP routes' },
  { layer: 'server/screening/', files: ['server/screening/**'], mustNot: ['db', 'commands', 'routes', 'http'], types: true, why: 'screening rules are pure functions of loaded facts: queries load them, commands write flags and restrictions' },
  { layer: 'server/hydration/', files: ['server/hydration/**'], mustNot: ['commands', 'routes'], why: 'hydration loads what a page shows; it never writes and knows nothing of routes' },
  { layer: 'server/viewer/', files: ['server/viewer/**'], mustNot: ['commands'], why: 'the viewer is loaded for reads; writes go through commands' },
  { layer: 'server/queries/', files: ['server/queries/**'], mustNot: ['commands', 'routes'], why: 'queries only read; commands may use queries, not the reverse' },
  { layer: 'server/imports/parse/', files: ['server/imports/parse/**'], mustNot: ['db', 'queries', 'commands', 'routes', 'http'], why: 'parsers turn an upload into records and issues without the database, so they can be fuzzed alone' },
  { layer: 'server/relationships/', files: ['server/relationships/**'], mustNot: ['commands', 'routes', 'http'], why: 'the interactions ledger is derived from events inside recordEvent, which commands call: it must not call them back' },
];

const boundaryBlock = ({ layer, files, ignores = [], mustNot, types = false, why }) => ({
  files,
  ignores: [...ignores, '**/*.test.ts', '**/*.test.tsx'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        // A target is a name from TARGETS, or { target, types, why } for a rule of its own within the layer.
        patterns: mustNot.map((entry) => {
          const rule = typeof entry === 'string' ? { target: entry, types, why } : entry;
          return { group: TARGETS[rule.target], allowTypeImports: rule.types, message: `${layer} must not import ${rule.target}: ${rule.why}.` };
        }),
      },
    ],
  },
});

/**
 * No literal text in the web's JSX (docs/i18n.md, "Checks"): JSX text, string expressions among a
 * component's children, and the attributes a person reads or hears. Everything else (className, style,
 * href/to, data-*, test ids, variants, sizes, colours, keys) is code, not words, so only these
 * attributes are checked. Punctuation, numbers, ALL-CAPS tokens, emoji and the product's name pass.
 * Not covered (code outside JSX): notification texts, document titles, option objects built before
 * the JSX; reviews and the e2e Italian walk (e2e/every-route-in-italian.e2e.ts) catch those.
 */
const I18N_VISIBLE_ATTRIBUTES = [
  'aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'aria-placeholder',
  'title', 'placeholder', 'label', 'description', 'alt', 'error', 'message', 'tooltip', 'caption',
  'legend', 'heading', 'subtitle', 'labels', 'emptyMessage', 'nothingFoundMessage', 'confirmLabel',
  'cancelLabel', 'closeButtonLabel', 'loadingLabel', 'hint', 'prefix', 'suffix',
];

/** The rule's options (exported for server/test/lint-i18n.test.ts). */
export const I18N_LITERAL_OPTIONS = {
  mode: 'jsx-only',
  'should-validate-template': true,
  'jsx-attributes': { include: I18N_VISIBLE_ATTRIBUTES },
  'jsx-components': { exclude: ['Trans', 'Code', 'Kbd'] },
  // Form field paths ("education.0.school") and example URLs are code, not words.
  words: { exclude: [...i18nextDefaults.words.exclude, 'Rapport', /^[^\p{L}]*$/u, '\\.?[a-z][A-Za-z0-9]*(\\.[A-Za-z0-9]*)+', '\\.[a-z][A-Za-z0-9]*', 'https?://\\S*'] },
  callees: {
    exclude: [...i18nextDefaults.callees.exclude, 'getInputProps', 'insertListItem', 'removeListItem', 'reorderListItem', 'setFieldValue', 'get', 'has', 'set', 'delete', 'navigate'],
  },
  message: 'Literal text in the UI: put it in a web/i18n/resources namespace and use t()',
};

/**
 * Web files exempt from the literal-string rule. Empty since every scene was translated (issue 11), and it
 * stays empty: a new screen is born translated. The test that fails when a listed file is clean keeps it
 * from becoming a place to hide text.
 */
export const I18N_PENDING = [];

/** The folders whose TypeScript the type-aware rules read (through the project's tsconfig). */
const TYPED = ['server', 'common', 'scripts', 'web', 'bench'].flatMap((d) => [`${d}/**/*.ts`, `${d}/**/*.tsx`]);

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'bench/results/', '.cache/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read configuration in server/config.ts only.' },
      ],
    },
  },
  {
    // A promise nobody awaits loses its error; one handed where a callback's result is ignored does too.
    files: TYPED,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  ...LAYERS.map(boundaryBlock),
  {
    files: ['web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['web/**/*.tsx'],
    ignores: ['web/**/*.test.tsx', ...I18N_PENDING],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', I18N_LITERAL_OPTIONS],
    },
  },
  {
    // Entry points and test/bench harnesses may read the environment (CLI flags, TEST_DATABASE_URL).
    files: ['server/config.ts', 'server/test/**', 'scripts/**', 'bench/**', 'e2e/**', '*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
