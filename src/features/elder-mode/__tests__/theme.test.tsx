import { readFileSync } from 'node:fs'
import path from 'node:path'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { ElderModeToggle, TextSizePicker } from '../components/text-size'
import { ThemePage } from '../components/theme-page'
import { useThemeStore } from '../stores/theme-store'
import { contrastRatio, effectiveScale, scaleColours, scaleForSystemFont, scaleTokens, TEXT_SCALES, themeVars } from '@common/theme'
import { useDocumentTheme } from '../use-document-theme'

const appScss = readFileSync(path.join(__dirname, '../../../app.scss'), 'utf8')
const scssVar = (name: string) => appScss.match(new RegExp(`${name}:\\s*([^;]+);`))?.[1].trim()

beforeEach(() => {
  act(() => useThemeStore.setState({ choice: undefined, system: 'normal' }))
})

describe('theme tokens', () => {
  it('meet the elder-friendly rules at the largest scale: body ≥ 18, top step ≥ 30, line height ≥ 1.3, taps ≥ 60', () => {
    const elder = scaleTokens.elder
    expect(elder.md).toBeGreaterThanOrEqual(18)
    expect(elder.sm).toBeGreaterThanOrEqual(18)
    expect(elder.xs).toBeGreaterThanOrEqual(18)
    expect(Math.max(elder.xl, elder.xxl)).toBeGreaterThanOrEqual(30)
    expect(elder.tap).toBeGreaterThanOrEqual(60)
    for (const s of TEXT_SCALES) {
      expect(scaleTokens[s].lh).toBeGreaterThanOrEqual(1.3)
      expect(scaleTokens[s].tap).toBeGreaterThanOrEqual(44)
    }
  })

  it('grow at every step, for every size', () => {
    for (const k of ['xs', 'sm', 'md', 'lg', 'xl', 'xxl', 'tap'] as const) {
      expect(scaleTokens.normal[k]).toBeLessThan(scaleTokens.large[k])
      expect(scaleTokens.large[k]).toBeLessThanOrEqual(scaleTokens.elder[k])
    }
  })

  it('app.scss holds the 标准 scale, so a page without a theme root looks the same', () => {
    const normal = themeVars('normal')
    for (const [name, value] of Object.entries(normal)) expect([name, scssVar(name)]).toEqual([name, value])
  })

  it('keeps text contrast ≥ 4.5:1 on cards and the page background at every scale', () => {
    const backgrounds = [scssVar('--c-card') ?? '', scssVar('--c-bg') ?? '']
    expect(backgrounds).toEqual(['#ffffff', '#f4f6fa'])
    for (const s of TEXT_SCALES) {
      for (const name of ['--c-text', '--c-text-2', '--c-text-3']) {
        for (const bg of backgrounds) expect([s, name, bg, contrastRatio(scaleColours[s][name], bg) >= 4.5]).toEqual([s, name, bg, true])
      }
    }
    for (const name of ['--c-primary', '--c-danger', '--c-success', '--c-warning']) {
      expect([name, contrastRatio(scssVar(name) ?? '', '#ffffff') >= 4.5]).toEqual([name, true])
    }
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
  })

  it('follows WeChat’s font setting when it is turned up, unless the user chose a size', () => {
    expect(scaleForSystemFont(undefined)).toBe('normal')
    expect(scaleForSystemFont(16)).toBe('normal')
    expect(scaleForSystemFont(17)).toBe('normal')
    expect(scaleForSystemFont(20)).toBe('large')
    expect(scaleForSystemFont(24)).toBe('elder')
    expect(effectiveScale(undefined, 'large')).toBe('large')
    expect(effectiveScale('normal', 'elder')).toBe('normal')
  })
})

describe('ThemePage and the switches', () => {
  it('puts the tokens of the scale in force on the page root, and changes them with 长辈模式', () => {
    const { container } = render(
      <ThemePage className='x'>
        <ElderModeToggle />
      </ThemePage>,
    )
    const root = container.querySelector('.page') as HTMLElement
    expect(root).toHaveClass('theme--normal', 'x')
    expect(root.style.getPropertyValue('--fs-md')).toBe('16px')
    expect(root.style.getPropertyValue('--tap')).toBe('44px')

    fireEvent.click(screen.getByRole('button', { name: /长辈模式/ }))
    expect(root).toHaveClass('theme--elder')
    expect(root.style.getPropertyValue('--fs-md')).toBe('20px')
    expect(root.style.getPropertyValue('--fs-xl')).toBe('30px')
    expect(root.style.getPropertyValue('--tap')).toBe('60px')
    expect(root.style.getPropertyValue('--lh')).toBe('1.5')
    expect(screen.getByRole('button', { name: /长辈模式：已开启/ })).toHaveAttribute('aria-pressed', 'true')
    // persisted in Taro storage
    expect(JSON.parse(taroMock.storage.get('zct-theme') as string).state).toEqual({ choice: 'elder' })
  })

  it('TextSizePicker chooses each size, and 跟随微信字体 hands the choice back to the system setting', () => {
    act(() => useThemeStore.setState({ system: 'large' }))
    const { container } = render(
      <ThemePage>
        <TextSizePicker />
      </ThemePage>,
    )
    const root = container.querySelector('.page') as HTMLElement
    // no choice yet: WeChat's larger font wins
    expect(root.dataset.textScale).toBe('large')
    expect(screen.getByRole('checkbox', { name: /跟随微信字体设置（当前：大字）/ })).toHaveAttribute('aria-checked', 'true')

    fireEvent.click(screen.getByRole('radio', { name: '标准' }))
    expect(root.dataset.textScale).toBe('normal')
    expect(screen.getByRole('radio', { name: '标准' })).toHaveAttribute('aria-checked', 'true')
    expect(screen.getByRole('checkbox', { name: /跟随微信字体/ })).toHaveAttribute('aria-checked', 'false')

    fireEvent.click(screen.getByRole('radio', { name: '特大（长辈模式）' }))
    expect(root.style.getPropertyValue('--fs-md')).toBe('20px')

    fireEvent.click(screen.getByRole('checkbox', { name: /跟随微信字体/ }))
    expect(root.dataset.textScale).toBe('large')
    expect(root.style.getPropertyValue('--fs-md')).toBe('18px')
  })

  it('on H5 keeps the tokens on <html> for every page, and reads the system font size', () => {
    const env = process.env.TARO_ENV
    process.env.TARO_ENV = 'h5'
    try {
      function App() {
        useDocumentTheme()
        return null
      }
      render(<App />)
      const html = document.documentElement
      expect(html.style.getPropertyValue('--fs-md')).toBe('16px')
      expect(html).toHaveClass('theme--normal')
      act(() => useThemeStore.getState().setChoice('elder'))
      expect(html.style.getPropertyValue('--fs-md')).toBe('20px')
      expect(html.style.getPropertyValue('--c-text-3')).toBe(scaleColours.elder['--c-text-3'])
      expect(html).toHaveClass('theme--elder')
      expect(html).not.toHaveClass('theme--normal')
    } finally {
      process.env.TARO_ENV = env
    }
  })
})
