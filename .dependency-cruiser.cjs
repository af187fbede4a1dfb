/**
 * Import rules checked in `npm run lint` (dependency-cruiser):
 * - no import cycles anywhere in our code (type-only imports included: a cycle of types is still a tangle)
 * - the server never imports the client (src/), the client never imports the server
 * - common/ (what both share) imports neither side
 * - the console (admin/) and the server talk over HTTP only; the console and the resident app share nothing but common/
 * Tests and scripts may reach both sides.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'an import cycle: modules that need each other should be one module, or share a third',
      from: {},
      to: { circular: true },
    },
    {
      name: 'server-not-client',
      severity: 'error',
      comment: 'the server imports shared code from common/, never from the client',
      from: { path: '^server/' },
      to: { path: '^src/' },
    },
    {
      name: 'client-not-server',
      severity: 'error',
      comment: 'the client talks to the server over HTTP only; shared code lives in common/',
      from: { path: '^src/', pathNot: '/__tests__/' },
      to: { path: '^server/' },
    },
    {
      name: 'admin-not-server',
      severity: 'error',
      comment: 'the console talks to the server over HTTP only; shared code lives in common/',
      from: { path: '^admin/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-admin',
      severity: 'error',
      comment: 'the server serves the console as built files, it never imports its code',
      from: { path: '^server/' },
      to: { path: '^admin/' },
    },
    {
      name: 'admin-not-client',
      severity: 'error',
      comment: 'the console and the resident app share only common/',
      from: { path: '^admin/' },
      to: { path: '^src/' },
    },
    {
      name: 'client-not-admin',
      severity: 'error',
      comment: 'the console and the resident app share only common/',
      from: { path: '^src/' },
      to: { path: '^admin/' },
    },
    {
      name: 'common-imports-neither',
      severity: 'error',
      comment: 'common/ is shared by both sides, so it imports neither',
      from: { path: '^common/' },
      to: { path: '^(src|server|admin|mock|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|coverage)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs'] },
  },
}
