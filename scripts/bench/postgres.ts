/**
 * A PostgreSQL database of a benchmark's own, on BENCH_DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres): made empty (C collation, as the test databases) and
 * dropped afterwards.
 */
import pg from 'pg'

export const BENCH_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_ADMIN_URL })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export interface BenchDatabase {
  name: string
  url: string
  drop(): Promise<void>
}

/** `name` must be a plain identifier, such as bench_quiz_<pid>_<n> */
export async function createBenchDatabase(name: string): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`)
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await c.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`)
  })
  const url = new URL(BENCH_ADMIN_URL)
  url.pathname = `/${name}`
  return { name, url: url.toString(), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {}) }
}
