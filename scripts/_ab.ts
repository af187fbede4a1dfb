// A/B latency of ask() over 5,000 FAQs: the code before 相似问法 (git archive 4ad7097 in /tmp/qa/old) and now, alternating rounds in one process
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { corpus as newCorpus, readSet } from './eval-qa'
import { QaIndex as NewIndex } from '../server/modules/qa'
// eslint-disable-next-line @typescript-eslint/no-require-imports
const oldEval = require('/tmp/qa/old/scripts/eval-qa') as typeof import('./eval-qa')
// eslint-disable-next-line @typescript-eslint/no-require-imports
const oldQa = require('/tmp/qa/old/server/modules/qa') as typeof import('../server/modules/qa')
const dir = path.join(__dirname, '../test')
const qs = readdirSync(dir).filter((f) => /^qa-eval.*\.json$/.test(f)).flatMap((f) => readSet(path.join(dir, f)).map((e) => e.q))
const a = new oldQa.QaIndex(oldEval.corpus())
const b = new NewIndex(newCorpus())
for (const q of qs) { a.ask(q, 5); b.ask(q, 5) }
const ta: number[] = [], tb: number[] = []
const rounds = Number(process.env.ROUNDS ?? 6)
for (let r = 0; r < rounds; r++) for (const [idx, t] of (r % 2 ? [[b, tb], [a, ta]] : [[a, ta], [b, tb]]) as [{ ask: (q: string, l: number) => unknown }, number[]][]) for (const q of qs) { const s = performance.now(); idx.ask(q, 5); t.push(performance.now() - s) }
const pct = (x: number[], p: number) => { const s = [...x].sort((m, n) => m - n); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(3) }
console.log(`before: p50 ${pct(ta, 50)} p95 ${pct(ta, 95)} ms; after: p50 ${pct(tb, 50)} p95 ${pct(tb, 95)} ms (${ta.length} answers each)`)
