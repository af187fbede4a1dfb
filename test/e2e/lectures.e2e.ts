/**
 * 宣讲点单 across roles on H5, on the real server and SQLite: a resident orders (privacy popup
 * before the phone), the dispatcher dispatches on 派单台, the lecturer accepts, schedules, shows
 * the sign-in QR and completes, and the resident sees the timeline, rates, and has unread
 * messages in 我的. Screenshots: the order form (normal and large text), the QR, the timeline.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { BASE_URL, phoneSession, screenshot } from './browser'
import { pickFirst, pickRegion } from './taro'

const session = phoneSession()

async function signInAs(p: Page, roleButton: string) {
  await p.goto(`${BASE_URL}/pages/mine/index`)
  const logout = p.getByText('退出登录')
  if (await logout.isVisible().catch(() => false)) await logout.click()
  await p.getByRole('button', { name: roleButton, exact: true }).click()
  await logout.waitFor()
}

const field = (p: Page, label: string) => p.locator(`[aria-label="${label}"]:visible input, [aria-label="${label}"]:visible textarea`).first()

/** the 标准 scale doubled up to the 特大 sizes, as elder mode sets them on <html> */
async function largeText(p: Page, on: boolean) {
  await p.evaluate((enable) => {
    const sizes = { '--fs-xs': '16px', '--fs-sm': '18px', '--fs-md': '21px', '--fs-lg': '23px', '--fs-xl': '27px', '--fs-xxl': '32px', '--tap': '60px' }
    for (const [k, v] of Object.entries(sizes)) {
      if (enable) document.documentElement.style.setProperty(k, v)
      else document.documentElement.style.removeProperty(k)
    }
  }, on)
}

test('a resident orders, the dispatcher dispatches, the lecturer accepts, schedules and completes, the resident sees the timeline and rates', async () => {
  const page = session.page

  // 1. the resident orders from the menu
  await signInAs(page, '居民')
  await page.goto(`${BASE_URL}/packages/lecture/pages/menu/index`)
  const card = page.locator('.lec-card:visible', { hasText: '城乡居民养老保险政策解读' }).first()
  await card.waitFor()
  assert.match(await card.innerText(), /★ 4\.8（126次评价）/)
  await card.getByRole('button', { name: '我要点单' }).click()
  await page.waitForURL(/packages\/lecture\/pages\/order/)
  await page.getByRole('button', { name: /^宣讲专题：/ }).waitFor()
  assert.match(await page.getByRole('button', { name: /^宣讲专题：/ }).innerText(), /城乡居民养老保险政策解读/)

  await pickRegion(page, '城隍浦', '椒江区 · 海门街道 · 城隍浦社区')
  await field(page, '具体地点').fill('城隍浦社区文化家园')
  // 提前预约: the pickers start at the third day, as the server requires (LECTURE_LEAD_DAYS, default 3)
  await page.getByText(/^需至少提前3天预约，最早可选\d+月\d+日$/).waitFor()
  await pickFirst(page, '开始日期')
  await pickFirst(page, '结束日期')
  await page.getByRole('radio', { name: '晚上' }).click()
  await field(page, '预计听众人数').fill('60')
  await field(page, '联系人').fill('林晓燕')
  await field(page, '联系电话').click()
  const dialog = page.getByRole('dialog', { name: '隐私保护提示' })
  await dialog.waitFor()
  await screenshot(page, 'lecture-privacy-popup')
  await dialog.getByRole('button', { name: '同意并继续' }).click()
  await dialog.waitFor({ state: 'detached' })
  await field(page, '联系电话').fill('13912345678')
  await field(page, '备注').fill('听众多为60岁以上老人，请多讲待遇领取和资格认证')
  await screenshot(page, 'lecture-order-form')
  await largeText(page, true)
  await screenshot(page, 'lecture-order-form-large')
  await largeText(page, false)

  await page.getByRole('button', { name: '提交点单' }).click()
  await page.waitForURL(/packages\/lecture\/pages\/detail\/index\?id=/)
  const orderId = new URL(page.url()).searchParams.get('id')!
  await page.getByText('办理进度').waitFor()
  const residentView = await page.locator('.page:visible').first().innerText()
  assert.match(residentView, /已点单/)
  assert.match(residentView, /139\*\*\*\*5678/)
  assert.doesNotMatch(residentView, /13912345678/)

  // 2. the dispatcher assigns 陈海燕 on 派单台
  await signInAs(page, '宣讲派单员')
  await page.goto(`${BASE_URL}/packages/lecture/pages/dispatch/index`)
  const incoming = page.locator('.lec-card:visible', { hasText: '城隍浦社区文化家园' }).first()
  await incoming.waitFor()
  assert.match(await incoming.innerText(), /13912345678/, 'the dispatcher sees the full number')
  await incoming.getByRole('button', { name: '派单', exact: true }).click()
  await incoming.getByRole('radio', { name: '陈海燕' }).click()
  await incoming.getByRole('button', { name: '确认派单' }).click()
  await page.locator('.lec-card:visible', { hasText: '城隍浦社区文化家园' }).waitFor({ state: 'detached' })

  // 3. a lecturer account takes 陈海燕's identity (开发模式), accepts and schedules
  await signInAs(page, '宣讲员')
  await page.goto(`${BASE_URL}/packages/lecture/pages/lecturer/index`)
  await page.getByRole('button', { name: '陈海燕' }).click()
  const assigned = page.locator('.lec-card:visible', { hasText: '城隍浦社区文化家园' }).first()
  await assigned.waitFor()
  await assigned.getByRole('button', { name: '接单', exact: true }).click()
  await assigned.getByRole('button', { name: '排期', exact: true }).waitFor()
  await assigned.getByRole('button', { name: '排期', exact: true }).click()
  await pickFirst(page, '宣讲日期')
  await assigned.getByRole('button', { name: '确认排期' }).click()
  await assigned.getByText('已排期').waitFor()

  // the sign-in QR on the order, then the completion report
  await page.goto(`${BASE_URL}/packages/lecture/pages/detail/index?id=${orderId}`)
  const qr = page.getByRole('img', { name: /签到二维码/ })
  await qr.waitFor()
  const box = await qr.boundingBox()
  assert.ok(box && box.width > 200, 'the QR code is drawn large enough to scan')
  await screenshot(page, 'lecture-sign-in-qr')
  await page.getByRole('button', { name: '填写完成报告' }).click()
  await field(page, '到场人数').fill('58')
  await field(page, '宣讲小结').fill('讲解了缴费档次、政府补贴和60周岁后待遇领取，现场解答资格认证问题12个。')
  await page.getByRole('button', { name: '提交完成报告' }).click()
  await page.getByText('到场 58 人（现场签到 0 人）').waitFor()

  // 4. the resident sees the whole timeline and rates
  await signInAs(page, '居民')
  const messages = page.getByRole('listitem', { name: /^我的消息，\d+条未读$/ })
  await messages.waitFor()
  // the order's five steps, at least: other specs on this shared server may have told the same resident too
  const unread = Number(/我的消息，(\d+)条未读/.exec((await messages.getAttribute('aria-label'))!)![1])
  assert.ok(unread >= 5, `我的消息 has ${unread} unread, expected the order's 5 notices at least`)
  await page.goto(`${BASE_URL}/packages/lecture/pages/mine/index`)
  await page.locator('.lec-card:visible', { hasText: '城隍浦社区文化家园' }).first().getByRole('link').click()
  await page.waitForURL(/packages\/lecture\/pages\/detail/)
  const timeline = page.getByRole('list', { name: '办理进度' })
  await timeline.waitFor()
  const steps = await timeline.locator('.lec-timeline__title').allInnerTexts()
  assert.deepEqual(steps, ['点单 · 已点单', '派单 · 已派单', '接单 · 已接单', '排期 · 已排期', '完成 · 已完成'])
  assert.match(await timeline.innerText(), /派单员 宣讲派单员/)
  assert.match(await timeline.innerText(), /宣讲员 陈海燕/)
  await timeline.scrollIntoViewIfNeeded()
  await screenshot(page, 'lecture-timeline')

  await page.getByRole('button', { name: '评价', exact: true }).click()
  await page.getByRole('radio', { name: '5星' }).click()
  await field(page, '评价内容').fill('讲得实在，老人们都听懂了')
  await page.getByRole('button', { name: '提交评价' }).click()
  await page.getByText('我的评价').waitFor()
  assert.equal(await timeline.locator('.lec-timeline__title').count(), 6)
  await largeText(page, true)
  await timeline.scrollIntoViewIfNeeded()
  await screenshot(page, 'lecture-timeline-large')
  await largeText(page, false)
})
