/**
 * 首页公益广告 for residents over the real server: GET /banners and GET /home show the published
 * banners whose window (Asia/Shanghai days, both ends inclusive) holds today, in their order.
 */
import type { Banner, Home } from '../../../../common/contract'
import { addDays, shanghaiToday } from '../../../../common/shanghai-date'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

jest.setTimeout(60_000)

let server: TestServer
const today = shanghaiToday()

const banner = (id: string, startsAt: string, endsAt: string, position: number) => ({
  id,
  title: `广告 ${id}`,
  image: `/media/banners/${id}.jpg`,
  alt: `${id} 的图片说明`,
  link: '/pages/index/index',
  starts_at: startsAt,
  ends_at: endsAt,
  position,
})

beforeAll(async () => {
  server = await startTestServer({ rateLimit: false })
  await server.store.database.kysely
    .insertInto('banners')
    .values([
      banner('ended-yesterday', addDays(today, -10), addDays(today, -1), 0),
      banner('starts-today', today, addDays(today, 7), 2),
      banner('ends-today', addDays(today, -3), today, 1),
      banner('starts-tomorrow', addDays(today, 1), addDays(today, 9), 0),
    ])
    .execute()
})
afterAll(() => server.close())

it('GET /banners: those showing today, by position; yesterday-ended and tomorrow-starting are not shown', async () => {
  const res = await server.api('/banners')
  expect(res.status).toBe(200)
  expect(res.headers.get('cache-control')).toBe('public, max-age=60')
  const banners = (await res.json()) as Banner[]
  expect(banners.map((b) => b.id)).toEqual(['ends-today', 'starts-today'])
  expect(banners[0]).toEqual({
    id: 'ends-today',
    title: '广告 ends-today',
    image: '/media/banners/ends-today.jpg',
    alt: 'ends-today 的图片说明',
    link: '/pages/index/index',
  })
})

it('GET /home carries the same banners', async () => {
  const home = (await (await server.api('/home')).json()) as Home
  expect(home.banners?.map((b) => b.id)).toEqual(['ends-today', 'starts-today'])
})
