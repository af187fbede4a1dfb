// written by scripts/fit-qa-confidence.ts from the development sets — do not edit by hand (confidence.ts reads it)
export const CONFIDENCE_MODEL = {
  bias: -5.0439,
  weights: {
    score: 3.6962,
    margin: 0.59,
    cover: 3.0872,
    titleCover: 0.5469,
    unknown: -4.1592,
    head: 0.2842,
    missing: 0.9127,
    words: 3.8004,
    specificity: 0.5695,
    close: -0.84,
    gap: 1.7157,
  },
  threshold: 0.8625,
}
