// written by scripts/fit-qa-confidence.ts from the development sets — do not edit by hand (confidence.ts reads it)
export const CONFIDENCE_MODEL = {
  "bias": -4.6726,
  "weights": {
    "score": 2.4387,
    "margin": 0.3397,
    "cover": 2.6575,
    "titleCover": 0.0567,
    "unknown": -3.3681,
    "head": 0.2363,
    "missing": 0.3894,
    "words": 3.6341,
    "specificity": 0.8511,
    "close": -0.874,
    "gap": 1.6069,
    "asked": 2.3306
  },
  "threshold": 0.8435
}
