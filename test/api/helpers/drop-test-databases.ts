/** The api project's globalTeardown: under test:pg, drops the databases a test left behind. */
import { dropLeftoverDatabases, testDatabaseUrl } from './postgres'

export default async function dropTestDatabases(): Promise<void> {
  if (!testDatabaseUrl()) return
  const dropped = await dropLeftoverDatabases()
  if (dropped.length > 0) console.log(`test:pg: dropped ${dropped.length} test database(s) left behind`)
}
