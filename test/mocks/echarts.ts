/** Stands in for the chart's ECharts under jsdom: records what the component asked it to draw. */
export const drawn: { el: unknown; option: Record<string, unknown>; devicePixelRatio?: number; disposed: boolean }[] = []

export const echarts = {
  init(el: unknown, _theme?: unknown, opts?: { devicePixelRatio?: number }) {
    const record = { el, option: {} as Record<string, unknown>, devicePixelRatio: opts?.devicePixelRatio, disposed: false }
    drawn.push(record)
    return {
      setOption: (option: Record<string, unknown>) => void (record.option = option),
      resize: () => undefined,
      dispose: () => void (record.disposed = true),
    }
  },
}
