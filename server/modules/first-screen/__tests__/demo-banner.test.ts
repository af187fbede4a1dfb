/** The 演示模式 banner goes where ThemePage draws DemoBanner: first in the page's root, after a subpage's title bar. */
import { demoBannerText, demoBannerTitle } from '../../../../common/labels/demo-mode'
import { demoBanner, withDemoBanner } from '../demo-banner'
import { skeletonFirstScreen } from '../skeleton'
import { subpage } from '../subpage'

const BANNER =
  '<div class="demo-banner" role="region" aria-label="演示模式"><span class="demo-banner__title">演示模式</span>' +
  '<span class="demo-banner__text">本机演示服务，可任选身份登录，数据仅供演示，请勿填写真实个人信息</span></div>'

it('says what DemoBanner says, with its classes and its name for screen readers', () => {
  expect(demoBanner()).toBe(BANNER)
  expect(demoBanner()).toContain(demoBannerTitle)
  expect(demoBanner()).toContain(demoBannerText)
})

it("comes first in a tab page's root", () => {
  expect(withDemoBanner('<div class="page mine"><div class="mine__card">访</div></div>')).toBe(
    `<div class="page mine">${BANNER}<div class="mine__card">访</div></div>`,
  )
  expect(withDemoBanner('<div class="page"><a class="search-bar">搜</a></div>')).toBe(`<div class="page">${BANNER}<a class="search-bar">搜</a></div>`)
})

it("comes right after a subpage's title bar, whatever its title says", () => {
  const page = subpage('<div class="title-bar__spacer"></div></div>标题', 'policy-detail', '<div class="card">正文</div>')
  const drawn = withDemoBanner(page)
  expect(drawn.replace(BANNER, '')).toBe(page)
  expect(drawn.indexOf(BANNER)).toBe(page.indexOf('<div class="card">正文'))
})

it('refuses a screen that is not one page root (it would land in the wrong place)', () => {
  expect(() => withDemoBanner('<style>x</style><div class="page"></div>')).toThrow()
  expect(() => withDemoBanner('<div class="pages"></div>')).toThrow()
})

it('the skeleton draws it under its title bar strip in the demo only', () => {
  expect(skeletonFirstScreen({ demo: true })).toMatch(
    new RegExp(`^<div class="zct-skeleton"[^>]*><div class="zct-skeleton__bar"></div>${BANNER.replace(/[()]/g, '\\$&')}<div class="zct-skeleton__body">`),
  )
  expect(skeletonFirstScreen({ demo: false })).not.toContain('demo-banner')
})
