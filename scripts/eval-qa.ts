/**
 * `npm run eval:qa`: accuracy of the Q&A ranking on test/qa-eval.json (questions as residents
 * type them, each with its right FAQ) over a 5,000-FAQ corpus — the fixtures plus generated
 * distractors that recombine other FAQs' keywords and sentences, so they compete for the same
 * words but are never the right answer — and the search latency.
 *
 * Two kinds of distractors (QA_DISTRACTORS):
 *  - `procedural` (default): what a large FAQ base really holds beside each question — other
 *    questions on the same subject (materials, where to apply, deadlines, phone, basis …), built
 *    from a FAQ's keywords and a question frame, answers spliced from two FAQs;
 *  - `splice`: a stress test — each distractor's question is half of one real FAQ's question
 *    glued to half of another's, so every right answer competes with ~130 half-copies of itself.
 * QA_COUNTY_SHARE (default 0.5) of them are about one county (椒江区…), the rest city-wide like
 * the fixtures, so "names no county" does not by itself tell a fixture from a distractor.
 *
 * Other knobs: QA_EVAL (another question file, e.g. test/qa-eval-heldout.json), QA_CORPUS,
 * QA_ROUNDS (latency rounds), QA_OPTS (JSON QaIndexOptions, e.g. '{"aspectPenalty":1}' to
 * measure a rule by turning it off).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fixtures } from '../mock/fixtures'
import { QaIndex, type QaIndexOptions } from '../server/modules/qa'
import type { Faq } from '../common/contract'

const CORPUS = Number(process.env.QA_CORPUS ?? 5000)
const ROUNDS = Number(process.env.QA_ROUNDS ?? 30)
const EVAL_FILE = process.env.QA_EVAL ?? path.join(__dirname, '../test/qa-eval.json')
const OPTIONS: QaIndexOptions = JSON.parse(process.env.QA_OPTS ?? '{}')
const eval_: { q: string; id: string }[] = JSON.parse(readFileSync(EVAL_FILE, 'utf8'))

/** mulberry32: a small seeded PRNG so the corpus is the same every run */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COUNTIES = ['椒江区', '黄岩区', '路桥区', '临海市', '温岭市', '玉环市', '天台县', '仙居县', '三门县']
const sentences = (s: string) => s.split(/(?<=[。！？；])/).filter((x) => x.trim())
const halves = (q: string) => {
  const cut = q.search(/[，,、]/)
  const at = cut > 0 ? cut : Math.floor(q.length / 2)
  return [q.slice(0, at), q.slice(at).replace(/^[，,、]/, '')]
}

const FRAMES = [
  (k: string, c: string) => `${c}${k}需要准备哪些材料？`,
  (k: string, c: string) => `${c}${k}在哪个窗口办理？`,
  (k: string, c: string) => `${c}${k}办理时限是多久？`,
  (k: string, c: string) => `${c}${k}有哪些最新规定？`,
  (k: string, c: string) => `${c}${k}可以委托别人代办吗？`,
  (k: string, c: string) => `${c}${k}的咨询电话是多少？`,
  (k: string, c: string) => `${c}${k}的政策依据是哪个文件？`,
  (k: string, c: string) => `${c}${k}办理进度怎么查询？`,
]

/**
 * Share of distractors about one county (椒江区…); the others are city-wide like the fixtures, so
 * naming no county does not tell a fixture from a distractor.
 */
const COUNTY_SHARE = Number(process.env.QA_COUNTY_SHARE ?? 0.5)

export function proceduralDistractors(base: Faq[], count: number, seed = 20261128, countyShare = COUNTY_SHARE): Faq[] {
  const r = rng(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]
  const out: Faq[] = []
  for (let i = 0; out.length < count; i++) {
    const a = pick(base)
    const b = pick(base)
    const county = pick(COUNTIES)
    const keyword = pick(a.keywords)
    const local = countyShare >= 1 || r() < countyShare
    const place = local ? county : ''
    out.push({
      id: `gen-${i}`,
      question: pick(FRAMES)(keyword, place),
      answer: [...sentences(a.answer).slice(-1), ...sentences(b.answer).slice(0, 1), `具体以${local ? county : '当地'}相关部门规定为准。`].join(''),
      keywords: [keyword, ...(local ? [county] : []), pick(b.keywords)],
      topic: a.topic,
    })
  }
  return out
}

export function distractors(base: Faq[], count: number, seed = 20261128, countyShare = COUNTY_SHARE): Faq[] {
  const r = rng(seed)
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]
  const out: Faq[] = []
  for (let i = 0; out.length < count; i++) {
    const a = pick(base)
    let b = pick(base)
    while (b.id === a.id) b = pick(base)
    const county = pick(COUNTIES)
    const local = countyShare >= 1 || r() < countyShare
    const [a1] = halves(a.question)
    const [, b2] = halves(b.question)
    out.push({
      id: `gen-${i}`,
      question: `${local ? county : ''}${a1}，${b2 || b.question}`,
      answer: [...sentences(a.answer).slice(0, 1), ...sentences(b.answer).slice(-1), `具体以${local ? county : '当地'}相关部门规定为准。`].join(''),
      keywords: [...a.keywords.slice(0, 2), ...b.keywords.slice(-2), ...(local ? [county] : [])],
      topic: r() < 0.5 ? a.topic : b.topic,
    })
  }
  return out
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

function accuracy(index: QaIndex) {
  let top1 = 0
  let top3 = 0
  const misses: string[] = []
  for (const { q, id } of eval_) {
    const ids = index.search(q, 3).map((h) => h.faq.id)
    const at = ids.indexOf(id)
    if (at === 0) top1++
    if (at >= 0) top3++
    if (at !== 0) misses.push(`  ${at > 0 ? `#${at + 1}` : '--'}  ${q} → want ${id}, got ${ids.join(', ') || '(nothing)'}`)
  }
  return { top1, top3, misses }
}

function main() {
  const kind = process.env.QA_DISTRACTORS === 'splice' ? 'splice' : 'procedural'
  const make = kind === 'splice' ? distractors : proceduralDistractors
  const corpus = [...fixtures.faqs, ...make(fixtures.faqs, Math.max(0, CORPUS - fixtures.faqs.length))]
  const t0 = performance.now()
  const index = new QaIndex(corpus, OPTIONS)
  const buildMs = performance.now() - t0
  const { top1, top3, misses } = accuracy(index)
  const alone = accuracy(new QaIndex(fixtures.faqs, OPTIONS))

  for (const { q } of eval_) index.search(q, 5) // warm up
  const times: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const { q } of eval_) {
      const s = performance.now()
      index.search(q, 5)
      times.push(performance.now() - s)
    }
  }
  times.sort((a, b) => a - b)

  const n = eval_.length
  const share = (k: number) => `${(k / n).toFixed(3)}  (${k}/${n})`
  console.log(`Q&A evaluation: ${path.relative(process.cwd(), EVAL_FILE)}, ${n} questions, ${new Set(eval_.map((e) => e.id)).size} distinct FAQs`)
  console.log(`corpus        ${corpus.length} FAQs (${fixtures.faqs.length} fixtures + ${kind} distractors, county share ${COUNTY_SHARE})`)
  console.log(`index build   ${buildMs.toFixed(0)} ms`)
  console.log(`top-1         ${share(top1)}   target ≥ 0.85`)
  console.log(`top-3         ${share(top3)}   target ≥ 0.95`)
  console.log(`latency p50   ${percentile(times, 50).toFixed(3)} ms`)
  console.log(`latency p95   ${percentile(times, 95).toFixed(3)} ms   target ≤ 5 ms  (${times.length} searches)`)
  console.log(`latency max   ${times[times.length - 1].toFixed(3)} ms`)
  console.log(`fixtures only top-1 ${share(alone.top1)}, top-3 ${share(alone.top3)}`)
  if (misses.length) console.log(`not first over ${corpus.length} FAQs (#2/#3: in the top 3, --: not):\n${misses.join('\n')}`)
}

if (require.main === module) main()
