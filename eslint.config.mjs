// `npm run lint` (and `npm test`): ESLint flat config in the manner of Microsoft's Office add-in templates —
// eslint-plugin-office-addins' recommended rules (office.js misuse: reading before load/sync, sync in loops, …),
// typescript-eslint's recommended rules, and React's rules of hooks for the pane.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The plugin's recommended config brings its own copies of typescript-eslint and prettier; take its rules, not
// those copies, so one typescript-eslint (ours) parses everything, .tsx included (the plugin's config skips .tsx).
// Formatting is not linted: the code is laid out by hand, and a formatter's rewrite of every file is not a lint fix.
const officeRecommended = Object.fromEntries(
  officeAddins.configs.recommended
    .flatMap((c) => Object.entries(c.rules ?? {}))
    .filter(([rule]) => !rule.startsWith('prettier/')),
);

export default tseslint.config(
  { ignores: ['dist/', 'dist-cli/', 'release/', 'demo/', 'coverage/', 'test-output/', 'node_modules/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    languageOptions: { globals: { ...globals.node, ...globals.browser, Office: 'readonly', Excel: 'readonly', OfficeExtension: 'readonly' } },
    rules: {
      ...officeRecommended,
      // A leading underscore marks a value left out on purpose (`const { id: _id, ...rest } = x`, an unused parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // The Excel double's proxies capture the object they stand for under its own name.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['self', 'ws', 'range'] }],
      // `let timer; const close = () => clearTimeout(timer); timer = setTimeout(close, …)`: read before it is set.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // React's rules of hooks for the pane's components and hook modules only: elsewhere `use…` names no hook
    // (useNativeInflate; the pane's services are plain functions).
    files: ['src/taskpane/**/*.tsx', 'src/taskpane/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    // TypeScript checks names itself (typescript-eslint's advice: no-undef only misfires on types and globals).
    files: ['**/*.{ts,tsx}'],
    rules: { 'no-undef': 'off' },
  },
  {
    // CommonJS files (webpack config, the CLI's launcher, preloads) are required, not imported.
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
      // A module's own `const crypto = require('crypto')` is not the global `crypto`.
      'no-redeclare': ['error', { builtinGlobals: false }],
    },
  },
  {
    // The pane's first script runs in Internet Explorer 11: parsed as ES5 (test/bootScript.test.ts does too), a
    // plain script, and ES5 has no catch without a binding.
    files: ['src/taskpane/boot/first.es5.js'],
    languageOptions: { ecmaVersion: 5, sourceType: 'script' },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
);
