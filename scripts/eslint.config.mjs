// ESLint for the window's code (ui/js) and its unit tests (tests/ui): the recommended
// rules, and nothing that turns text into markup or code. The window shows what Twilio
// sends (names, reasons) and must never parse it: text goes in with textContent, h() and
// userText() only. Run from the repository's top folder (see scripts/package.json).
import js from '@eslint/js';
import globals from 'globals';

const NO_MARKUP = 'builds markup from text: use h(), textContent or userText() (ui/js/format.js) instead';

export default [
  js.configs.recommended,
  {
    files: ['ui/js/**/*.js'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['tests/ui/**/*.mjs'],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-properties': ['error',
        { object: 'document', property: 'write', message: NO_MARKUP },
        { object: 'document', property: 'writeln', message: NO_MARKUP },
        { object: 'window', property: 'eval', message: 'runs text as code' },
        { object: 'globalThis', property: 'eval', message: 'runs text as code' }],
      'no-restricted-syntax': ['error',
        { selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML|srcdoc)$/]', message: NO_MARKUP },
        { selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|createContextualFragment|setHTMLUnsafe|parseFromString)$/]', message: NO_MARKUP },
        { selector: 'CallExpression[callee.name=/^(setTimeout|setInterval)$/][arguments.0.type=/Literal$/]', message: 'runs text as code: pass a function' },
        { selector: 'NewExpression[callee.name=/^(Function|DOMParser)$/]', message: NO_MARKUP }],
      'no-unused-vars': ['error', { args: 'after-used', argsIgnorePattern: '^_', caughtErrors: 'none' }],
      'prefer-const': 'error',
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
    },
  },
];
