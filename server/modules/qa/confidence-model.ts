// written by scripts/fit-qa-confidence.ts from the development sets — do not edit by hand (confidence.ts reads it)
export const CONFIDENCE_MODEL = {
  bias: -4.8822,
  weights: {
    score: 3.8116,
    margin: 1.3845,
    cover: 2.9867,
    titleCover: 0.6506,
    unknown: -4.0077,
    head: 0.1814,
    missing: 0.8734,
    words: 3.5092,
    specificity: 0.3253,
    close: -0.6951,
  },
  threshold: 0.8935,
}
