/**
 * Where a benchmarked server's time went: reads a V8 `.cpuprofile` and prints the sampled time by
 * module and by function (self), and by function including callees, as shares of the time kept.
 * Profile the servers of a benchmark with SERVER_NODE_ARGS (test/support/server-process.ts), e.g.
 *   SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" BENCH_SIZES=100000 BENCH_TARGETS=sqlite npm run bench:quiz
 *   PROFILE_EXCLUDE='commitTransaction|Module._load|\(idle\)' npx tsx scripts/bench/profile-summary.ts /tmp/prof/CPU.*.0.001.cpuprofile 40 'server/|kysely'
 * Arguments: the profile, how many rows (default 40), and a pattern the inclusive list is limited to.
 * PROFILE_EXCLUDE drops every sample with a matching frame on its stack (start-up, idle, or time
 * spent waiting in a native call such as SQLite's commit fsync, which the sampler counts as time).
 * The sampler counts wall time on the main thread, not CPU: on a loaded machine a socket write that
 * wakes its peer (PostgreSQL, Redis) is charged while this process waits to run again (issue 13: writev
 * showed 22 % here, the kernel 10 % of CPU in `perf record -g -p <server pids>` with SERVER_NODE_ARGS=
 * --perf-basic-prof-only-functions), and V8's compiler threads are not in it at all.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

const [file, rowsArg, only] = process.argv.slice(2)
if (!file) {
  console.error('usage: tsx scripts/bench/profile-summary.ts <file.cpuprofile> [rows] [inclusive pattern]')
  process.exit(2)
}
const rows = Number(rowsArg ?? 40)
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
const root = `file://${path.resolve(__dirname, '../..')}/`

const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)

const shortUrl = (url: string) => url.replace(root, '').replace(/.*node_modules\//, 'nm/')
const functionOf = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`
const moduleOf = (n: ProfileNode) => {
  const url = shortUrl(n.callFrame.url)
  return /^nm\/((@[^/]+\/)?[^/]+)/.exec(url)?.[1] ?? (url || n.callFrame.functionName)
}
const stackOf = function* (id: number) {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) yield byId.get(at)!
}

// µs per sampled node
const timeOf = new Map<number, number>()
profile.samples.forEach((id, i) => timeOf.set(id, (timeOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)))

const exclude = process.env.PROFILE_EXCLUDE ? new RegExp(process.env.PROFILE_EXCLUDE) : undefined
const selfByModule = new Map<string, number>()
const selfByFunction = new Map<string, number>()
const inclusive = new Map<string, number>()
let kept = 0
const add = (m: Map<string, number>, k: string, t: number) => m.set(k, (m.get(k) ?? 0) + t)
for (const [id, t] of timeOf) {
  const stack = [...stackOf(id)]
  if (exclude && stack.some((n) => exclude.test(functionOf(n)))) continue
  kept += t
  add(selfByModule, moduleOf(stack[0]), t)
  add(selfByFunction, functionOf(stack[0]), t)
  for (const name of new Set(stack.map(functionOf))) add(inclusive, name, t)
}

const filter = only ? new RegExp(only) : undefined
function show(title: string, m: Map<string, number>, n: number) {
  console.log(`\n== ${title} (${(kept / 1e6).toFixed(2)} s kept)`)
  for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${((100 * t) / kept).toFixed(1).padStart(5)}%  ${k}`)
}
show('self, by module', selfByModule, 30)
show('self, by function', selfByFunction, rows)
show(`including callees${filter ? ` (/${filter.source}/)` : ''}`, filter ? new Map([...inclusive].filter(([k]) => filter.test(k))) : inclusive, rows)
