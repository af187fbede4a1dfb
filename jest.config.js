/** Two projects: `api` (node: server + API tests on a real SQLite file, or PostgreSQL under `npm run test:pg`) and `web` (jsdom: Taro components). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2020',
    },
    module: { type: 'commonjs' },
  },
]

const taroGlobals = {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  SUPPORT_TARO_POLYFILL: 'disabled',
  SUPPORT_DINGTALK_NAVIGATE: 'disabled',
}

module.exports = {
  // a global option (jest ignores testTimeout inside a project): real servers on real databases,
  // a test of hundreds of requests (the lecture safety net, the fuzz) and a page's first render
  // (its chunk of modules) have each taken over jest's default 5 s on a busy 2-core machine
  testTimeout: 20_000,
  projects: [
    {
      displayName: 'api',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/api/**/*.test.ts', '<rootDir>/server/**/__tests__/**/*.test.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      // Kysely ships only ES modules: compile it to CommonJS like our own code
      transformIgnorePatterns: ['/node_modules/(?!kysely/)'],
      // under test:pg, drops the PostgreSQL databases a test server left behind
      globalTeardown: '<rootDir>/test/api/helpers/drop-test-databases.ts',
    },
    {
      displayName: 'admin',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/admin/**/__tests__/**/*.test.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-admin.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      moduleNameMapper: {
        '^@common/(.*)$': '<rootDir>/common/$1',
        // jsdom has no canvas: the dashboard's ECharts is a recorder
        '^\\./echarts$': '<rootDir>/test/mocks/echarts.ts',
        // jsdom lays nothing out: antd's TextArea autoSize measures nothing, at great cost (see the mock)
        '^\\./calculateNodeHeight$': '<rootDir>/test/mocks/textarea-autosize.ts',
        '\\.(css|scss|less)$': 'identity-obj-proxy',
      },
    },
    {
      displayName: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts?(x)'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-web.ts'],
      globals: taroGlobals,
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
        '^@/(.*)$': '<rootDir>/src/$1',
        '^@common/(.*)$': '<rootDir>/common/$1',
        // jsdom has no canvas: the chart's ECharts is a recorder (e2e checks real pixels)
        '^\\./echarts$': '<rootDir>/test/mocks/echarts.ts',
        '\\.(css|scss|sass|less)$': 'identity-obj-proxy',
        '\\.(png|jpe?g|gif|svg)$': '<rootDir>/test/mocks/file.ts',
      },
      transform: { '^.+\\.(t|j)sx?$': swc, '^.+\\.mjs$': swc },
      transformIgnorePatterns: [
        '/node_modules/(?!(kysely|@tarojs|@stencil|swiper|ssr-window|dom7|tslib|cookie|set-cookie-parser|\\.pnpm|@rollup_plugin-typescript[^/]*)/)',
      ],
      // like Taro's H5 build, prefer `name.h5.tsx` for a platform pair (`chart.h5.tsx` / `chart.weapp.tsx`)
      moduleFileExtensions: ['h5.tsx', 'h5.ts', 'ts', 'tsx', 'js', 'jsx', 'mjs', 'json'],
    },
  ],
}
