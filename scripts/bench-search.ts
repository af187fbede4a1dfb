/**
 * p50/p95/p99 of GET /search, in process (app.inject) on SQLite in memory: every query of a list
 * of everyday searches, first with the server's micro-cache off (every request searches), then
 * on (repeats answered from the cache). BENCH_SEARCH_COPIES=n loads the fixtures' policies,
 * interpretations, FAQs and videos n times over (new ids), to see the cost grow with the content.
 *
 *   npx tsx scripts/bench-search.ts            # the fixtures
 *   BENCH_SEARCH_COPIES=20 npx tsx scripts/bench-search.ts
 */
import { performance } from 'node:perf_hooks'
import { fixtures } from '../mock/fixtures'
import type { Fixtures } from '../mock/types'
import { buildApp } from '../server/app'
import { openStore } from '../server/store/open-store'

const COPIES = Math.max(1, Number(process.env.BENCH_SEARCH_COPIES ?? 1))
const ROUNDS = Math.max(1, Number(process.env.BENCH_SEARCH_ROUNDS ?? 20))
const QUERIES = [
  '社保卡丢了',
  '养老金',
  '医保',
  '补贴',
  '异地就医备案',
  '高龄津贴',
  '退休金',
  '灵活就业交社保有补贴吗',
  '种粮补贴什么时候发',
  '我爸70岁了能领多少养老补贴',
  '公积金租房提取',
  '台政办发〔2021〕28号',
  '12333',
  '量子纠缠火星旅行',
  '幼儿园',
  '创业担保贷款',
]

function scaled(copies: number): Fixtures {
  if (copies === 1) return fixtures
  const many = <T extends { id: string }>(items: T[]) =>
    Array.from({ length: copies }, (_, k) => items.map((x) => (k ? { ...x, id: `${x.id}-c${k}` } : x))).flat()
  return {
    ...fixtures,
    policies: many(fixtures.policies).map((p) => (p.id.includes('-c') ? { ...p, interpretationIds: [], replacedBy: undefined } : p)),
    interpretations: many(fixtures.interpretations),
    faqs: many(fixtures.faqs),
    videos: many(fixtures.videos),
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function measure(responseCache: boolean, data: Fixtures) {
  const store = await openStore({ kind: 'memory', fixtures: data })
  const app = buildApp({ store, mode: 'sqlite', logger: false, rateLimit: false, responseCache })
  await app.ready()
  const url = (q: string) => `/api/v1/search?q=${encodeURIComponent(q)}`
  // the first search builds the index (and the Q&A engine's): timed apart
  let t = performance.now()
  const first = await app.inject(url(QUERIES[0]))
  const build = performance.now() - t
  if (first.statusCode !== 200) throw new Error(`${first.statusCode} ${first.body}`)
  // one untimed round: the JIT warms up, and with the micro-cache on every query is then cached
  for (const q of QUERIES) await app.inject(url(q))
  const times: number[] = []
  const cpu = process.cpuUsage()
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of QUERIES) {
      t = performance.now()
      const res = await app.inject(url(q))
      times.push(performance.now() - t)
      if (res.statusCode !== 200) throw new Error(`${q}: ${res.statusCode}`)
    }
  }
  const used = process.cpuUsage(cpu)
  times.sort((a, b) => a - b)
  const docs = data.policies.length + data.interpretations.length + data.faqs.length + data.videos.length + data.courses.length
  console.log(
    `micro-cache ${responseCache ? 'on ' : 'off'} · ${docs} documents · first search ${build.toFixed(0)} ms · ${times.length} searches: ` +
      `p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms; ` +
      `CPU ${((used.user + used.system) / 1000 / times.length).toFixed(2)} ms per search (wall-clock percentiles include waits for a busy machine)`,
  )
  await app.close()
  await store.close()
}

async function main() {
  const data = scaled(COPIES)
  await measure(false, data)
  await measure(true, data)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
