import { fixtures } from '../mock/fixtures'
import { openStore } from '../server/store/open-store'
import { startAttempt, submitAttempt } from '../server/modules/quiz/service'
import pg from 'pg'
async function main() {
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' }); await admin.connect()
  await admin.query('DROP DATABASE IF EXISTS zct_dbg'); await admin.query("CREATE DATABASE zct_dbg TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'"); await admin.end()
  const store = await openStore({ kind: 'postgres', databaseUrl: 'postgres://postgres@127.0.0.1:5432/zct_dbg', fixtures })
  const u = await store.auth.upsertUser({ provider: 'dev', externalId: 'resident:x', nickname: 'x', role: 'resident' })
  const { attempt } = await startAttempt(store, u, 'q001', { regionCode: '331002001' })
  try { const r = await submitAttempt(store, u, attempt.id, {}); console.log('ok', r.result.score) } catch (e) { console.error('ERR', e) }
  await store.close()
}
main()
