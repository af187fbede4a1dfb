/** The api project's globalTeardown: removes the SQLite templates and, under test:pg, drops the databases tests left behind. */
import { alive, dropLeftoverDatabases, testDatabaseUrl } from './postgres'
import { removeLeftoverSqliteTemplates } from './temp-dir'

export default async function dropTestDatabases(): Promise<void> {
  removeLeftoverSqliteTemplates(alive)
  if (!testDatabaseUrl()) return
  const dropped = await dropLeftoverDatabases()
  // the workers' templates (./seeded-template) are always left for this
  const leftBehind = dropped.filter((name) => !name.includes('_tpl_'))
  if (leftBehind.length > 0) console.log(`test:pg: dropped ${leftBehind.length} test database(s) left behind`)
}
