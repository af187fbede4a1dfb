/**
 * Issue 12's sign-in screens in the real build against the real server, on a 375×812 phone:
 * - a staff account made the way an operator makes it (`npm run admin -- create-user` on the
 *   server's database), then 我的 → 工作人员登录 → a wrong password, the right one → 我的 with name,
 *   role and organisation → 登录设备 → 退出登录 (and the old token is dead on the server);
 * - a resident who is not signed in asks a department, is sent to 手机号登录 by 提交, signs in with
 *   the code the demo shows, comes back to the form with the question still there and sends it;
 * - the 演示模式 banner on 首页 and on a subpage.
 * Screenshots of 工作人员登录, 我的 (signed in) and 手机号登录 at 标准 and 特大（长辈模式）, with axe
 * and the tap-target check on each.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { BASE_URL, phoneSession, screenshot } from './browser'
import { axeProblems, fullScreenshot, overflowing, setScale, smallTargets } from './checks'
import { pickFirst, pickRegion } from './taro'
import { createStaff } from './helpers/staff'

// an Android phone's Chrome, so 登录设备 names it as a resident would see it
const session = phoneSession({
  viewport: { width: 375, height: 812 },
  userAgent: 'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
})

const USERNAME = 'xj-dispatcher'
const PASSWORD = 'Xianju#2026-paidan'
const visible = (p: Page, css: string) => p.locator(`.taro_page:not([style*="display: none"]) ${css}`)

/** the session the app keeps in Taro storage (localStorage on H5) */
async function storedToken(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const raw = localStorage.getItem('zct-session')
    if (!raw) return undefined
    const state = JSON.parse((JSON.parse(raw) as { data: string }).data) as { state: { token?: string } }
    return state.state.token ?? undefined
  })
}

/** what an elder-mode screen must pass: axe, tap targets, nothing running off the side */
async function screenProblems(page: Page, minTap: number): Promise<string[]> {
  return [
    ...(await axeProblems(page)).map((p) => `axe ${p}`),
    ...(await smallTargets(page, minTap)).map((p) => `small target ${p}`),
    ...(await overflowing(page)).map((p) => `overflows ${p}`),
  ]
}

/** the shared picker helper, then the field shows what was picked */
async function pick(page: Page, label: string) {
  await pickFirst(page, label)
  await page.getByRole('button', { name: new RegExp(`^${label}：`) }).waitFor()
}

test('staff: an account from npm run admin signs in at 工作人员登录, sees itself in 我的 and 登录设备, and signs out', async () => {
  const page = session.page
  const created = await createStaff({ username: USERNAME, role: 'dispatcher', org: '331024', department: '县委宣传部' }, PASSWORD)
  assert.match(created, /仙居县/)

  await setScale(page, 'normal')
  await visible(page, '.mine__name').getByText('未登录').waitFor()
  await page.getByRole('listitem', { name: '工作人员登录' }).click()
  await page.waitForURL(/packages\/staff\/pages\/login/)
  const username = visible(page, 'taro-input-core[aria-label="用户名"] input')
  const password = visible(page, 'taro-input-core[aria-label="密码"] input')
  await username.waitFor()
  assert.deepEqual(await screenProblems(page, 44), [])
  await fullScreenshot(page, 'staff-login-normal')

  // a wrong password: the server's Chinese words, and still on the login page
  await username.fill(USERNAME)
  await password.fill('Xianju#2026-wrong')
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/password'))
  await visible(page, '.staff__submit').click()
  assert.equal((await answered).status(), 401)
  const alert = visible(page, '.staff__error[role=alert]')
  await alert.waitFor()
  assert.equal(await alert.innerText(), '用户名或密码不正确')
  assert.match(page.url(), /packages\/staff\/pages\/login/)
  assert.equal(await storedToken(page), undefined)

  await password.fill(PASSWORD)
  await visible(page, '.staff__submit').click()
  await page.waitForURL(/pages\/mine\/index/)
  await visible(page, '.mine__name').getByText(USERNAME).waitFor()
  const role = await visible(page, '.mine__role').innerText()
  assert.match(role, /派单员/)
  assert.match(role, /仙居县/)
  assert.match(role, /县委宣传部/)
  await page.getByRole('listitem', { name: '登录设备' }).waitFor()
  assert.equal(await page.getByRole('listitem', { name: '工作人员登录' }).count(), 0)
  await page.waitForLoadState('networkidle')
  await fullScreenshot(page, 'staff-mine-normal')

  // 特大（长辈模式）: 我的 signed in as staff
  await page.getByRole('radio', { name: '特大（长辈模式）' }).click()
  assert.equal(await page.evaluate(() => document.documentElement.dataset.textScale), 'elder')
  assert.deepEqual(await screenProblems(page, 60), [])
  await fullScreenshot(page, 'staff-mine-elder')

  // 登录设备: this phone, marked 本机, with nothing to 下线 but others
  await page.getByRole('listitem', { name: '登录设备' }).click()
  await page.waitForURL(/packages\/staff\/pages\/sessions/)
  const thisDevice = page.getByRole('listitem', { name: 'Chrome · Android（本机）' })
  await thisDevice.waitFor()
  assert.match(await thisDevice.innerText(), /IP 127\.0\.0\.\*/)
  assert.equal(await visible(page, '.staff__revoke').count(), 0)
  assert.deepEqual(await screenProblems(page, 60), [])
  await fullScreenshot(page, 'staff-sessions-elder')

  // 退出登录: signed-out 我的, and the token is refused by the server from now on
  const token = await storedToken(page)
  assert.ok(token)
  await page.goBack()
  await page.waitForURL(/pages\/mine\/index/)
  const loggedOut = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/logout'))
  await page.getByRole('button', { name: '退出登录' }).click()
  assert.equal((await loggedOut).status(), 200)
  await visible(page, '.mine__name').getByText('未登录').waitFor()
  await page.getByRole('listitem', { name: '工作人员登录' }).waitFor()
  assert.equal(await storedToken(page), undefined)
  const after = await page.request.get(`${BASE_URL}/api/v1/auth/sessions`, { headers: { authorization: `Bearer ${token}` } })
  assert.equal(after.status(), 401)
  // signed-out 我的 at 特大: 手机号登录 inline, the demo's role picker, 工作人员登录
  await page.waitForLoadState('networkidle')
  assert.deepEqual(await screenProblems(page, 60), [])
  await fullScreenshot(page, 'mine-signed-out-elder')

  // 工作人员登录 at 特大
  await page.getByRole('listitem', { name: '工作人员登录' }).click()
  await page.waitForURL(/packages\/staff\/pages\/login/)
  await username.waitFor()
  assert.deepEqual(await screenProblems(page, 60), [])
  await fullScreenshot(page, 'staff-login-elder')
  await setScale(page, 'normal')
})

test('resident: 提交 a consultation while signed out → 手机号登录 with the demo code → back to the form, question kept → 我的咨询', async () => {
  const page = session.page
  await setScale(page, 'normal')
  await visible(page, '.mine__name').getByText('未登录').waitFor()

  // 问政策 → a question with no answer → 向部门咨询
  await page.goto(`${BASE_URL}/packages/qa/pages/ask/index`)
  await visible(page, '.qa__input input').fill('火星移民签证怎么办理')
  await page.getByRole('button', { name: '提问' }).click()
  await page.getByText('没找到相关答案').waitFor()
  await page.getByRole('button', { name: '向部门咨询' }).click()
  await page.waitForURL(/packages\/qa\/pages\/consult/)

  const QUESTION = '我母亲82岁，户籍在仙居，高龄津贴要到哪里申请？需要带什么材料？'
  await pick(page, '选择政策领域')
  await visible(page, '.consult__textarea textarea').fill(QUESTION)
  // issue 17: 安洲街道 of 仙居, found by typing 安洲
  await pickRegion(page, '安洲', '仙居县 · 安洲街道')
  await visible(page, '.consult__login-hint').getByText('提交前需要登录，填写的内容会保留').waitFor()
  await page.getByRole('button', { name: '提交咨询' }).click()

  // 手机号登录, the code the demo shows
  await page.waitForURL(/packages\/sign-in\/pages\/resident/)
  assert.match(decodeURIComponent(page.url()), /redirect=\/packages\/qa\/pages\/consult/)
  await page.getByRole('heading', { name: '手机号登录' }).waitFor()
  assert.deepEqual(await screenProblems(page, 44), [])
  await fullScreenshot(page, 'sms-login-normal')
  const mobile = visible(page, 'taro-input-core[aria-label="手机号"] input')
  await mobile.fill('13957612345')
  const sent = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/sms/send'))
  await page.getByRole('button', { name: '获取验证码' }).click()
  assert.equal((await sent).status(), 200)
  const note = page.getByRole('note').filter({ hasText: '演示模式：验证码' })
  await note.waitFor()
  const code = (await note.innerText()).match(/验证码\s*(\d{6})/)?.[1]
  assert.ok(code, `a six-digit code in "${await note.innerText()}"`)
  await page.getByRole('button', { name: /\d+ 秒后重新获取/ }).waitFor()
  await fullScreenshot(page, 'sms-login-code-normal')
  await visible(page, 'taro-input-core[aria-label="验证码"] input').fill(code)
  await visible(page, '.sign-in__submit').click()

  // back on the form: what was typed is still there, now signed in
  await page.waitForURL(/packages\/qa\/pages\/consult/)
  const textarea = visible(page, '.consult__textarea textarea')
  await textarea.waitFor()
  assert.equal(await textarea.inputValue(), QUESTION)
  await page.getByRole('button', { name: /^选择政策领域：/ }).waitFor()
  await page.getByRole('button', { name: /^所在地区：仙居县 · 安洲街道$/ }).waitFor()
  await visible(page, '.consult__login-hint').waitFor({ state: 'detached' })
  assert.ok(await storedToken(page))
  await fullScreenshot(page, 'sms-resumed-consult')

  const submitted = page.waitForResponse((r) => r.url().endsWith('/api/v1/consultations') && r.request().method() === 'POST')
  await page.getByRole('button', { name: '提交咨询' }).click()
  assert.equal((await submitted).status(), 201)
  await page.waitForURL(/packages\/qa\/pages\/mine/)
  const item = visible(page, '.consultation').first()
  await item.waitFor()
  assert.match(await item.innerText(), /高龄津贴要到哪里申请/)
  assert.match(await item.innerText(), /待回复/)

  // 手机号登录 at 特大, signed out again
  await setScale(page, 'elder')
  await page.getByRole('button', { name: '退出登录' }).click()
  await visible(page, '.mine__name').getByText('未登录').waitFor()
  await page.goto(`${BASE_URL}/packages/sign-in/pages/resident/index`)
  await page.getByRole('heading', { name: '手机号登录' }).waitFor()
  await page.waitForLoadState('networkidle')
  assert.deepEqual(await screenProblems(page, 60), [])
  await fullScreenshot(page, 'sms-login-elder')
  await setScale(page, 'normal')
})

test('演示模式: the banner is on 首页 and on a subpage while the server runs with dev login', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/`)
  const banner = visible(page, '.demo-banner')
  await banner.getByText('演示模式').waitFor()
  assert.match(await banner.innerText(), /数据仅供演示，请勿填写真实个人信息/)
  // on top of the page, not over its content
  const bannerBox = (await banner.boundingBox())!
  const heroBox = (await visible(page, '.home__hero').boundingBox())!
  assert.ok(bannerBox.y <= 1, `banner at the top (y=${bannerBox.y})`)
  assert.ok(heroBox.y >= bannerBox.y + bannerBox.height - 1, `the hero starts below the banner (${heroBox.y} vs ${bannerBox.y + bannerBox.height})`)
  await screenshot(page, 'demo-banner-home')

  await visible(page, '.home__ask').click()
  await page.waitForURL(/packages\/qa\/pages\/ask/)
  // while the pages slide, 首页 is still shown beside the new one: the new page is the last
  await visible(page, '.demo-banner').last().getByText('演示模式').waitFor()
  await screenshot(page, 'demo-banner-qa')
})
