/**
 * Issue 19's 政策找人 end to end on the H5 app (375×812): a 78-year-old in 仙居 answers the
 * questionnaire and learns that 高龄津贴 starts at 80 (不符合 now, with the month it will apply);
 * a family with a child born in October 2020 in 椒江 is told about 小学入学 for the coming autumn;
 * a resident who saved 我的情况 (after the consent screen) gets a 我的消息 entry when a policy with a
 * rule is published through the console's workflow (送审 → 审核 → 发布, over its API here).
 */
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { BASE_URL, launch, phone, screenshot } from './browser'

const SLOW = { timeout: 30_000 }
let browser: Browser

async function api<T>(method: string, url: string, body?: unknown, token?: string): Promise<T> {
  const res = await fetch(`${BASE_URL}/api/v1${url}`, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  assert.ok(res.ok, `${method} ${url}: ${res.status} ${text}`)
  return JSON.parse(text) as T
}

const devSession = (role: string, name: string, org?: string) => api<{ token: string }>('POST', '/auth/dev', { role, name, ...(org ? { org } : {}) })

async function signInResident(page: Page, name: string): Promise<string> {
  const session = await devSession('resident', name)
  await page.evaluate((s) => localStorage.setItem('zct-session', JSON.stringify({ data: JSON.stringify({ state: s, version: 0 }) })), session)
  return session.token
}

/** answers the question on screen: a button's label, or a number typed in */
async function answer(page: Page, question: string, value: string | number) {
  const card = page.getByTestId('pm-question')
  await card.getByText(question).waitFor(SLOW)
  if (typeof value === 'number') {
    await card.locator('input').fill(String(value))
    await card.getByText('确定', { exact: true }).click()
  } else await card.getByText(value, { exact: true }).click()
}

/** answers until `until` is on screen: each question as `answers` says, else 不清楚 */
async function answerAll(page: Page, answers: Record<string, string | number>, until: () => Promise<boolean>) {
  for (let i = 0; i < 20 && !(await until()); i++) {
    const card = page.getByTestId('pm-question')
    if (!(await card.isVisible())) break
    const text = (await card.locator('.pm-question__text').textContent()) ?? ''
    const key = Object.keys(answers).find((q) => text.includes(q))
    if (key) await answer(page, key, answers[key])
    else await card.getByText('不清楚，跳过').click()
    await page.waitForFunction(
      (t) => !document.querySelector('.pm-question__text') || document.querySelector('.pm-question__text')!.textContent !== t,
      text,
      SLOW,
    )
  }
}

before(async () => {
  browser = await launch()
})
after(async () => {
  await browser?.close()
})

test('a 78-year-old in 仙居 learns that 高龄津贴 starts at 80, and from when', async () => {
  const { page } = await phone(browser)
  await page.goto(`${BASE_URL}/packages/policy/pages/match/index`)
  await page.getByTestId('pm-question').waitFor(SLOW)
  const year = new Date().getFullYear() - 78
  const p003 = page.getByTestId('pm-p003')
  await answerAll(
    page,
    { 您是哪一年出生: year, '哪个县（市、区）': '仙居县', '80周岁以上的老人': '否' },
    async () => (await p003.isVisible()) && ((await p003.textContent()) ?? '').includes('以后可以'),
  )
  const card = page.getByTestId('pm-p003')
  await card.waitFor(SLOW)
  await card.getByText('以后可以').waitFor()
  assert.match((await card.textContent()) ?? '', new RegExp(`现在还不符合（年满80周岁），预计${year + 80}年\\d+月起可以享受`))
  await screenshot(page, 'policy-match-78-xianju')
})

test('a family with a child born in October 2020 in 椒江 is told about 小学入学 in time', async () => {
  const { page } = await phone(browser)
  await page.goto(`${BASE_URL}/packages/policy/pages/match/index`)
  await page.getByTestId('pm-question').waitFor(SLOW)
  // born in October seven years before the coming September's intake: 6 on its 31 August (2020 in late 2026)
  const now = new Date()
  const childYear = (now.getMonth() >= 8 ? now.getFullYear() + 1 : now.getFullYear()) - 7
  await answerAll(
    page,
    { '哪个县（市、区）': '椒江区', '15周岁以下的孩子': '是', 孩子是哪一年出生: childYear, 孩子是几月出生: 10 },
    async () => (await page.getByTestId('pm-p010').isVisible()) && ((await page.getByTestId('pm-p010').textContent()) ?? '').includes('可以享受'),
  )
  const card = page.getByTestId('pm-p010')
  await card.getByText('可以享受').waitFor(SLOW)
  assert.match((await card.textContent()) ?? '', /5月10日至20日/)
  await screenshot(page, 'policy-match-primary-school')
})

test('a policy published with a rule reaches a matching resident’s 我的消息', async () => {
  const { page } = await phone(browser)
  await page.goto(`${BASE_URL}/`)
  const token = await signInResident(page, '仙居的周奶奶')
  await page.goto(`${BASE_URL}/packages/policy/pages/situation/index`)
  await page.getByTestId('pm-consent').waitFor(SLOW)
  await page.getByText('我已了解，同意并开始填写').click()
  // the form: 出生年份 and 户籍县, saved through the page
  await page.getByText('出生年份', { exact: true }).click()
  await page.locator('.pm-fact__edit input').fill('1941')
  await page.locator('.pm-fact__edit').getByText('确定', { exact: true }).click()
  await page.getByText('户籍所在县（市、区）', { exact: true }).click()
  await page.locator('.pm-fact__edit').getByText('仙居县', { exact: true }).click()
  await page.getByText('保存我的情况').click()
  await page.getByText('删除我的情况').waitFor(SLOW)
  const mine = await api<{ situation: { birthYear?: number; county?: string } }>('GET', '/me/situation', undefined, token)
  assert.deepEqual(mine.situation, { birthYear: 1941, county: '331024' })

  const editor = (await devSession('editor', '仙居县民政局编辑（政策找人）', '331024')).token
  const reviewer = (await devSession('reviewer', '仙居县民政局审核（政策找人）', '331024')).token
  const title = `仙居县关于发放高龄老人重阳敬老慰问金的通知（${Date.now()}）`
  let item = await api<{ id: string; revision: number }>(
    'POST',
    '/admin/policies',
    {
      orgCode: '331024',
      draft: {
        title,
        docNumber: '仙民发〔2026〕43号',
        issuer: '仙居县民政局',
        department: '仙居县民政局',
        topic: 'yanglao',
        regionCode: '331024',
        publishedAt: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
        summary: '仙居县户籍、年满80周岁的老年人，重阳节前发放敬老慰问金200元。',
        sections: [{ heading: '一、发放对象', paragraphs: ['仙居县户籍、年满80周岁的老年人。'] }],
        validity: 'valid',
        eligibility: { when: { and: [{ region: '331024' }, { age: '>=', value: 80, label: '年满80周岁' }] }, amount: { unit: '元', bands: [{ amount: 200 }] } },
      },
    },
    editor,
  )
  for (const [who, action] of [
    [editor, 'submit'],
    [reviewer, 'approve'],
    [reviewer, 'publish'],
  ] as const)
    item = await api('POST', `/admin/policies/${item.id}/${action}`, { revision: item.revision }, who)

  await page.goto(`${BASE_URL}/packages/messages/pages/inbox/index`)
  for (let i = 0; i < 30 && !(await page.getByText(title).isVisible()); i++) {
    await page.waitForTimeout(500)
    await page.reload()
  }
  await page.getByText(title).waitFor(SLOW)
  await page.getByText('政策找人').first().waitFor()
  await screenshot(page, 'policy-match-message')
})
