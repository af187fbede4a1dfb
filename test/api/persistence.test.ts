/** A second start on the same DATA_DIR (under test:pg, the same database) keeps content and sessions, and does not seed again. */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { SqliteStore } from '../../server/store/sqlite'
import { onPostgres } from './helpers/database'
import { makeTempDir } from './helpers/temp-dir'
import { bearer, postJson, startTestServer } from './helpers/test-server'

const dataDir = makeTempDir('zct-persist-')
afterAll(() => dataDir.remove())

it('keeps a session across a restart', async () => {
  const first = await startTestServer({ dataDir: dataDir.path, devLogin: true })
  expect((first.store as SqliteStore).seeded).toBe(true)
  // on PostgreSQL (test:pg) the data dir holds no database file; its database outlives the first server
  expect(existsSync(join(dataDir.path, 'zhengcetong.db'))).toBe(!onPostgres)
  const session = await (await first.api('/auth/dev', postJson({ role: 'dispatcher', name: '赵派单' }))).json()
  const policies = await (await first.api('/policies?pageSize=50')).json()
  await first.close()

  const second = await startTestServer({ dataDir: dataDir.path, devLogin: true })
  try {
    expect((second.store as SqliteStore).seeded).toBe(false)
    const me = await second.api('/auth/me', bearer(session.token))
    expect(me.status).toBe(200)
    expect(await me.json()).toEqual(session.user)
    expect(await (await second.api('/policies?pageSize=50')).json()).toEqual(policies)
  } finally {
    await second.close()
  }
})
