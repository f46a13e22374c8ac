// Lint: typescript-eslint's recommended type-aware rules, plus the layer rules from DESIGN.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const polyfillOnlyInPlatform = {
  name: 'webextension-polyfill',
  message: 'Only src/platform/ imports the polyfill: use src/platform/browser.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.output/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [polyfillOnlyInPlatform],
          patterns: [
            {
              group: [
                '**/platform/**',
                '**/background/**',
                '**/popup/**',
                '**/options/**',
                '**/ui/**',
                '**/shared/**',
                'preact',
                'preact/*',
              ],
              message: 'core/ is pure: no browser, no UI, no storage.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'fetch', 'chrome', 'browser', 'window', 'document', 'localStorage'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core/ takes time as an argument.' },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/platform/**', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [polyfillOnlyInPlatform] }] },
  },
  {
    files: ['src/popup/**', 'src/options/**', 'src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [polyfillOnlyInPlatform],
          patterns: [{ group: ['**/background/**'], message: 'Pages talk to the background only through messages.' }],
        },
      ],
    },
  },
  {
    files: ['tools/**', 'e2e/**', 'bench/**', '*.config.*'],
    rules: { 'no-console': 'off' },
  },
);
