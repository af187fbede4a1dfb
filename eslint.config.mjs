// ESLint flat config: `npm run lint` (zero warnings allowed; part of `npm test`).
// Formatting is Prettier's job (`npm run format`), so eslint-config-prettier comes last.
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'data/', 'coverage/', '.swc/', 'test-results/', 'test/e2e/screenshots/', 'mock/media/'],
  },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // unused names are tsc's job (noUnusedLocals / noUnusedParameters in tsconfig.json); the
      // linter would report the same names twice with different exceptions
      '@typescript-eslint/no-unused-vars': 'off',
      // comments quote the full-width text the content check normalises (「傻　Ｂ」); code and strings are still checked
      'no-irregular-whitespace': ['error', { skipComments: true }],
    },
  },

  // the client: browser + Taro's build-time constants
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, API_BASE: 'readonly' } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      // not extended to useRequest/usePagedList (additionalHooks): their deps are reload triggers
      // like useEffect's, but the rule checks them like useCallback's and calls the deliberate
      // triggers (the signed-in user, a round counter) unnecessary
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // the 政务工作台 console (Vite + React in the browser)
  {
    files: ['admin/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // the server, scripts, build config and the API/e2e tests run on Node
  {
    files: ['server/**', 'scripts/**', 'config/**', 'mock/**', 'test/**', '*.{js,mjs,cjs,ts}', 'admin/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  // CommonJS config files (jest, babel)
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // jest: component tests (jsdom) and their support files, API and server tests (node)
  {
    files: ['**/__tests__/**', 'test/**/*.test.ts', 'test/setup-web.ts', 'test/mocks/**', 'test/support/**', 'test/api/helpers/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ['test/setup-web.ts', 'test/setup-admin.ts', 'test/mocks/**', 'test/support/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // e2e specs run in Node and hand functions to the page (page.evaluate), which run in the browser
  {
    files: ['test/e2e/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  prettier,
)
