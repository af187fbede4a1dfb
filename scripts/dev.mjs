#!/usr/bin/env node
/**
 * `npm run dev` (H5 dev server with hot reload on :10086, proxying /api and /media) and
 * `npm run dev:weapp` (watch build into dist/weapp for WeChat DevTools), each beside the
 * content API in mock mode on :8080 (API_PORT overrides). Ctrl-C stops both. The API runs as the
 * local demo (`--demo`: dev login, the 演示模式 banner, SMS codes in the log) because this script
 * asks for it, not because of mock mode; ALLOW_DEV_LOGIN=0 still turns dev login off.
 */
import { spawn } from 'node:child_process'

const target = process.argv[2] === 'weapp' ? 'weapp' : 'h5'
const apiPort = process.env.API_PORT ?? '8080'
const children = [
  spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--mock', '--demo'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort, API_MODE: 'mock' },
  }),
  spawn('npx', ['taro', 'build', '--type', target, '--watch'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'development', API_PORT: apiPort },
  }),
]
const stop = () => children.forEach((c) => c.exitCode === null && c.kill('SIGINT'))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
children.forEach((c) =>
  c.on('exit', (code) => {
    stop()
    process.exitCode = code ?? 0
  }),
)
