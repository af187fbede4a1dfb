/**
 * A chart's text at the reader's text size. ECharts draws on a canvas, so the page's --fs-*
 * tokens never reach it: axis labels, legend, tooltip, value labels and titles stayed ~12 px in
 * 长辈模式 and the category labels (years) ran together. This puts the sizes of the text-size
 * tokens (common/theme) into an option, and turns the category labels when they would not fit
 * side by side. Pure and JSON in, JSON out, so weapp, H5 and the tests share it.
 */
import { scaleTokens, type TextScale } from '../theme'

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const each = (v: unknown, f: (o: Obj) => Obj): unknown => (Array.isArray(v) ? v.map((x) => (isObj(x) ? f(x) : x)) : isObj(v) ? f(v) : v)
const sub = (o: Obj, key: string): Obj => (isObj(o[key]) ? (o[key] as Obj) : {})

/** CSS px a label needs, roughly: CJK characters a full em, digits and Latin ~0.6 em */
export function labelWidth(text: string, fontSize: number): number {
  let w = 0
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? fontSize : fontSize * 0.6
  return w
}

/** the chart's height at a scale: taller as the text grows, so the plot keeps its room */
export function chartHeight(base: number, scale: TextScale): number {
  return Math.round((base * scaleTokens[scale].md) / scaleTokens.normal.md)
}

/**
 * The option with the scale's font sizes; `width` (CSS px of the chart) decides whether the
 * category labels fit flat, or are turned 45° (and, when even that is too crowded, thinned out).
 */
export function chartTextOption(option: Obj, scale: TextScale, width: number): Obj {
  const t = scaleTokens[scale]
  const small = t.xs
  const text = (o: Obj, size: number) => ({ ...o, fontSize: size })
  const out: Obj = { ...option }

  out.title = each(option.title, (o) => ({ ...o, textStyle: text(sub(o, 'textStyle'), t.md) }))
  out.legend = each(option.legend, (o) => ({
    ...o,
    textStyle: text(sub(o, 'textStyle'), t.sm),
    itemWidth: Math.round(t.sm * 1.4),
    itemHeight: Math.round(t.sm * 0.8),
  }))
  out.tooltip = each(option.tooltip, (o) => ({ ...o, confine: true, textStyle: text(sub(o, 'textStyle'), t.sm) }))
  out.series = each(option.series, (o) => ({ ...o, label: text(sub(o, 'label'), small) }))

  // the category labels: flat when they fit, else turned, else turned and thinned
  const plotWidth = Math.max(120, width - 72)
  out.xAxis = each(option.xAxis, (o) => {
    const axisLabel = text(sub(o, 'axisLabel'), small)
    const nameTextStyle = text(sub(o, 'nameTextStyle'), small)
    const data = Array.isArray(o.data) ? o.data.map((d) => String(isObj(d) ? d.value : d)) : []
    if (o.type !== 'category' || !data.length) return { ...o, axisLabel, nameTextStyle }
    const slot = plotWidth / data.length
    const widest = Math.max(...data.map((d) => labelWidth(d, small)))
    // the axis name sits centred under the labels, not at the end of the axis where it clips
    const named = { nameLocation: 'middle', nameTextStyle }
    // (ECharts puts labels 8 px under the axis; the name goes under them with a little room)
    if (widest + 6 <= slot) return { ...o, ...named, nameGap: Math.round(12 + small * 1.8), axisLabel: { ...axisLabel, interval: 0, rotate: 0 } }
    // turned 45°, a label takes about its line height / sin 45° along the axis
    const depth = Math.round((widest + small) * 0.71)
    const every = Math.max(1, Math.ceil((small * 1.5) / slot))
    return { ...o, ...named, nameGap: 8 + depth + Math.round(small * 0.8), axisLabel: { ...axisLabel, rotate: 45, interval: every - 1, hideOverlap: true } }
  })
  out.yAxis = each(option.yAxis, (o) => ({ ...o, axisLabel: text(sub(o, 'axisLabel'), small), nameTextStyle: text(sub(o, 'nameTextStyle'), small) }))

  if (isObj(option.grid)) {
    const legendRoom = option.legend ? Math.round(t.sm * 1.6 + 8) : 8
    const nameRoom = Math.round(small * 2)
    out.grid = {
      ...option.grid,
      left: 12,
      right: 16,
      top: Math.round(t.md * 1.6 + small * 1.8),
      bottom: legendRoom + nameRoom,
      containLabel: true,
    }
  }
  return out
}
