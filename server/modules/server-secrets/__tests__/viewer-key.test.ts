/**
 * The anonymous video viewer's id is an HMAC of the address under a secret of the data directory
 * (review L8): not the bare sha256 anyone can reverse by hashing all IPv4 addresses, the same
 * after a restart (so a restart does not let everyone count again), different per data directory.
 */
import { createHash, createHmac } from 'node:crypto'
import { makeTempDir } from '../../../../test/api/helpers/temp-dir'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

const secretOf = async (server: TestServer) =>
  (await server.store.database.kysely.selectFrom('server_secrets').select('value').where('name', '=', 'viewer-key').executeTakeFirst())?.value
const anonViewers = async (server: TestServer) =>
  (await server.store.database.kysely.selectFrom('video_views').select('viewer_key').where('viewer_key', 'like', 'anon:%').execute()).map((r) => r.viewer_key)

async function viewFirstVideo(server: TestServer) {
  const { items } = (await (await server.api('/videos')).json()) as { items: { id: string }[] }
  const res = await server.api(`/videos/${items[0].id}/views`, { method: 'POST' })
  expect(res.status).toBe(200)
  return (await res.json()) as { counted: boolean }
}

it('keys an anonymous viewer by an HMAC of the address under the data directory’s secret, kept across restarts', async () => {
  const dir = makeTempDir()
  const other = makeTempDir()
  let server = await startTestServer({ dataDir: dir.path })
  try {
    expect((await viewFirstVideo(server)).counted).toBe(true)
    const secret = (await secretOf(server))!
    expect(secret).toMatch(/^[0-9a-f]{64}$/)
    const [viewer] = await anonViewers(server)
    // not the reversible bare hash of the address; the keyed one
    expect(viewer).not.toBe(`anon:${createHash('sha256').update('127.0.0.1').digest('hex').slice(0, 32)}`)
    expect(viewer).toBe(`anon:${createHmac('sha256', Buffer.from(secret, 'hex')).update('127.0.0.1').digest('hex').slice(0, 32)}`)

    await server.close()
    server = await startTestServer({ dataDir: dir.path })
    // same secret after a restart, so the same viewer within the window does not count again
    expect(await secretOf(server)).toBe(secret)
    expect((await viewFirstVideo(server)).counted).toBe(false)
    expect(await anonViewers(server)).toEqual([viewer])

    const elsewhere = await startTestServer({ dataDir: other.path })
    try {
      await viewFirstVideo(elsewhere)
      expect(await secretOf(elsewhere)).not.toBe(secret)
      expect(await anonViewers(elsewhere)).not.toEqual([viewer])
    } finally {
      await elsewhere.close()
    }
  } finally {
    await server.close()
    dir.remove()
    other.remove()
  }
})
