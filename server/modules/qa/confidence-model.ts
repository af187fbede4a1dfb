// written by scripts/fit-qa-confidence.ts from the development sets — do not edit by hand (confidence.ts reads it)
export const CONFIDENCE_MODEL = {
  bias: -4.7688,
  weights: {
    score: 2.1662,
    margin: 0.3769,
    cover: 2.6078,
    titleCover: 0.1111,
    unknown: -3.2955,
    head: 0.2767,
    missing: 0.4855,
    words: 3.7494,
    specificity: 0.8164,
    close: -0.8248,
    gap: 1.4983,
    asked: 2.3932,
  },
  threshold: 0.9056,
}
