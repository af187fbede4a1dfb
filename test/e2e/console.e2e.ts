/**
 * Issue 14's 政务工作台 end to end, at an office computer's 1366×768, against the real server:
 * staff accounts made with `npm run admin -- create-user`, each signing in at 工作人员登录 (/admin/);
 * a 仙居县 editor drafts an interpretation with a bar chart typed into the data grid (its live
 * preview drawn) and an uploaded picture with its alt text, 送审; a 仙居县 reviewer 退回 it with a
 * reason; the editor sees the reason, fixes the title, 送审 again; the reviewer 审核通过 and 发布;
 * the resident H5 shows it with the chart and 查看数据; a 椒江区 editor can neither open nor change
 * it; 操作日志 lists every step. Then every console page, screenshot and axe.
 */
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import type { EditorialItem, PolicyDraft } from '../../common/contract'
import { BASE_URL, desktop, launch, phone, screenshot, takeCspViolations } from './browser'
import { axeProblems } from './checks'
import { createStaff, signInToConsole } from './helpers/staff'

const PASSWORD = 'Taizhou#2026-gongzuotai'
const XIANJU = '331024'
const JIAOJIANG = '331002'
const ACCOUNTS = {
  editor: { username: 'xj-editor', role: 'editor', org: XIANJU, name: '仙居编辑' },
  reviewer: { username: 'xj-reviewer', role: 'reviewer', org: XIANJU, name: '仙居审核' },
  outsider: { username: 'jj-editor', role: 'editor', org: JIAOJIANG, name: '椒江编辑' },
  admin: { username: 'tz-admin', role: 'admin', org: '331000', name: '台州管理员' },
} as const
type Who = keyof typeof ACCOUNTS

const POLICY_TITLE = '仙居县困难老人居家养老服务补贴实施办法'
const FIRST_TITLE = '一图读懂：仙居县居家养老服务补贴'
const FIXED_TITLE = '一图读懂：仙居县居家养老服务补贴怎么领'
const REJECT_REASON = '标题请写明“怎么领”，方便老人一眼看懂。'
const CHART_ROWS: [string, string][] = [
  ['2024年', '200'],
  ['2025年', '260'],
  ['2026年', '300'],
]
const PICTURE_ALT = '仙居县居家养老服务补贴申领流程示意图'

/** generous: the machine's two cores are shared with other builds and tests */
const SLOW = { timeout: 30_000 }

let browser: Browser
const pages = {} as Record<Who, Page>

/** a bearer token for API calls beside the browser (setup, and the 椒江区 editor's direct PUT) */
async function apiToken(who: Who): Promise<string> {
  const res = await fetch(`${BASE_URL}/api/v1/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: ACCOUNTS[who].username, password: PASSWORD }),
  })
  assert.equal(res.status, 200, await res.clone().text())
  return ((await res.json()) as { token: string }).token
}

async function apiCall<T>(token: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${BASE_URL}/api/v1${url}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  return { status: res.status, body: (await res.json()) as T }
}

/** non-blank (not transparent, not near-white) pixels of the first visible canvas under `scope` */
async function inkedPixels(page: Page, scope: string): Promise<number> {
  return page.evaluate((sel) => {
    const canvas = [...document.querySelectorAll<HTMLCanvasElement>(`${sel} canvas`)].find((c) => c.offsetParent !== null)
    if (!canvas) return -1
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
    let inked = 0
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && !(data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245)) inked++
    return inked
  }, scope)
}

async function waitForInk(page: Page, scope: string, min = 1500) {
  await page
    .waitForFunction(
      ({ sel, least }) => {
        const canvas = [...document.querySelectorAll<HTMLCanvasElement>(`${sel} canvas`)].find((c) => c.offsetParent !== null)
        if (!canvas) return false
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
        let inked = 0
        for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && !(data[i] > 245 && data[i + 1] > 245 && data[i + 2] > 245)) inked++
        return inked > least
      },
      { sel: scope, least: min },
      SLOW,
    )
    .catch(() => undefined)
  const inked = await inkedPixels(page, scope)
  assert.ok(inked > min, `the chart under ${scope} is drawn (${inked} non-blank pixels)`)
}

/** a small PNG drawn by the browser's own canvas */
async function makePng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 160
    c.height = 100
    const ctx = c.getContext('2d')!
    ctx.fillStyle = '#fff7e6'
    ctx.fillRect(0, 0, 160, 100)
    ctx.fillStyle = '#c41d1d'
    ctx.fillRect(10, 60, 30, 30)
    ctx.fillRect(60, 40, 30, 50)
    ctx.fillRect(110, 20, 30, 70)
    return c.toDataURL('image/png')
  })
  return Buffer.from(dataUrl.split(',')[1], 'base64')
}

/** the editor page's item, as the console shows its status */
async function waitForStatus(page: Page, status: string) {
  await page.getByRole('toolbar', { name: '审核发布' }).getByText(status, { exact: true }).first().waitFor(SLOW)
}

/** the editor page's success notice after an action, or a failure that quotes what the page says instead */
async function expectNotice(page: Page, notice: string) {
  const success = page.getByRole('alert').filter({ hasText: notice }).first()
  // an error alert but the 已退回 one, which shows the reviewer's reason
  const refusal = page.locator('.ant-alert-error').filter({ hasNotText: '退回理由' }).first()
  await success.or(refusal).first().waitFor(SLOW)
  if (!(await success.isVisible())) {
    const said = (await page.locator('.ant-alert').allInnerTexts()).join(' | ')
    assert.fail(`expected 「${notice}」, the page says: ${said}`)
  }
}

async function pickOption(page: Page, text: string | RegExp) {
  const option = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: text }).first()
  await option.waitFor(SLOW)
  await option.click()
}

/** axe's serious and critical findings per page, asserted empty by the last test (so one finding does not stop the workflow) */
const axeFindings: string[] = []

/** axe, then the screenshot */
async function consolePage(page: Page, name: string) {
  await page.waitForLoadState('networkidle')
  await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached', timeout: 30_000 })
  // a toast (「图片已上传」) fading out is half transparent: axe would measure its contrast mid-fade
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 30_000 })
  // the pointer off the control just clicked (查询): a hovered primary button is antd's lighter blue,
  // which axe measures as the button's colour; then past antd's 0.2 s colour transition
  await page.mouse.move(0, 0)
  await page.waitForTimeout(400)
  axeFindings.push(...(await axeProblems(page)).map((p) => `console-${name}: ${p}`))
  await screenshot(page, `console-${name}`)
}

function assertNoCsp() {
  for (const [who, page] of Object.entries(pages)) {
    const violations = [...new Set(takeCspViolations(page))]
    assert.deepEqual(violations, [], `Content-Security-Policy violations in the ${who}'s window`)
  }
}

let policyId = ''
let itemId = ''

before(async () => {
  browser = await launch()
  for (const who of Object.keys(ACCOUNTS) as Who[]) {
    const a = ACCOUNTS[who]
    await createStaff(a, PASSWORD)
    pages[who] = (await desktop(browser)).page
  }
})

after(async () => {
  await browser?.close()
})

test('setup through the API: a published 仙居县 policy for the interpretation to link to', async () => {
  const editor = await apiToken('editor')
  const reviewer = await apiToken('reviewer')
  const draft: PolicyDraft = {
    title: POLICY_TITLE,
    docNumber: '仙政办发〔2026〕8号',
    issuer: '仙居县人民政府办公室',
    department: '仙居县民政局',
    topic: 'yanglao',
    regionCode: XIANJU,
    publishedAt: '2026-01-15',
    summary: '为困难老人提供居家养老服务补贴，按月发放。',
    sections: [{ heading: '第一条', paragraphs: ['本办法适用于仙居县户籍的困难老人。'] }],
    validity: 'valid',
  }
  const created = await apiCall<EditorialItem>(editor, 'POST', '/admin/policies', { orgCode: XIANJU, draft })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  policyId = created.body.id
  let revision = created.body.revision
  for (const [token, action] of [
    [editor, 'submit'],
    [reviewer, 'approve'],
    [reviewer, 'publish'],
  ] as const) {
    const res = await apiCall<EditorialItem>(token, 'POST', `/admin/policies/${policyId}/${action}`, { revision })
    assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`)
    revision = res.body.revision
  }
})

test('the 仙居县 editor drafts an interpretation with a bar chart and a picture, and sends it for review', async () => {
  const page = pages.editor
  await page.goto(`${BASE_URL}/admin/login`)
  await page.getByRole('heading', { name: '工作人员登录' }).waitFor(SLOW)
  await consolePage(page, '登录')
  await signInToConsole(page, ACCOUNTS.editor, PASSWORD)

  await page.getByRole('menuitem', { name: '政策解读' }).click()
  await page.waitForURL(/\/admin\/interpretations$/)
  await page.getByRole('button', { name: '新建' }).click()
  await page.waitForURL(/\/admin\/interpretations\/new$/)
  await page.getByRole('heading', { name: '新建政策解读' }).waitFor(SLOW)

  await page.locator('#interp-title').fill(FIRST_TITLE)
  await page.getByRole('radio', { name: '图解' }).check({ force: true })
  await page.getByRole('combobox', { name: '主题' }).click()
  await pickOption(page, '养老服务')
  const department = page.getByRole('combobox', { name: '解读部门' })
  await department.click()
  await department.pressSequentially('仙居县民政局')
  await page.locator('#interp-summary').click()
  assert.equal(await department.inputValue(), '仙居县民政局')
  await page.getByRole('combobox', { name: '所解读的政策' }).click()
  await page.getByRole('combobox', { name: '所解读的政策' }).fill('居家养老服务补贴')
  await pickOption(page, POLICY_TITLE)
  await page.locator('#interp-summary').fill('困难老人居家养老服务补贴的标准、条件和申领方式，一张图看懂。')

  const png = await makePng(page)
  const coverInput = page.locator('.ant-upload', { has: page.getByRole('button', { name: '上传封面' }) }).locator('input[type=file]')
  await coverInput.setInputFiles({ name: 'cover.png', mimeType: 'image/png', buffer: png })
  await page.getByText('封面已上传').first().waitFor(SLOW)

  const addBlock = async (label: string) => {
    await page.getByRole('button', { name: '添加内容块' }).click()
    await page.getByRole('menuitem', { name: label, exact: true }).click()
  }
  await addBlock('段落')
  await page
    .getByRole('group', { name: '第1块：段落' })
    .getByRole('textbox', { name: '段落文字' })
    .fill('仙居县户籍、年满60周岁的困难老人，可申请居家养老服务补贴。')

  await addBlock('图表')
  const chart = page.getByRole('group', { name: '第2块：图表' })
  await chart.getByRole('textbox', { name: '图表标题' }).fill('补贴标准逐年提高')
  await chart.getByRole('textbox', { name: '分类名称' }).fill('年份')
  await chart.getByRole('textbox', { name: '数据名称' }).fill('补贴标准')
  await chart.getByRole('textbox', { name: '单位' }).fill('元/月')
  for (const [i, [category, value]] of CHART_ROWS.entries()) {
    if (i > 0) await chart.getByRole('button', { name: '添加一行' }).click()
    await chart.getByRole('textbox', { name: `第${i + 1}行分类` }).fill(category)
    await chart.getByRole('textbox', { name: `第${i + 1}行数值` }).fill(value)
  }
  await chart.getByRole('button', { name: '查看数据' }).click()
  const previewTable = chart.getByRole('table', { name: '补贴标准逐年提高的数据' })
  await previewTable.waitFor(SLOW)
  assert.match(await previewTable.innerText(), /2024年[\s\S]*200[\s\S]*2025年[\s\S]*260[\s\S]*2026年[\s\S]*300/)
  await waitForInk(page, '.chart-preview')

  await addBlock('图片')
  const picture = page.getByRole('group', { name: '第3块：图片' })
  await picture.locator('input[type=file]').setInputFiles({ name: 'flow.png', mimeType: 'image/png', buffer: png })
  await page.getByText('图片已上传').first().waitFor(SLOW)
  await picture.getByRole('textbox', { name: '图片说明' }).fill(PICTURE_ALT)
  // the console shows the upload (fetched with the token) under its alt text
  const preview = picture.getByRole('img', { name: PICTURE_ALT })
  await preview.waitFor(SLOW)
  await page.waitForFunction((alt) => [...document.querySelectorAll('img')].some((i) => i.alt === alt && i.complete && i.naturalWidth > 0), PICTURE_ALT, SLOW)

  await page.getByRole('button', { name: '保存', exact: true }).click()
  await page.waitForURL((u) => /\/admin\/interpretations\/[^/]+$/.test(u.pathname) && !u.pathname.endsWith('/new'), SLOW)
  itemId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!)
  await waitForStatus(page, '草稿')
  await page.getByRole('heading', { name: FIRST_TITLE }).waitFor(SLOW)
  await waitForInk(page, '.chart-preview')
  await consolePage(page, 'interpretation-editor')

  await page.getByRole('button', { name: '送审', exact: true }).click()
  await expectNotice(page, '送审成功')
  await waitForStatus(page, '待审核')
  await page.getByText('待审核期间不能修改').waitFor()
})

test('the 仙居县 reviewer returns it with a reason from 审核队列', async () => {
  const page = pages.reviewer
  await signInToConsole(page, ACCOUNTS.reviewer, PASSWORD)
  await page.getByRole('menuitem', { name: '审核队列' }).click()
  await page.waitForURL(/\/admin\/review/)
  await page.getByRole('link', { name: FIRST_TITLE }).click()
  await page.waitForURL(new RegExp(`/admin/interpretations/${itemId}$`))
  await waitForStatus(page, '待审核')
  // the reviewer sees the chart as drafted
  await waitForInk(page, '.chart-preview')

  await page.getByRole('button', { name: '退回', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '退回' })
  await dialog.getByRole('textbox', { name: '退回理由' }).fill(REJECT_REASON)
  await dialog.getByRole('button', { name: '退回', exact: true }).click()
  await expectNotice(page, '退回成功')
  await waitForStatus(page, '已退回')
})

test('the editor sees the reason, fixes the title, saves and sends it again', async () => {
  const page = pages.editor
  await page.reload()
  await waitForStatus(page, '已退回')
  const returned = page.getByRole('alert').filter({ hasText: '退回理由' })
  await returned.waitFor(SLOW)
  assert.match(await returned.innerText(), /已退回（仙居审核）/)
  assert.ok((await returned.innerText()).includes(`退回理由：${REJECT_REASON}`))

  await page.locator('#interp-title').fill(FIXED_TITLE)
  await page.getByText('有未保存的修改').waitFor()
  // leaving by the menu asks first; 留下 keeps the page and what was typed
  await page.getByRole('menuitem', { name: '政策文件' }).click()
  const leave = page.getByRole('dialog', { name: '有未保存的修改' })
  await leave.getByText('离开后未保存的修改将丢失').waitFor()
  await screenshot(page, 'console-unsaved-leave')
  await leave.getByRole('button', { name: /留\s*下/ }).click()
  await leave.waitFor({ state: 'hidden' })
  assert.match(page.url(), new RegExp(`/admin/interpretations/${itemId}$`))
  assert.equal(await page.locator('#interp-title').inputValue(), FIXED_TITLE)
  await page.getByRole('button', { name: '保存', exact: true }).click()
  await page.getByText('已保存', { exact: true }).waitFor(SLOW)
  await page.getByRole('heading', { name: FIXED_TITLE }).waitFor()
  await page.getByRole('button', { name: '送审', exact: true }).click()
  await expectNotice(page, '送审成功')
  await waitForStatus(page, '待审核')
})

test('the reviewer approves and publishes it now', async () => {
  const page = pages.reviewer
  await page.getByRole('menuitem', { name: '审核队列' }).click()
  await page.waitForURL(/\/admin\/review/)
  await page.getByRole('link', { name: FIXED_TITLE }).click()
  await page.waitForURL(new RegExp(`/admin/interpretations/${itemId}$`))
  await waitForStatus(page, '待审核')
  await page.getByRole('button', { name: '审核通过', exact: true }).click()
  await expectNotice(page, '审核通过成功')
  await waitForStatus(page, '审核通过')

  await page.getByRole('button', { name: '发布', exact: true }).click()
  const dialog = page.getByRole('dialog', { name: '发布' })
  assert.equal(await dialog.getByRole('radio', { name: '立即发布' }).isChecked(), true)
  await dialog.getByRole('button', { name: '发布', exact: true }).click()
  await expectNotice(page, '发布成功')
  await waitForStatus(page, '已发布')
})

test('residents see it on 解读 within seconds: the new title, the chart drawn, 查看数据, the picture with its alt', async () => {
  const { context, page } = await phone(browser)
  try {
    const published = Date.now()
    await page.goto(`${BASE_URL}/pages/interpretations/index`)
    const card = page.locator('.interp-card', { hasText: FIXED_TITLE }).first()
    // the list may come from the response micro-cache for a moment: publishing invalidates it, reloads are cheap
    for (let attempt = 0; ; attempt++) {
      if (await card.isVisible()) break
      if (attempt > 0 && Date.now() - published > 10_000) break
      await page
        .locator('.interp-card')
        .first()
        .waitFor(SLOW)
        .catch(() => undefined)
      if (await card.isVisible()) break
      await page.reload()
    }
    await card.waitFor({ timeout: 5_000 })
    assert.ok(Date.now() - published < 20_000, 'shown within seconds of 发布')
    assert.equal(await page.locator('.interp-card', { hasText: FIRST_TITLE }).filter({ hasNotText: '怎么领' }).count(), 0)
    await card.click()
    await page.waitForURL(/packages\/interpretation\/pages\/detail/)
    assert.match(page.url(), new RegExp(`id=${itemId}`))
    await page.getByRole('heading', { name: FIXED_TITLE }).first().waitFor(SLOW)

    const chart = page.locator('.chart:visible').first()
    await chart.scrollIntoViewIfNeeded()
    await waitForInk(page, '.chart', 2000)
    await page.getByRole('button', { name: '查看数据' }).first().click()
    const table = page.getByRole('table').first()
    await table.waitFor(SLOW)
    assert.match(await table.innerText(), /2024年[\s\S]*200[\s\S]*2025年[\s\S]*260[\s\S]*2026年[\s\S]*300/)

    const picture = page.locator(`img.block__image[alt="${PICTURE_ALT}"]`)
    await picture.waitFor({ state: 'attached', ...SLOW })
    // the picture uploaded in the console is public once its interpretation is published
    const loaded = await picture.evaluate(async (img: HTMLImageElement) => {
      img.loading = 'eager'
      img.scrollIntoView()
      await new Promise((r) => (img.complete ? r(null) : (img.onload = img.onerror = () => r(null))))
      return img.naturalWidth
    })
    assert.ok(loaded > 0, 'the published picture loads for residents')
    await screenshot(page, 'console-published-interpretation-h5')
    assert.deepEqual([...new Set(takeCspViolations(page))], [])
  } finally {
    await context.close()
  }
})

test('the 椒江区 editor can neither open it nor change it', async () => {
  const page = pages.outsider
  await signInToConsole(page, ACCOUNTS.outsider, PASSWORD)
  await page.goto(`${BASE_URL}/admin/interpretations/${itemId}`)
  await page.getByText('无权查看').waitFor(SLOW)
  await page.getByText('不能操作其他单位的内容').waitFor()
  assert.equal(await page.getByRole('heading', { name: FIXED_TITLE }).count(), 0)

  await page.getByRole('menuitem', { name: '政策解读' }).click()
  await page.waitForURL(/\/admin\/interpretations$/)
  await page.locator('.ant-table-tbody').waitFor(SLOW)
  await page.waitForLoadState('networkidle')
  assert.equal(await page.getByText(FIXED_TITLE).count(), 0, 'the 椒江区 list does not show 仙居县 content')

  const outsider = await apiToken('outsider')
  const admin = await apiToken('admin')
  const before = await apiCall<EditorialItem<'interpretation'>>(admin, 'GET', `/admin/interpretations/${itemId}`)
  assert.equal(before.status, 200)
  const put = await apiCall<{ error: { message: string } }>(outsider, 'PUT', `/admin/interpretations/${itemId}`, {
    revision: before.body.revision,
    draft: { ...before.body.draft, title: '椒江区改过的标题' },
  })
  assert.equal(put.status, 403)
  assert.equal(put.body.error.message, '不能操作其他单位的内容')
  const afterPut = await apiCall<EditorialItem<'interpretation'>>(admin, 'GET', `/admin/interpretations/${itemId}`)
  assert.equal(afterPut.body.draft.title, FIXED_TITLE)
  assert.equal(afterPut.body.revision, before.body.revision)
  assert.equal(afterPut.body.status, 'published')
})

test('操作日志 (台州市 admin) shows every step for the item', async () => {
  const page = pages.admin
  await signInToConsole(page, ACCOUNTS.admin, PASSWORD)
  await page.getByRole('menuitem', { name: '操作日志' }).click()
  await page.waitForURL(/\/admin\/audit/)
  await page.getByLabel('对象编号').fill(itemId)
  const answered = page.waitForResponse((r) => r.url().includes('/api/v1/admin/audit') && r.url().includes(`targetId=${encodeURIComponent(itemId)}`))
  await page.getByRole('button', { name: '查询' }).click()
  assert.equal((await answered).status(), 200)
  await page.getByText('共 7 条').waitFor(SLOW)
  const rows = page.locator('.ant-table-tbody tr.ant-table-row')
  const texts = await rows.allInnerTexts()
  // newest first
  const steps = texts.map((t) => t.match(/政策解读 · (\S+)/)?.[1])
  assert.deepEqual(steps, ['发布', '审核通过', '送审', '修改', '退回', '送审', '新建'])
  const who = texts.map((t) => t.match(/(仙居编辑|仙居审核)/)?.[1])
  assert.deepEqual(who, ['仙居审核', '仙居审核', '仙居编辑', '仙居编辑', '仙居审核', '仙居编辑', '仙居编辑'])
  for (const t of texts) assert.ok(t.includes(`interpretation #${itemId}`), t)
  await consolePage(page, '操作日志')
})

test('every console page at 1366×768: screenshot, and axe with no serious or critical finding', async () => {
  const page = pages.admin
  const visit = async (path: string, name: string, ready: () => Promise<unknown>) => {
    await page.goto(`${BASE_URL}/admin${path}`)
    await ready()
    await consolePage(page, name)
  }
  const heading = (name: string) => () => page.getByRole('heading', { name, exact: true }).first().waitFor(SLOW)
  await visit('/', '仪表盘', heading('仪表盘'))
  await visit('/policies', '政策文件', () => page.getByRole('link', { name: POLICY_TITLE }).waitFor(SLOW))
  await visit('/interpretations', '政策解读', () => page.getByRole('link', { name: FIXED_TITLE }).waitFor(SLOW))
  await visit('/review', '审核队列', heading('审核队列'))
  await visit('/faqs', '简明问答', heading('简明问答'))
  await visit('/banners', '首页公益广告', heading('首页公益广告'))
  await visit('/import', '政策导入', heading('政策导入'))
  await visit('/accounts', '账号管理', () => page.getByText(ACCOUNTS.reviewer.username).first().waitFor(SLOW))
  await visit('/settings', '单位设置', heading('单位设置'))
  assertNoCsp()
  assert.deepEqual(axeFindings, [], 'axe: no serious or critical finding on the console pages')
})
