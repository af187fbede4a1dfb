/**
 * Text size and 长辈模式 (elder mode) as design tokens. The numbers follow the MIIT rules for
 * elder-friendly apps (《移动互联网应用（APP）适老化通用设计规范》): in elder mode body text ≥ 18,
 * the largest step ≥ 30, line height ≥ 1.3, tap targets ≥ 60 × 60, text contrast ≥ 4.5 : 1.
 * Sizes are in design px of a 375-wide screen (config designWidth 375), so 18 here is 18 CSS px
 * on an ordinary phone.
 */
export type TextScale = 'normal' | 'large' | 'elder'

export const TEXT_SCALES: readonly TextScale[] = ['normal', 'large', 'elder']

export const scaleLabel: Record<TextScale, string> = { normal: '标准', large: '大字', elder: '特大（长辈模式）' }

export interface ScaleTokens {
  /** font sizes, smallest to largest */
  xs: number
  sm: number
  md: number
  lg: number
  xl: number
  xxl: number
  /** unitless line height */
  lh: number
  /** minimum width and height of anything tappable */
  tap: number
}

export const scaleTokens: Record<TextScale, ScaleTokens> = {
  normal: { xs: 12, sm: 14, md: 16, lg: 18, xl: 22, xxl: 26, lh: 1.6, tap: 44 },
  large: { xs: 15, sm: 16, md: 18, lg: 21, xl: 25, xxl: 30, lh: 1.55, tap: 52 },
  elder: { xs: 18, sm: 18, md: 20, lg: 24, xl: 30, xxl: 34, lh: 1.5, tap: 60 },
}

/** colours that change with the scale: elder mode drops the lightest greys for darker ones */
export const scaleColours: Record<TextScale, Record<string, string>> = {
  normal: { '--c-text': '#1f2329', '--c-text-2': '#4e5560', '--c-text-3': '#5f6673', '--c-border': '#e3e6eb' },
  large: { '--c-text': '#1f2329', '--c-text-2': '#4e5560', '--c-text-3': '#5f6673', '--c-border': '#d5d9e0' },
  elder: { '--c-text': '#111418', '--c-text-2': '#30353d', '--c-text-3': '#444a54', '--c-border': '#b9bfc9' },
}

/**
 * The CSS custom properties for a scale. `unit` turns design px into the platform's unit
 * (Taro.pxTransform: rem on H5, rpx on weapp), so inline tokens match the stylesheet's.
 */
export function themeVars(scale: TextScale, unit: (px: number) => string = (px) => `${px}px`): Record<string, string> {
  const t = scaleTokens[scale]
  return {
    '--fs-xs': unit(t.xs),
    '--fs-sm': unit(t.sm),
    '--fs-md': unit(t.md),
    '--fs-lg': unit(t.lg),
    '--fs-xl': unit(t.xl),
    '--fs-xxl': unit(t.xxl),
    '--lh': String(t.lh),
    '--tap': unit(t.tap),
    ...scaleColours[scale],
  }
}

/** `--a: 1; --b: 2` for a style attribute (weapp takes a string) */
export function styleText(vars: Record<string, string>): string {
  return Object.entries(vars)
    .map(([k, v]) => `${k}:${v}`)
    .join(';')
}

/**
 * The scale WeChat's own font setting asks for (`fontSizeSetting`, px; 16–17 is the default):
 * turned up a step → large, turned up further → elder.
 */
export function scaleForSystemFont(fontSizeSetting: number | undefined): TextScale {
  if (!fontSizeSetting || fontSizeSetting <= 17) return 'normal'
  return fontSizeSetting < 22 ? 'large' : 'elder'
}

/** the user's own choice wins; without one the app follows the system font setting */
export function effectiveScale(choice: TextScale | undefined, system: TextScale): TextScale {
  return choice ?? system
}

/** WCAG 2 contrast ratio of two #rrggbb colours */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const n = parseInt(hex.replace('#', ''), 16)
    const ch = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => {
      const s = c / 255
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]
  }
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}
