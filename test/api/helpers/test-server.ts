/**
 * The real server on a random port, over a SQLite file in a temp dir (or the memory store):
 * API tests talk to it with global fetch, as a client would.
 */
import type { AddressInfo } from 'node:net'
import { fixtures as realFixtures } from '../../../mock/fixtures'
import type { Fixtures } from '../../../mock/types'
import { buildApp, type BuildAppOptions } from '../../../server/app'
import { openStore, type StoreKind } from '../../../server/store/open-store'
import type { Store } from '../../../server/store/store'
import type { App } from '../../../server/type-provider'
import { makeTempDir } from './temp-dir'

export interface TestServerOptions extends Partial<Omit<BuildAppOptions, 'store'>> {
  storeKind?: StoreKind
  fixtures?: Fixtures
  now?: () => Date
  /** reuse a data dir (second start); otherwise a fresh temp dir is made and removed */
  dataDir?: string
  /** called with the app before it listens, e.g. to add a test-only route */
  beforeListen?: (app: App) => void
}

export interface TestServer {
  url: string
  app: App
  store: Store
  dataDir: string
  /** fetch a path of the server: `api('/policies')` → GET /api/v1/policies */
  api: (path: string, init?: RequestInit) => Promise<Response>
  get: (path: string, init?: RequestInit) => Promise<Response>
  close: () => Promise<void>
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { storeKind = 'sqlite', fixtures = realFixtures, now, beforeListen, ...appOptions } = options
  const temp = options.dataDir ? undefined : makeTempDir()
  const dataDir = options.dataDir ?? temp!.path
  const store = await openStore({ kind: storeKind, fixtures, dataDir, now })
  const app = buildApp({ mode: 'sqlite', ...appOptions, store })
  beforeListen?.(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const { port } = app.server.address() as AddressInfo
  const url = `http://127.0.0.1:${port}`
  const get = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init)
  return {
    url,
    app,
    store,
    dataDir,
    get,
    api: (path, init) => get(`/api/v1${path}`, init),
    async close() {
      await app.close()
      store.close()
      temp?.remove()
    },
  }
}

export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }
}

export function bearer(token: string): RequestInit {
  return { headers: { authorization: `Bearer ${token}` } }
}
