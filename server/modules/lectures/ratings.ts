/** The menu's rating: the seeded record of past lectures, plus every rating given here. */
export function mergedRating(base: { average: number; count: number }, stars: number[]): { average: number; count: number } {
  const count = base.count + stars.length
  if (count === 0) return { average: 0, count: 0 }
  const sum = base.average * base.count + stars.reduce((a, b) => a + b, 0)
  return { average: Math.round((sum / count) * 10) / 10, count }
}
