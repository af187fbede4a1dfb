/**
 * The re-ranker: a linear model over features of each of the first `depth` hits of the BM25F
 * ranking (QaIndex.candidateFeatures), whose scores order them anew — a softmax over the
 * candidates (conditional logit), fit by scripts/fit-qa-rerank.ts on the development sets only,
 * with cross-validation by question. Inference is one dot product per candidate. The coefficients
 * live in rerank-model.json (written by the script, committed), with whether it is on.
 *
 * The features (0..1), for one candidate:
 *  - rel: its BM25F score over the first hit's;
 *  - qCover / kCover / aCover: idf-weighted share of the question's content words (segment.ts) in
 *    the FAQ's question / its keywords / anywhere (answer included);
 *  - firstKeyword: share of the bigrams of the FAQ's first keyword — what the FAQ is about (f031
 *    医疗救助 vs f084 重病救助, which lists 医疗救助 last) — the question contains;
 *  - keyword: the same for its best-matched keyword (租房提取 of f064 in 租房提取公积金).
 * Tried and left out (no gain in cross-validation, see the README): whether it is the BM25F first
 * hit, the FAQ question's words the resident named or left unsaid, words that tell the candidates
 * apart, topic agreement among the candidates, length ratio, head word, most specific word missing.
 */
import MODEL from './rerank-model.json'

export const RERANK_FEATURES = ['rel', 'qCover', 'kCover', 'aCover', 'firstKeyword', 'keyword'] as const
export type RerankFeature = (typeof RERANK_FEATURES)[number]

export interface RerankModel {
  /**
   * whether QaIndex.rank (and so ask) orders by it. Off as shipped: it wins in cross-validation on
   * the dev sets but loses on the newest spent blind sets (README, Q&A); the fit script turns it on
   * only when asked (QA_RERANK_ON=1)
   */
  on: boolean
  /** how many of the BM25F hits are re-ranked */
  depth: number
  /** a feature left out weighs 0 (`{ "depth": 0, "weights": {} }` keeps the BM25F order) */
  weights: Partial<Record<RerankFeature, number>>
}

export const RERANK_MODEL: RerankModel = MODEL as RerankModel

/** the model's score of each candidate (a higher one ranks first) */
export function rerankScores(features: number[][], model: RerankModel = RERANK_MODEL): number[] {
  const w = RERANK_FEATURES.map((f) => model.weights[f] ?? 0)
  return features.map((x) => {
    let z = 0
    for (let j = 0; j < w.length; j++) z += w[j] * x[j]
    return z
  })
}
