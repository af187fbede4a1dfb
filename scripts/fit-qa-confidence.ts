/**
 * `npx tsx scripts/fit-qa-confidence.ts`: fits the Q&A confidence model (server/modules/qa/
 * confidence.ts) — a logistic regression over the features of each question's first hit, label
 * "the first hit is right" — on the DEVELOPMENT sets only (test/qa-eval.json and
 * test/qa-eval-*-dev.json, in-scope and out-of-scope questions), over the same 5,000-FAQ corpus
 * as `npm run eval:qa`. The threshold is calibrated on held-out predictions: 5-fold
 * cross-validation (folds by question text, so a question in two sets never trains its own
 * prediction) gives every dev question a probability from a model that did not see it, and the
 * threshold is the lowest one at which those confident answers are right ≥ TARGET_PRECISION of the
 * time. The final coefficients (fit on all dev questions) and that threshold are written to
 * server/modules/qa/confidence-model.ts. The blind test sets are never read.
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { indexesByWriter, readSet, type EvalQuestion } from './eval-qa'
import { DEV_FILES, TEST_DIR, writerOf } from './qa-sets'
import { QaIndex, RIVALS } from '../server/modules/qa'
import { FEATURES, vector, type ConfidenceModel } from '../server/modules/qa/confidence'

/**
 * Above the 95 % the issue asks for: on the blind sets written later (blind4/5-test, evaluated once
 * on 2026-12-05) the confident answers of a 0.961 held-out threshold were right only 0.86–0.89 of
 * the time, so held-out precision overstates blind precision; a confident wrong answer misleads a
 * resident more than 可能相关 does. 0.975 since 2026-12-06: fitting on all sets but one spent blind set
 * and calibrating on the rest's held-out folds, the left-out blind4–7 sets' confident answers were
 * right 0.948 of the time at a 0.97 threshold and 0.957 at 0.975 (README, Q&A).
 */
// 0.98 since round 3 (2026-12-06): at 0.975 the refit threshold fell to 0.855 and over the 307
// fixtures alone (one hit, margin 1) 养羊驼有补贴吗 → f051 养殖贷款 became confident (0.87); at 0.98
// (threshold 0.881) leaving blind4–7 out one at a time gave confident right 0.972, right confident
// 0.640, out of scope confident 1/150 (0.962 / 0.692 / 3/150 at 0.975)
// 0.97 since 相似问法 (2026-12-06): leaving blind4–7 out one at a time (fit and calibrate on the
// rest), pooled, the left-out confident answers were right 0.959 at 0.97 (right confident 0.807, out of
// scope confident 6/150), 0.963 at 0.975 (0.762, 5/150), 0.972 at 0.98 (0.725, 3/150), 0.950 at 0.965
// (0.855, 10/150): 0.97 is the lowest target keeping them ≥ 0.955 (README, Q&A)
// kept at 0.97 when blind8/9 became development sets (qa-rank, 2026-12-06): the threshold fell to 0.824
// and leaving blind4–9 out one at a time, pooled, gave confident right 0.974 (787/808), right
// confident 0.847 (787/929), out of scope confident 8/230
// 0.98 since residents' wordings (issue 16, qa-wordings): leaving one writer out (QA_LEAVE_OUT=each:
// fit, calibrate and wordings without the left-out writer), pooled over blind4–11, confident right
// 0.982 / right confident 0.898 / out of scope confident 7/310 at 0.98 against 0.97's 0.967 / 0.936 /
// 17/310 (without the wordings, at 0.97 as shipped before: 0.971 / 0.821 / 9/310)
const TARGET_PRECISION = Number(process.env.QA_PRECISION ?? 0.98)
const L2 = Number(process.env.QA_L2 ?? 0.001)
/** features left out (comma-separated; they weigh 0), to measure what each is worth */
const DROP = new Set((process.env.QA_DROP ?? '').split(',').filter(Boolean))
const USED = FEATURES.map((f) => !DROP.has(f))

interface Row {
  q: string
  /** the set it comes from (QA_LEAVE_OUT) */
  file: string
  x: number[]
  y: number
  oos: boolean
  /** the right FAQ is among the first three hits */
  top3: boolean
}

/**
 * every dev question with a hit (no hit: never confident), its features computed on the index its
 * set is evaluated on — without its own writer's residents' wordings (eval-qa.ts indexesByWriter),
 * so the model learns what an answer looks like for a question the index did not learn from
 */
function rows(indexFor: (file: string) => QaIndex): Row[] {
  const out: Row[] = []
  for (const file of DEV_FILES) {
    const index = indexFor(path.join(TEST_DIR, file))
    for (const e of readSet(path.join(TEST_DIR, file)) as EvalQuestion[]) {
      // the hits as ask() orders them (with the re-ranker of rerank-model.json when it is on: fit that first)
      const ranking = index.rank(e.q, RIVALS)
      const hits = ranking.items
      if (!hits.length) continue
      const isRight = (id: string) => e.id !== null && (id === e.id || (e.alt ?? []).includes(id))
      out.push({
        q: e.q,
        file,
        x: vector(index.features(e.q, hits, ranking)).map((v, j) => (USED[j] ? v : 0)),
        y: isRight(hits[0].faq.id) ? 1 : 0,
        oos: e.id === null,
        top3: hits.slice(0, 3).some((h) => isRight(h.faq.id)),
      })
    }
  }
  return out
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z))

/**
 * L2-regularised logistic regression by Newton's method (iteratively reweighted least squares):
 * with 18 features of unequal scale plain gradient descent (what this was until 2026-12-06) had not
 * converged after 8,000 steps; Newton converges in a dozen, to the same optimum every run
 */
function fit(data: Row[]): { bias: number; w: number[] } {
  const d = FEATURES.length
  const n = data.length
  const beta = new Array<number>(d + 1).fill(0) // [bias, ...w]
  const xa = data.map((r) => [1, ...r.x])
  for (let it = 0; it < 50; it++) {
    const g = new Array<number>(d + 1).fill(0)
    const h = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0))
    for (let i = 0; i < n; i++) {
      const x = xa[i]
      let z = 0
      for (let j = 0; j <= d; j++) z += beta[j] * x[j]
      const p = sigmoid(z)
      const err = p - data[i].y
      const wgt = p * (1 - p)
      for (let j = 0; j <= d; j++) {
        g[j] += err * x[j]
        if (x[j] === 0) continue
        for (let k = j; k <= d; k++) h[j][k] += wgt * x[j] * x[k]
      }
    }
    for (let j = 0; j <= d; j++) {
      g[j] = g[j] / n + (j ? L2 * beta[j] : 0)
      for (let k = j; k <= d; k++) h[k][j] = h[j][k] = h[j][k] / n + (j === k ? (j ? L2 : 0) + 1e-9 : 0)
    }
    const step = solve(h, g)
    let most = 0
    for (let j = 0; j <= d; j++) {
      beta[j] -= step[j]
      most = Math.max(most, Math.abs(step[j]))
    }
    if (most < 1e-8) break
  }
  return { bias: beta[0], w: beta.slice(1) }
}

/** a · x = b by Gaussian elimination with partial pivoting (a small dense system) */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length
  const m = a.map((row, i) => [...row, b[i]])
  for (let c = 0; c < n; c++) {
    let p = c
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r
    ;[m[c], m[p]] = [m[p], m[c]]
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c]
      if (f) for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k]
    }
  }
  const x = new Array<number>(n).fill(0)
  for (let r = n - 1; r >= 0; r--) {
    let v = m[r][n]
    for (let k = r + 1; k < n; k++) v -= m[r][k] * x[k]
    x[r] = v / m[r][r]
  }
  return x
}

const predict = (m: { bias: number; w: number[] }, x: number[]) => sigmoid(m.bias + m.w.reduce((s, wj, j) => s + wj * x[j], 0))

/** string hash → fold, so the same question text is always in the same fold */
function foldOf(q: string, k: number): number {
  let h = 2166136261
  for (const c of q) h = Math.imul(h ^ c.codePointAt(0)!, 16777619)
  return (h >>> 0) % k
}

/**
 * the held-out (5-fold) probability of every row and the lowest threshold at which those confident
 * answers are right ≥ TARGET_PRECISION of the time
 */
function calibrate(data: Row[]): { threshold: number; oof: { p: number; r: Row }[] } {
  const K = 5
  const oof: { p: number; r: Row }[] = []
  for (let k = 0; k < K; k++) {
    const m = fit(data.filter((r) => foldOf(r.q, K) !== k))
    for (const r of data.filter((r) => foldOf(r.q, K) === k)) oof.push({ p: predict(m, r.x), r })
  }
  oof.sort((a, b) => b.p - a.p)
  let threshold = 1
  let right = 0
  for (let i = 0; i < oof.length; i++) {
    right += oof[i].r.y
    if (right / (i + 1) >= TARGET_PRECISION && (i + 1 === oof.length || oof[i + 1].p < oof[i].p)) threshold = oof[i].p
  }
  return { threshold, oof }
}

/**
 * QA_LEAVE_OUT=each — the estimate of what a new writer's set will show: for every writer
 * (qa-sets.ts writerOf) the model is fit and calibrated on the other writers' sets only, and that
 * writer's sets are answered by it, their features computed on the index without that writer's
 * residents' wordings. Per set and pooled: top-1, top-3, confident right, right confident, out of
 * scope confident.
 */
function leaveEachWriterOut(all: Row[]) {
  const sizes = new Map(DEV_FILES.map((f) => [f, readSet(path.join(TEST_DIR, f)) as EvalQuestion[]]))
  const tally = () => ({ inScope: 0, oos: 0, top1: 0, top3: 0, confident: 0, confidentRight: 0, oosConfident: 0 })
  const perSet = new Map<string, ReturnType<typeof tally>>()
  for (const writer of [...new Set(DEV_FILES.map(writerOf))]) {
    const train = all.filter((r) => writerOf(r.file) !== writer)
    const { threshold } = calibrate(train)
    const m = fit(train)
    for (const file of DEV_FILES.filter((f) => writerOf(f) === writer)) {
      const t = tally()
      const set = sizes.get(file)!
      t.inScope = set.filter((e) => e.id !== null).length
      t.oos = set.length - t.inScope
      for (const r of all.filter((r) => r.file === file)) {
        const confident = predict(m, r.x) >= threshold
        if (!r.oos) {
          t.top1 += r.y
          t.top3 += r.top3 ? 1 : 0
        }
        if (confident) {
          t.confident++
          t.confidentRight += r.y
          if (r.oos) t.oosConfident++
          if (process.env.QA_DEBUG && !r.y) console.log(`  ${r.oos ? 'OOS' : 'wrong'} confident ${predict(m, r.x).toFixed(3)}  ${r.q}  (${file})`)
        }
      }
      perSet.set(file, t)
    }
  }
  const f3 = (k: number, n: number) => (n ? (k / n).toFixed(3) : '  -  ')
  const line = (name: string, t: ReturnType<typeof tally>) =>
    console.log(
      `${name.padEnd(34)} top-1 ${f3(t.top1, t.inScope)}  top-3 ${f3(t.top3, t.inScope)}  confident right ${f3(t.confidentRight, t.confident)} (${t.confidentRight}/${t.confident})  right confident ${f3(t.confidentRight, t.top1)}  OOS confident ${t.oosConfident}/${t.oos}`,
    )
  console.log("leave one writer out (fit, calibrate and residents' wordings without the writer of the set):")
  for (const [file, t] of perSet) line(file, t)
  const pool = (pick: (f: string) => boolean) => {
    const t = tally()
    for (const [file, s] of perSet) if (pick(file)) for (const k of Object.keys(t) as (keyof typeof t)[]) t[k] += s[k]
    return t
  }
  const n = (f: string) => Number(/blind(\d+)-test/.exec(f)?.[1] ?? 0)
  line(
    'pooled blind4 and later',
    pool((f) => n(f) >= 4),
  )
  line(
    'pooled blind10 and later',
    pool((f) => n(f) >= 10),
  )
  line(
    'pooled all',
    pool(() => true),
  )
}

function main() {
  const all = rows(indexesByWriter(JSON.parse(process.env.QA_OPTS ?? '{}')))
  // QA_LEAVE_OUT=each: leave every writer's sets out in turn (below)
  if (process.env.QA_LEAVE_OUT === 'each') return leaveEachWriterOut(all)
  // QA_LEAVE_OUT=qa-eval-blind4-test.json: fit and calibrate on the other sets, then report what the
  // left-out set's confident answers would be — an estimate of what a new blind set will show
  const leaveOut = process.env.QA_LEAVE_OUT
  const data = leaveOut ? all.filter((r) => r.file !== leaveOut) : all
  const { threshold, oof } = calibrate(data)
  const confident = oof.filter((o) => o.p >= threshold)
  const rightAll = oof.filter((o) => o.r.y === 1)
  const oos = oof.filter((o) => o.r.oos)
  console.log(`dev questions with a hit: ${data.length} (${DEV_FILES.join(', ')})`)
  console.log(`held-out (5-fold) at threshold ${threshold.toFixed(3)}:`)
  console.log(
    `  confident right       ${(confident.filter((o) => o.r.y).length / Math.max(1, confident.length)).toFixed(3)} (${confident.filter((o) => o.r.y).length}/${confident.length})`,
  )
  console.log(
    `  right called confident ${(rightAll.filter((o) => o.p >= threshold).length / Math.max(1, rightAll.length)).toFixed(3)} (${rightAll.filter((o) => o.p >= threshold).length}/${rightAll.length})`,
  )
  console.log(`  out-of-scope confident ${oos.filter((o) => o.p >= threshold).length}/${oos.length} (of those with a hit)`)
  if (leaveOut) {
    const m = fit(data)
    const left = all.filter((r) => r.file === leaveOut).map((r) => ({ p: predict(m, r.x), r }))
    const c = left.filter((o) => o.p >= threshold)
    const cr = c.filter((o) => o.r.y).length
    console.log(
      `left out ${leaveOut}: confident right ${cr}/${c.length}, right confident ${cr}/${left.filter((o) => o.r.y).length}, out-of-scope confident ${c.filter((o) => o.r.oos).length}/${left.filter((o) => o.r.oos).length}`,
    )
    return
  }

  // the curve: held-out precision of the confident answers against the share of right answers called confident
  console.log('  curve (held-out): threshold → confident right / right called confident / out-of-scope confident')
  for (const t of [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95]) {
    const c = oof.filter((o) => o.p >= t)
    const r = c.filter((o) => o.r.y).length
    console.log(
      `    ${t.toFixed(2)}  ${(r / Math.max(1, c.length)).toFixed(3)}  ${(r / Math.max(1, rightAll.length)).toFixed(3)}  ${c.filter((o) => o.r.oos).length}/${oos.length}`,
    )
  }
  if (process.env.QA_DEBUG)
    for (const o of oof.filter((o) => !o.r.y).slice(0, 40))
      console.log(o.p.toFixed(3), o.r.oos ? 'OOS' : 'wrong', o.r.q, o.r.x.map((v) => v.toFixed(2)).join(' '))
  const m = fit(data)
  const model: ConfidenceModel = {
    bias: round(m.bias),
    weights: Object.fromEntries(FEATURES.map((f, j) => [f, round(m.w[j])])) as ConfidenceModel['weights'],
    threshold: round(threshold),
  }
  console.log('model', JSON.stringify(model))
  if (process.env.QA_WRITE !== '0') {
    writeFileSync(
      path.join(__dirname, '../server/modules/qa/confidence-model.ts'),
      `// written by scripts/fit-qa-confidence.ts from the development sets — do not edit by hand (confidence.ts reads it)\nexport const CONFIDENCE_MODEL = ${JSON.stringify(model, null, 2)}\n`,
    )
  }
}

const round = (x: number) => Math.round(x * 10000) / 10000

if (require.main === module) main()
