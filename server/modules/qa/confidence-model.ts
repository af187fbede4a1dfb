// written by scripts/fit-qa-confidence.ts from the development sets — do not edit by hand (confidence.ts reads it)
export const CONFIDENCE_MODEL = {
  "bias": -5.4084,
  "weights": {
    "score": 2.9677,
    "margin": -0.7025,
    "cover": 2.0275,
    "titleCover": -0.2283,
    "unknown": -3.3844,
    "head": 0.0855,
    "missing": 0.3899,
    "words": 3.5479,
    "specificity": 0.3325,
    "close": -0.2764,
    "gap": 1.372,
    "asked": 1.9082,
    "belief": 2.8488
  },
  "threshold": 0.8696
}
