import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'out/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Determinism: the simulation core may not touch global randomness or the clock.
    files: ['sim/**/*.ts'],
    ignores: ['sim/cli/**'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the model RNG (sim/rng.ts).' },
        { object: 'Date', property: 'now', message: 'The simulation core must not read the clock.' },
        { object: 'performance', property: 'now', message: 'The simulation core must not read the clock.' },
      ],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'The simulation core must not read the clock.' }],
    },
  },
  {
    // Node scripts; the web benchmark's page.evaluate callbacks run in the browser.
    files: ['scripts/**/*.js', 'bin/**/*.js', 'bench/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
