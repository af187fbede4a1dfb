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
 * Every set is evaluated: in-scope questions (top-1, top-3 over the corpus), out-of-scope ones
 * (`"id": null`: answered confidently — should be ≤ 5 %), the confidence (confident answers that
 * are right ≥ 95 %, right answers called confident ≥ 85 %) and the latency of the whole answer
 * (ranking + confidence) p95 ≤ 2 ms.
 *
 * Residents' wordings (mock/fixtures/faq-similar-residents.ts, QA_WORDINGS=0: none): every set is
 * evaluated on an index without the wordings of its own writer's sets (notFromWriterOf), so no
 * printed figure is answered from its own questions.
 *
 * Other knobs: QA_SIMILAR (相似问法: `0` none, `fixtures` the fixtures' only), QA_EVAL (only these question files, comma-separated), QA_CORPUS,
 * QA_ROUNDS (latency rounds), QA_OPTS (JSON QaIndexOptions, e.g. '{"aspectPenalty":1}' to
 * measure a rule by turning it off).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { fixtures } from '../mock/fixtures'
import { withResidentWordings, writtenFaqs } from '../mock/fixtures/faqs'
import { QaIndex, type QaIndexOptions } from '../server/modules/qa'
import { fold } from '../server/modules/qa/normalize'
import type { Faq } from '../common/contract'
import { DEV_FILES, TEST_DIR, writerOf } from './qa-sets'

const CORPUS = Number(process.env.QA_CORPUS ?? 5000)
const ROUNDS = Number(process.env.QA_ROUNDS ?? 30)
/** every question set: test/qa-eval.json and test/qa-eval-*.json (or QA_EVAL, comma-separated) */
export const EVAL_FILES = process.env.QA_EVAL
  ? process.env.QA_EVAL.split(',')
  : readdirSync(TEST_DIR)
      .filter((f) => /^qa-eval(-.+)?\.json$/.test(f))
      .sort()
      .map((f) => path.join(TEST_DIR, f))
const OPTIONS: QaIndexOptions = JSON.parse(process.env.QA_OPTS ?? '{}')

/** a question and its right FAQ, or null when no FAQ answers it (out of scope) */
export interface EvalQuestion {
  q: string
  id: string | null
  /**
   * FAQs added to the base after the set was written that answer the question as well as `id`
   * (judged from the FAQs' texts: 刻章要钱吗 is answered by f166 新开公司刻公章要钱吗 now, not
   * only by f074); top-1 counts them as right, the strict figure does not
   */
  alt?: string[]
}
export const readSet = (file: string): EvalQuestion[] => JSON.parse(readFileSync(file, 'utf8'))

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
 * 相似问法 of a distractor, one triple per FRAMES entry (same order): other ways a resident asks the
 * same thing about the same keyword. The fixtures carry 相似问法 (mock/fixtures/faq-similar.ts), and
 * a real base of 5,000 FAQs would keep them for every FAQ: distractors without them would lose to
 * the fixtures for lack of a field, not for lack of an answer (QA_SIMILAR: `0` none anywhere,
 * `fixtures` the fixtures' only).
 */
const SIMILAR_FRAMES = [
  [(k: string) => `${k}要带什么东西`, (k: string) => `办${k}得准备啥`, (k: string, c: string) => `${c}${k}需要哪些证件和材料`],
  [(k: string) => `${k}去哪里办`, (k: string, c: string) => `${c}办${k}要跑哪个地方`, (k: string) => `${k}线下办理地点在哪`],
  [(k: string) => `${k}多久能办好`, (k: string, c: string) => `${c}${k}要等几天`, (k: string) => `办${k}需要多长时间`],
  [(k: string) => `${k}今年有什么新政策`, (k: string, c: string) => `${c}${k}政策有变化吗`, (k: string) => `${k}最近有没有调整`],
  [(k: string) => `${k}能找人代办吗`, (k: string, c: string) => `${c}${k}本人不去可以吗`, (k: string) => `家人能帮我办${k}吗`],
  [(k: string) => `${k}打哪个电话问`, (k: string, c: string) => `${c}${k}咨询热线`, (k: string) => `${k}有问题找谁`],
  [(k: string) => `${k}是根据什么文件`, (k: string, c: string) => `${c}${k}的规定出自哪里`, (k: string) => `${k}依据哪个政策`],
  [(k: string) => `${k}办到哪一步了怎么查`, (k: string, c: string) => `${c}${k}进度在哪看`, (k: string) => `${k}审核结果怎么查`],
] as const
const SIMILAR = process.env.QA_SIMILAR ?? '1'

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
    const frame = Math.floor(r() * FRAMES.length)
    out.push({
      id: `gen-${i}`,
      question: FRAMES[frame](keyword, place),
      answer: [...sentences(a.answer).slice(-1), ...sentences(b.answer).slice(0, 1), `具体以${local ? county : '当地'}相关部门规定为准。`].join(''),
      keywords: [keyword, ...(local ? [county] : []), pick(b.keywords)],
      topic: a.topic,
      ...(SIMILAR === '1' ? { similar: SIMILAR_FRAMES[frame].map((f) => f(keyword, place)) } : {}),
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
    const similar = (a.similar ?? []).map((s, j) => `${halves(s)[0]}，${halves(b.similar?.[j] ?? b.question)[1]}`)
    out.push({
      id: `gen-${i}`,
      question: `${local ? county : ''}${a1}，${b2 || b.question}`,
      answer: [...sentences(a.answer).slice(0, 1), ...sentences(b.answer).slice(-1), `具体以${local ? county : '当地'}相关部门规定为准。`].join(''),
      keywords: [...a.keywords.slice(0, 2), ...b.keywords.slice(-2), ...(local ? [county] : [])],
      topic: r() < 0.5 ? a.topic : b.topic,
      ...(SIMILAR === '1' && similar.length ? { similar } : {}),
    })
  }
  return out
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** the fixtures with their written 相似问法 (none when QA_SIMILAR=0), without residents' wordings */
export const baseFaqs = (): Faq[] => (SIMILAR === '0' ? writtenFaqs.map(({ similar: _, ...f }) => f) : writtenFaqs)

/**
 * Residents' wordings (mock/fixtures/faq-similar-residents.ts, added to the fixtures' 相似问法 by
 * faqs.ts withResidentWordings): `1` (default), `0` none — the engine as it was before them.
 */
const WORDINGS = process.env.QA_WORDINGS ?? '1'

/**
 * Which residents' wordings the index may hold when `evaluated` (a question file) is evaluated:
 * none of its writer's sets (writerOf: blind2-dev goes with blind2-test) and none that is word for
 * word (folded) one of those sets' questions — a set is never answered from its own questions.
 */
export function notFromWriterOf(evaluated: string): (set: string, wording: string) => boolean {
  const writer = writerOf(evaluated)
  const own = new Set([...DEV_FILES.filter((f) => writerOf(f) === writer).map((f) => path.join(TEST_DIR, f)), evaluated])
  const asked = new Set([...own].flatMap((f) => readSet(f).map((e) => fold(e.q).replace(/[?？。!！.，,]+$/u, ''))))
  return (set, wording) => writerOf(set) !== writer && !asked.has(fold(wording))
}

/**
 * the fixtures with the residents' wordings an evaluation of `evaluated` may use (notFromWriterOf),
 * all of them without it, none when `wordings` is false or QA_WORDINGS=0 / QA_SIMILAR=0
 */
export function fixtureFaqs(evaluated?: string, wordings = WORDINGS !== '0' && SIMILAR !== '0'): Faq[] {
  const base = baseFaqs()
  return wordings ? withResidentWordings(base, evaluated === undefined ? undefined : notFromWriterOf(evaluated)) : base
}

/** the distractors (QA_DISTRACTORS), made once: the same for every index of a run */
let madeDistractors: Faq[] | undefined

/** the 5,000-FAQ corpus: `fixtureFaqs(evaluated, wordings)` plus the distractors */
export function corpus(evaluated?: string, wordings?: boolean): Faq[] {
  const own = fixtureFaqs(evaluated, wordings)
  if (!madeDistractors) {
    const make = process.env.QA_DISTRACTORS === 'splice' ? distractors : proceduralDistractors
    const base = baseFaqs()
    madeDistractors = make(base, Math.max(0, CORPUS - base.length))
  }
  return [...own, ...madeDistractors]
}

/**
 * One index per writer (writerOf) of the files asked for, over the corpus that writer's sets are
 * evaluated on (corpus(file)), built when first needed.
 */
export function indexesByWriter(options: QaIndexOptions = {}): (file: string) => QaIndex {
  const built = new Map<string, QaIndex>()
  return (file) => {
    const key = WORDINGS === '0' ? '' : writerOf(file)
    let index = built.get(key)
    if (!index) built.set(key, (index = new QaIndex(corpus(file), options)))
    return index
  }
}

interface SetResult {
  name: string
  inScope: number
  top1: number
  strict1: number
  top3: number
  oos: number
  oosConfident: number
  confident: number
  confidentRight: number
  rightConfident: number
  misses: string[]
}

function evaluate(index: QaIndex, file: string): SetResult {
  const set = readSet(file)
  const r: SetResult = {
    name: path.relative(process.cwd(), file),
    inScope: 0,
    top1: 0,
    strict1: 0,
    top3: 0,
    oos: 0,
    oosConfident: 0,
    confident: 0,
    confidentRight: 0,
    rightConfident: 0,
    misses: [],
  }
  for (const { q, id, alt = [] } of set) {
    const answer = index.ask(q, 3)
    const ids = answer.items.map((h) => h.faq.id)
    if (answer.confident) r.confident++
    if (id === null) {
      r.oos++
      if (answer.confident) {
        r.oosConfident++
        r.misses.push(`  OOS confident ${answer.confidence.toFixed(2)}  ${q} → ${ids[0]}`)
      }
      continue
    }
    r.inScope++
    const at = ids.findIndex((x) => x === id || alt.includes(x))
    if (ids[0] === id) r.strict1++
    if (at === 0) {
      r.top1++
      if (answer.confident) {
        r.confidentRight++
        r.rightConfident++
      }
    } else if (answer.confident) r.misses.push(`  WRONG confident ${answer.confidence.toFixed(2)}  ${q} → want ${id}, got ${ids[0]}`)
    if (at >= 0) r.top3++
    if (at !== 0) r.misses.push(`  ${at > 0 ? `#${at + 1}` : '--'}  ${q} → want ${id}, got ${ids.join(', ') || '(nothing)'}`)
  }
  return r
}

const ratio = (k: number, n: number) => (n ? `${(k / n).toFixed(3)} (${k}/${n})` : 'n/a')

function main() {
  const kind = process.env.QA_DISTRACTORS === 'splice' ? 'splice' : 'procedural'
  const faqs = corpus()
  const t0 = performance.now()
  const index = new QaIndex(faqs, OPTIONS)
  index.ask('社保卡丢了怎么补办') // the segmenter's dictionary loads on first use
  const buildMs = performance.now() - t0
  const indexFor = indexesByWriter(OPTIONS)
  const written = baseFaqs()
  const wordings = faqs.slice(0, written.length).reduce((n, f, i) => n + (f.similar?.length ?? 0) - (written[i].similar?.length ?? 0), 0)
  console.log(
    `corpus ${faqs.length} FAQs (${fixtures.faqs.length} fixtures + ${kind} distractors, county share ${COUNTY_SHARE}), index build ${buildMs.toFixed(0)} ms`,
  )
  console.log(
    WORDINGS === '0' || !wordings
      ? "residents' wordings: none (QA_WORDINGS=0)"
      : `residents' wordings: ${wordings} as 相似问法 (mock/fixtures/faq-similar-residents.ts); each set below is evaluated on an index WITHOUT the wordings of its own writer's sets (blind2-dev with blind2-test) — leave-one-writer-out (the confidence model was fit on these sets: scripts/fit-qa-confidence.ts QA_LEAVE_OUT=each for its leave-one-writer-out figures); latency on the index with all of them`,
  )
  console.log('targets: top-1 ≥ 0.92, top-3 ≥ 0.97, out-of-scope confident ≤ 0.05, confident right ≥ 0.95, right confident ≥ 0.85, p95 ≤ 2 ms')
  const all: string[] = []
  for (const file of EVAL_FILES) {
    const r = evaluate(indexFor(file), file)
    const a = evaluate(new QaIndex(fixtureFaqs(file), OPTIONS), file)
    all.push(...readSet(file).map((e) => e.q))
    console.log(`\n${r.name}: ${r.inScope} in scope, ${r.oos} out of scope`)
    console.log(
      `  top-1                ${ratio(r.top1, r.inScope)}   (strict, the set's own id only: ${ratio(r.strict1, r.inScope)}; 307 fixtures alone: ${ratio(a.top1, a.inScope)})`,
    )
    console.log(`  top-3                ${ratio(r.top3, r.inScope)}`)
    console.log(`  out-of-scope confident ${ratio(r.oosConfident, r.oos)}`)
    console.log(`  confident right      ${ratio(r.confidentRight, r.confident)}`)
    console.log(`  right confident      ${ratio(r.rightConfident, r.top1)}`)
    if (process.env.QA_MISSES !== '0' && r.misses.length) console.log(r.misses.join('\n'))
  }

  for (const q of all) index.ask(q, 5) // warm up
  const times: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const q of all) {
      const s = performance.now()
      index.ask(q, 5)
      times.push(performance.now() - s)
    }
  }
  times.sort((a, b) => a - b)
  if (times.length)
    console.log(
      `\nlatency of ask() over ${faqs.length} FAQs: p50 ${percentile(times, 50).toFixed(3)} ms, p95 ${percentile(times, 95).toFixed(3)} ms, max ${times[times.length - 1].toFixed(3)} ms (${times.length} answers)`,
    )
}

if (require.main === module) main()
