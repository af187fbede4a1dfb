// written by scripts/fit-qa-confidence.ts from the development sets — do not edit by hand (confidence.ts reads it)
export const CONFIDENCE_MODEL = {
  bias: -5.1074,
  weights: {
    score: 4.0056,
    margin: 0.909,
    cover: 3.1032,
    titleCover: 0.6163,
    unknown: -4.2455,
    head: 0.2739,
    missing: 0.9116,
    words: 3.7798,
    specificity: 0.6121,
    close: -0.9004,
  },
  threshold: 0.8691,
}
