// written by scripts/fit-qa-confidence.ts from the development sets — do not edit by hand (confidence.ts reads it)
export const CONFIDENCE_MODEL = {
  bias: -4.6505,
  weights: {
    score: 2.4778,
    margin: 0.4511,
    cover: 2.8158,
    titleCover: -0.1553,
    unknown: -3.6375,
    head: 0.324,
    missing: 0.5014,
    words: 3.5362,
    specificity: 0.7528,
    close: -0.8406,
    gap: 1.4889,
    asked: 2.3375,
  },
  threshold: 0.8266,
}
