// typescript-eslint's recommended rules over src, test and web; formatting is Prettier's (eslint-config-prettier).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'neo4j-local/**', '.data/**', 'coverage/**', 'scripts/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-console': 'error',
      // declared early for the shutdown handlers, assigned once later
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // the ingest and extraction patterns escape brackets inside classes for readability
      'no-useless-escape': 'off',
    },
  },
  {
    // lexicon JSON read as it comes and checked field by field; optional data packages loaded on first use
    files: ['src/extract/lexicon.ts', 'src/extract/en-orgs.ts', 'src/extract/en-words.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // jsdom is loaded lazily, typed by a local declaration file
    files: ['src/ingest/html-page.ts'],
    rules: { '@typescript-eslint/triple-slash-reference': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // user-facing output of the command-line entry points
    files: ['src/cli.ts', 'src/main.ts', 'src/api/emit-schema.ts', 'test/**', 'web/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // the integration tests read GraphQL answers (untyped JSON) and browser globals field by field
    files: ['test/integration/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
