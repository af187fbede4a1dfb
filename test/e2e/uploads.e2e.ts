/**
 * 现场照片 on H5 in Chromium against the real server: the lecturer picks a real photo and a text
 * file named .jpg with the file input; the photo is uploaded (XHR + FormData) and shown from the
 * local file, the text file is refused in Chinese; the completion report then shows the photo from
 * /media/uploads/ (public once attached), loaded under the page's CSP. The order is prepared through the API.
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { test } from 'node:test'
import { BASE_URL, phoneSession, screenshot } from './browser'

const session = phoneSession()
const JPEG = readFileSync(path.resolve(__dirname, '../../mock/media/covers/c001.jpg'))

interface DevSession {
  token: string
  user: unknown
  expiresAt: string
}

async function call<T>(method: string, url: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(`${BASE_URL}/api/v1${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`)
  return JSON.parse(text) as T
}

const login = (role: string, name: string) => call<DevSession>('POST', '/auth/dev', undefined, { role, name })
const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10)

test('the lecturer uploads a site photo from the file input and completes the lecture with it', async () => {
  const resident = await login('resident', '照片演示居民')
  const order = await call<{ id: string }>('POST', '/lecture-orders', resident.token, {
    topicId: 'lt01',
    villageCode: '331002001003',
    placeName: '城隍浦社区文化家园',
    dateFrom: day(5),
    dateTo: day(12),
    timeOfDay: 'afternoon',
    audienceSize: 60,
    contactName: '林晓燕',
    contactPhone: '13912345678',
  })
  const dispatcher = await login('dispatcher', '派单员甲')
  await call('POST', `/lecture-orders/${order.id}/dispatch`, dispatcher.token, { lecturerId: 'u-lec-01' })
  const lecturer = await login('lecturer', '陈海燕')
  await call('POST', `/lecture-orders/${order.id}/accept`, lecturer.token, {})
  await call('POST', `/lecture-orders/${order.id}/schedule`, lecturer.token, { date: day(6), time: '14:30', place: '城隍浦社区文化礼堂' })

  const page = session.page
  await page.goto(`${BASE_URL}/pages/mine/index`)
  // signed in as the lecturer, as the app keeps a session (Taro storage)
  await page.evaluate(
    (s) => {
      localStorage.setItem('zct-session', JSON.stringify({ data: JSON.stringify({ state: s, version: 0 }) }))
    },
    { token: lecturer.token, user: lecturer.user, expiresAt: lecturer.expiresAt },
  )
  await page.goto(`${BASE_URL}/packages/lecture/pages/detail/index?id=${order.id}`)
  await page.getByRole('button', { name: '填写完成报告' }).click()
  const field = (label: string) => page.locator(`[aria-label="${label}"]:visible input, [aria-label="${label}"]:visible textarea`).first()
  await field('到场人数').fill('45')
  await field('宣讲小结').fill('讲解了缴费档次和待遇领取，现场答疑10个问题。')

  const input = page.locator('input[type="file"][aria-label="选择照片"]')
  assert.equal(await input.getAttribute('accept'), 'image/*')
  await input.setInputFiles([
    { name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: JPEG },
    { name: 'fake.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('这只是一段文字') },
  ])
  const list = page.getByRole('list', { name: '现场照片' })
  await list.getByText(/仅支持 JPG、PNG、WebP 图片/).waitFor()
  const thumb = list.locator('img').first()
  await thumb.waitFor()
  // drawn from the local file: until the report is filed the server shows the upload only to its
  // owner's token, which an <img> does not send
  await page.waitForFunction(() => {
    const img = document.querySelector('[aria-label="现场照片"] img') as HTMLImageElement | null
    return !!img && img.src.startsWith('blob:') && img.complete && img.naturalWidth > 0
  })
  await list.getByText(/上传中/).waitFor({ state: 'detached' })
  await screenshot(page, 'lecture-complete-photos')
  await page.getByRole('button', { name: '删除第2张照片' }).click()
  await page.getByRole('button', { name: '提交完成报告' }).click()

  await page.getByText('到场 45 人', { exact: false }).waitFor()
  await page.getByRole('button', { name: '提交完成报告' }).waitFor({ state: 'detached' })
  // the report's photo, served from /media/uploads/ and drawn (img-src 'self' under the CSP)
  await page.waitForFunction(() =>
    [...document.querySelectorAll('img')].some((img) => /\/media\/uploads\/[0-9a-f]{32}\.jpg$/.test(img.src) && img.complete && img.naturalWidth > 0),
  )
  const stored = await call<{ report: { photos: string[] } }>('GET', `/lecture-orders/${order.id}`, lecturer.token)
  assert.equal(stored.report.photos.length, 1)
  assert.match(stored.report.photos[0], /^\/media\/uploads\/[0-9a-f]{32}\.jpg$/)
})
