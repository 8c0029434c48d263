import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Module boundaries live here: common/ imports neither server/ nor web/; web/ never imports server/. */
const boundary = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
});

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
    files: ['common/**'],
    rules: boundary(['**/server/**', '**/web/**', 'fastify', 'pg', '@electric-sql/*', 'react', 'react-dom'], 'common/ is shared by server and web and must not import either.'),
  },
  {
    files: ['web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...boundary(['**/server/**', 'pg', '@electric-sql/*', 'fastify', 'drizzle-orm', 'drizzle-orm/*'], 'web/ talks to the server over HTTP only.'),
    },
  },
  {
    // Entry points and test/bench harnesses may read the environment (CLI flags, TEST_DATABASE_URL).
    files: ['server/config.ts', 'server/test/**', 'scripts/**', 'bench/**', 'e2e/**', '*.config.ts', '*.config.js'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
