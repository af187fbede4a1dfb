/** a clock tests can move: `now` is what stores take as their `now` option */
export function makeClock(start: Date) {
  let t = start.getTime()
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms
    },
    set(date: Date) {
      t = date.getTime()
    },
  }
}
