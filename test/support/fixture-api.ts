/**
 * Component tests talk to the real API routes on SQLite in memory loaded from mock/fixtures,
 * through Fastify's inject (no sockets): same fixtures, same rules, same error bodies as the
 * server. `setupFixtureApi()` installs it as the app's ApiClient for the test file.
 */
import { setImmediate as nodeSetImmediate } from 'node:timers'
import { deserialize, serialize } from 'node:v8'
import path from 'node:path'
import { fixtures } from '../../mock/fixtures'
import { buildApp } from '../../server/app'
import { type SqliteStore } from '../../server/store/sqlite'
import { openStore } from '../../server/store/open-store'
import { ApiClient, type Transport } from '../../src/api/client'
import { setApi, useSessionStore } from '../../src/api'
import type { UploadTransport } from '../../src/features/lectures/api/upload-photo'

// jsdom drops Node's setImmediate and structuredClone, which Fastify and the store use.
globalThis.setImmediate ??= nodeSetImmediate as unknown as typeof globalThis.setImmediate
globalThis.structuredClone ??= (<T>(value: T): T => deserialize(serialize(value))) as typeof structuredClone

export interface FixtureApi {
  client: ApiClient
  /** the store behind the routes, to change data the way another user would */
  store: SqliteStore
  /** every request the client made, as `METHOD /path?query` */
  requests: string[]
  /** the next N requests (matching `only`, if given) fail at the transport, like a dropped connection */
  failNext: (n?: number, only?: RegExp) => void
  /** the next request matching `only` reaches the server, but its answer is lost on the way back */
  loseNextAnswer: (only: RegExp) => void
  /** photo uploads as the H5 client posts them (multipart), through the real route; install with setUploadTransport */
  upload: UploadTransport
  close: () => Promise<void>
}

/** a Blob's bytes (jsdom's File/Blob, read as the browser would) */
function bytesOf(blob: Blob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(Buffer.from(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(blob)
  })
}

export async function createFixtureApi(options: { now?: () => Date } = {}): Promise<FixtureApi> {
  const store = await openStore({ kind: 'memory', fixtures, ...(options.now ? { now: options.now } : {}) })
  const app = buildApp({ store, mode: 'mock', logger: false, devLogin: true, mediaDir: path.join(__dirname, '../../mock/media') })
  const requests: string[] = []
  let failures = 0
  let failOnly: RegExp | undefined
  let loseOnly: RegExp | undefined
  const transport: Transport = async (req) => {
    const url = req.url.replace(/^https?:\/\/[^/]+/, '')
    requests.push(`${req.method} ${url}`)
    if (failures > 0 && (!failOnly || failOnly.test(url))) {
      failures--
      const { transportError } = await import('../../src/api/errors')
      throw transportError('request:fail')
    }
    const res = await app.inject({
      method: req.method,
      url,
      headers: req.header,
      payload: req.data === undefined ? undefined : JSON.stringify(req.data),
    })
    if (loseOnly?.test(url)) {
      loseOnly = undefined
      const { transportError } = await import('../../src/api/errors')
      throw transportError('request:fail')
    }
    const data = req.as === 'text' ? res.body : res.body ? res.json() : undefined
    return { statusCode: res.statusCode, data, header: res.headers as Record<string, string> }
  }
  const client = new ApiClient({ baseUrl: '', transport, sleep: async () => undefined, getToken: () => useSessionStore.getState().token })
  return {
    client,
    store,
    requests,
    failNext: (n = 1, only) => {
      failures = n
      failOnly = only
    },
    loseNextAnswer: (only) => {
      loseOnly = only
    },
    upload: async (req) => {
      const url = req.url.replace(/^https?:\/\/[^/]+/, '')
      requests.push(`POST ${url}`)
      const boundary = 'zct-fixture-boundary'
      const bytes = typeof req.photo.source === 'string' ? Buffer.from(req.photo.source) : await bytesOf(req.photo.source)
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${req.photo.name ?? 'photo'}"\r\ncontent-type: application/octet-stream\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ])
      req.onProgress?.(1)
      const res = await app.inject({
        method: 'POST',
        url,
        headers: {
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'idempotency-key': req.idempotencyKey,
          ...(req.token ? { authorization: `Bearer ${req.token}` } : {}),
        },
        payload,
      })
      return { statusCode: res.statusCode, data: res.body ? res.json() : undefined }
    },
    close: () => app.close(),
  }
}

/** Installs a fixture API for the current test file and returns it (`now`: a clock the test moves). */
export function setupFixtureApi(options: { now?: () => Date } = {}): FixtureApi {
  // filled in before the file's first test: opening the store is asynchronous
  const api = {} as FixtureApi
  beforeAll(async () => {
    Object.assign(api, await createFixtureApi(options))
    setApi(api.client)
  })
  beforeEach(() => {
    api.requests.length = 0
  })
  afterAll(() => api.close())
  return api
}
