/**
 * `npx tsx scripts/fit-qa-rerank.ts`: fits the Q&A re-ranker (server/modules/qa/rerank.ts) — a
 * softmax over the first QA_DEPTH hits of the BM25F ranking (conditional logit: the right FAQ
 * should get the largest share), linear in the candidates' features — on the DEVELOPMENT sets only
 * (test/qa-eval.json, heldout, *-dev.json; the same as the confidence fit), over the same
 * 5,000-FAQ corpus as `npm run eval:qa`. It prints, per set, top-1 / top-3 of the BM25F order and
 * of the re-ranked one, the latter from 5-fold cross-validation (QA_FOLD, below), and writes the
 * coefficients fit on all dev questions to server/modules/qa/rerank-model.json (QA_WRITE=0: print
 * only), off unless QA_RERANK_ON=1 (the README says why it is off). The blind test sets are never read.
 *
 * Knobs: QA_DEPTH (candidates, default 8), QA_L2, QA_DROP (features left out, comma-separated, to
 * measure what each is worth), QA_FOLD.
 */
import { readdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { corpus, readSet, type EvalQuestion } from './eval-qa'
import { QaIndex } from '../server/modules/qa'
import { RERANK_FEATURES, type RerankModel } from '../server/modules/qa/rerank'

const TEST_DIR = path.join(__dirname, '../test')
export const DEV_FILES = readdirSync(TEST_DIR)
  .filter((f) => f === 'qa-eval.json' || f === 'qa-eval-heldout.json' || /^qa-eval-.+-dev\.json$/.test(f))
  .sort()
const DEPTH = Number(process.env.QA_DEPTH ?? 8)
const L2 = Number(process.env.QA_L2 ?? 0.01)
const DROP = new Set((process.env.QA_DROP ?? '').split(',').filter(Boolean))
const USED = RERANK_FEATURES.map((f) => !DROP.has(f))

interface Group {
  set: string
  q: string
  /** the right FAQ's id */
  id: string
  /** candidates' features */
  x: number[][]
  /** 1 for a right candidate (the set's id or an alt) */
  y: number[]
}

function groups(index: QaIndex): Group[] {
  const out: Group[] = []
  for (const file of DEV_FILES) {
    for (const e of readSet(path.join(TEST_DIR, file)) as EvalQuestion[]) {
      if (e.id === null) continue
      const hits = index.search(e.q, DEPTH)
      const x = index.candidateFeatures(e.q, hits).map((row) => row.map((v, j) => (USED[j] ? v : 0)))
      const y = hits.map((h) => (h.faq.id === e.id || (e.alt ?? []).includes(h.faq.id) ? 1 : 0))
      out.push({ set: file, q: e.q, id: e.id, x, y })
    }
  }
  return out
}

const dot = (w: number[], x: number[]) => w.reduce((s, wj, j) => s + wj * x[j], 0)

/** softmax over each group's candidates; loss −log(share of the right ones); gradient descent with L2 */
function fit(data: Group[]): number[] {
  const d = RERANK_FEATURES.length
  const w = new Array<number>(d).fill(0)
  w[0] = 1 // start from the BM25F order
  // questions with a right candidate and a wrong one: the others teach nothing
  const usable = data.filter((g) => g.y.some((v) => v) && g.y.some((v) => !v))
  const rate = 2
  for (let it = 0; it < 3000; it++) {
    const grad = new Array<number>(d).fill(0)
    for (const g of usable) {
      const z = g.x.map((x) => dot(w, x))
      const m = Math.max(...z)
      const e = z.map((v) => Math.exp(v - m))
      const sum = e.reduce((a, b) => a + b, 0)
      const pos = e.reduce((a, v, i) => a + (g.y[i] ? v : 0), 0)
      // d(−log pos/sum)/dw = Σ p_i x_i − Σ_{right} (e_i/pos) x_i
      g.x.forEach((x, i) => {
        const coef = e[i] / sum - (g.y[i] ? e[i] / pos : 0)
        for (let j = 0; j < d; j++) grad[j] += coef * x[j]
      })
    }
    for (let j = 0; j < d; j++) w[j] -= rate * (grad[j] / usable.length + L2 * w[j])
  }
  return w
}

/** the position (0-based) of the first right candidate in the order the weights give, −1 if none */
function rankOfRight(g: Group, w: number[] | undefined): number {
  const order = g.x.map((x, i) => ({ i, z: w ? dot(w, x) : -i })).sort((a, b) => b.z - a.z || a.i - b.i)
  return order.findIndex((o) => g.y[o.i] === 1)
}

function hashOf(s: string): number {
  let h = 2166136261
  for (const c of s) h = Math.imul(h ^ c.codePointAt(0)!, 16777619)
  return h >>> 0
}

/**
 * QA_FOLD: `faq` (default) puts every question about one FAQ in one fold — the sets hold several
 * paraphrases of one FAQ (租的店面办执照要房产证吗 is in three of them), and a fold by question
 * text lets the model learn that FAQ from its paraphrases; `set`: leave one set (one writer) out;
 * `question`: by question text
 */
const FOLD = process.env.QA_FOLD ?? 'faq'
const SET_NAMES = DEV_FILES
function foldOf(g: Group, k: number): number {
  if (FOLD === 'set') return SET_NAMES.indexOf(g.set)
  return hashOf(FOLD === 'question' ? g.q : g.id) % k
}

function main() {
  const index = new QaIndex(corpus(), JSON.parse(process.env.QA_OPTS ?? '{}'))
  const data = groups(index)
  const K = FOLD === 'set' ? SET_NAMES.length : 5
  const held = new Map<Group, number>()
  for (let k = 0; k < K; k++) {
    const w = fit(data.filter((g) => foldOf(g, K) !== k))
    for (const g of data.filter((g) => foldOf(g, K) === k)) held.set(g, rankOfRight(g, w))
  }
  const fmt = (k: number, n: number) => `${(k / n).toFixed(3)} (${k}/${n})`
  console.log(`depth ${DEPTH}, L2 ${L2}, folds by ${FOLD}${DROP.size ? `, without ${[...DROP].join(',')}` : ''}`)
  console.log(`set: top-1 BM25F → re-ranked (${K}-fold held out), top-3 BM25F → re-ranked, in top depth`)
  const sets = [...new Set(data.map((g) => g.set)), 'all dev']
  for (const set of sets) {
    const gs = data.filter((g) => set === 'all dev' || g.set === set)
    const base = gs.map((g) => rankOfRight(g, undefined))
    const re = gs.map((g) => held.get(g)!)
    const at = (rs: number[], k: number) => rs.filter((r) => r >= 0 && r < k).length
    console.log(
      `  ${set.padEnd(28)} ${fmt(at(base, 1), gs.length)} → ${fmt(at(re, 1), gs.length)}   ${fmt(at(base, 3), gs.length)} → ${fmt(at(re, 3), gs.length)}   ${fmt(at(base, DEPTH), gs.length)}`,
    )
  }
  if (process.env.QA_DEBUG) {
    for (const g of data) {
      const b = rankOfRight(g, undefined)
      const r = held.get(g)!
      if (b !== r && (b === 0 || r === 0)) console.log(`  ${b === 0 ? 'LOST' : 'WON '} ${g.set} ${g.q} (BM25F #${b + 1} → #${r + 1})`)
    }
  }
  const w = fit(data)
  const inSample = data.filter((g) => rankOfRight(g, w) === 0).length
  console.log(`in sample (fit on all dev): top-1 ${fmt(inSample, data.length)}`)
  const model: RerankModel = {
    on: process.env.QA_RERANK_ON === '1',
    depth: DEPTH,
    weights: Object.fromEntries(RERANK_FEATURES.map((f, j) => [f, Math.round(w[j] * 10000) / 10000])) as RerankModel['weights'],
  }
  console.log('model', JSON.stringify(model))
  if (process.env.QA_WRITE !== '0') writeFileSync(path.join(__dirname, '../server/modules/qa/rerank-model.json'), `${JSON.stringify(model, null, 2)}\n`)
}

if (require.main === module) main()
