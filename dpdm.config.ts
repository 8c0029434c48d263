/**
 * `npm run lint:cycles`: no import cycles anywhere in the code, type-only imports included (a type cycle
 * still ties two modules together). Every source folder is read, tests and scripts too, so a module no
 * entry point reaches is checked as well.
 */
export default {
  files: ['server/**/*.ts', 'common/**/*.ts', 'web/**/*.ts', 'web/**/*.tsx', 'scripts/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
  tree: false,
  warning: false,
  progress: false,
  exitCode: 'circular:1',
  // Known cycles, each as an "importer:imported" regexp whose edge is left out, with a comment naming why
  // and when it goes. Empty: there are none.
  skipImports: [],
};
