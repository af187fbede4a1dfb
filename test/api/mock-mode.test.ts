/** Mock mode: the store in memory, dev login only when asked (readConfig: `--demo`, which `npm run dev` passes; never by mock mode alone), and fault injection on /api/v1 except /health. */
import { SIMULATED_FAILURE_MESSAGE } from '../../server/plugins/fault-injection'
import { postJson, startTestServer } from './helpers/test-server'

it('MOCK_ERROR_RATE=1 answers 503 everywhere but /health', async () => {
  const server = await startTestServer({ storeKind: 'memory', mode: 'mock', faults: { latencyMs: 0, errorRate: 1 } })
  try {
    for (const path of ['/policies', '/home', '/campaigns', '/policies/p001']) {
      const res = await server.api(path)
      expect(res.status).toBe(503)
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(await res.json()).toEqual({ error: { code: 'unavailable', message: SIMULATED_FAILURE_MESSAGE } })
    }
    expect((await server.api('/health')).status).toBe(200)
  } finally {
    await server.close()
  }
})

it('MOCK_LATENCY_MS delays API responses, not /health', async () => {
  const server = await startTestServer({ storeKind: 'memory', mode: 'mock', faults: { latencyMs: 200, errorRate: 0 } })
  try {
    const timed = async (path: string) => {
      const t = performance.now()
      expect((await server.api(path)).status).toBe(200)
      return performance.now() - t
    }
    expect(await timed('/topics')).toBeGreaterThanOrEqual(190)
    expect(await timed('/health')).toBeLessThan(150)
  } finally {
    await server.close()
  }
})

it('mock mode alone has no dev login: POST /auth/dev is absent unless the demo asks for it', async () => {
  const server = await startTestServer({ storeKind: 'memory', mode: 'mock' })
  try {
    expect((await server.api('/topics')).status).toBe(200)
    expect((await server.api('/auth/dev', postJson({ role: 'admin' }))).status).toBe(404)
    expect(await (await server.api('/app-config')).json()).toEqual({ demo: false, lectureLeadDays: 3 })
  } finally {
    await server.close()
  }
})

it('without faults, mock mode serves the fixtures and allows dev login when asked', async () => {
  const server = await startTestServer({ storeKind: 'memory', mode: 'mock', devLogin: true })
  try {
    expect(server.store.database.sqlite!.name).toBe(':memory:')
    expect((await server.api('/topics')).status).toBe(200)
    expect((await server.api('/auth/dev', postJson({ role: 'admin' }))).status).toBe(200)
  } finally {
    await server.close()
  }
})

it('faults are ignored outside mock mode', async () => {
  const server = await startTestServer({ mode: 'sqlite', faults: { latencyMs: 0, errorRate: 1 } })
  try {
    expect((await server.api('/topics')).status).toBe(200)
  } finally {
    await server.close()
  }
})
