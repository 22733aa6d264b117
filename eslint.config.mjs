// eslint's flat configuration: the page's own JavaScript (lstm/ui/components), ES modules run in the browser.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    files: ['lstm/ui/components/**/*.js'],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: globals.browser,
    },
    rules: {
      ...js.configs.recommended.rules,
      eqeqeq: 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      'no-implicit-globals': 'error',
      'max-len': ['error', { code: 120, ignoreUrls: true }],
    },
  },
];
