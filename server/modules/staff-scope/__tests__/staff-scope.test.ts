/**
 * Organisation scope on staff data over the real server (review H2): staff of 仙居县 (331024) see
 * and act on nothing of 椒江区 (331002) — empty lists, 404s exactly like an unknown id — and a
 * lecturer account is bound to its lecturer of the menu by an explicit link, so a same-named
 * account made by a township admin gets nothing.
 */
import type { LectureOrder, Page, Session } from '../../../../common/contract'
import { shanghaiToday } from '../../../../common/shanghai-date'
import { bearer, postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { auth, createAccount, signIn } from '../../auth/__tests__/helpers'
import { lectureOrderInput } from '../../../../test/api/helpers/lecture-order'

jest.setTimeout(60_000)

const today = shanghaiToday()
const order = (villageCode: string, contactName: string) => ({
  ...lectureOrderInput(today),
  villageCode,
  placeName: '文化礼堂',
  audienceSize: 40,
  contactName,
  contactPhone: '13800001111',
})

let server: TestServer
const s: Record<string, Session> = {}
let resident: Session
let jjOrder: string
let xjOrder: string
let jjConsultation: string
let xjConsultation: string

const get = (as: string, path: string) => server.api(path, bearer(s[as].token))
const post = (as: string, path: string, body: unknown = {}) => server.api(path, postJson(body, auth(s[as].token)))
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false })
  const accounts: [string, string, string, string?][] = [
    ['city-admin', 'admin', '331000'],
    ['xj-town-admin', 'admin', '331024001'],
    ['xj-dispatcher', 'dispatcher', '331024'],
    ['xj-responder', 'responder', '331024'],
    ['xj-admin', 'admin', '331024'],
    ['jj-dispatcher', 'dispatcher', '331002'],
    ['jj-responder', 'responder', '331002'],
  ]
  for (const [username, role, orgCode] of accounts) {
    await createAccount(server.store, { username, role: role as 'admin', orgCode })
    s[username] = await signIn(server, username)
  }
  resident = (await (await server.api('/auth/dev', postJson({ role: 'resident', name: '椒江居民' }))).json()) as Session

  const place = async (body: unknown) => {
    const res = await server.api('/lecture-orders', postJson(body, auth(resident.token)))
    expect(res.status).toBe(201)
    return ((await res.json()) as LectureOrder).id
  }
  jjOrder = await place(order('331002001003', '林晓燕'))
  xjOrder = await place(order('331024001004', '王大伯'))
  const ask = async (regionCode: string) => {
    const res = await server.api(
      '/consultations',
      postJson({ topic: 'yanglao', question: '灵活就业人员怎么参加养老保险？', regionCode, phone: '13900002222' }, auth(resident.token)),
    )
    expect(res.status).toBe(201)
    return ((await res.json()) as { id: string }).id
  }
  jjConsultation = await ask('331002001')
  xjConsultation = await ask('331024')
})
afterAll(() => server.close())

describe('consultations', () => {
  it('a responder lists only their organisation and below; the city lists all', async () => {
    const ids = async (as: string) => ((await (await get(as, '/consultations?pageSize=50')).json()) as Page<{ id: string }>).items.map((c) => c.id)
    expect(await ids('xj-responder')).toEqual([xjConsultation])
    expect(await ids('jj-responder')).toEqual([jjConsultation])
    expect(await ids('xj-town-admin')).toEqual([])
    expect((await ids('city-admin')).sort()).toEqual([jjConsultation, xjConsultation].sort())
    // the 椒江 phone number never reaches 仙居
    expect(await (await get('xj-responder', '/consultations?pageSize=50')).text()).not.toContain(jjConsultation)
  })

  it('a reply outside the organisation is 404, exactly like an unknown id, and changes nothing', async () => {
    const across = await post('xj-responder', `/consultations/${jjConsultation}/reply`, { text: '请到窗口咨询。' })
    const unknown = await post('xj-responder', '/consultations/no-such-id/reply', { text: '请到窗口咨询。' })
    expect(across.status).toBe(404)
    expect(unknown.status).toBe(404)
    expect(await across.json()).toEqual(await unknown.json())
    const mine = await get('jj-responder', '/consultations?status=pending&pageSize=50')
    expect(((await mine.json()) as Page<{ id: string }>).items.map((c) => c.id)).toContain(jjConsultation)
    expect((await post('jj-responder', `/consultations/${jjConsultation}/reply`, { text: '可以参保。' })).status).toBe(200)
  })

  it('a staff account without an organisation sees nothing: 403 in Chinese', async () => {
    const dev = (await (await server.api('/auth/dev', postJson({ role: 'responder', name: '无单位答复员' }))).json()) as Session
    await server.store.database.kysely.updateTable('users').set({ org_code: null }).where('id', '=', dev.user.id).execute()
    const res = await server.api('/consultations', bearer(dev.token))
    expect(res.status).toBe(403)
    expect(await message(res)).toBe('该账号未设置所属单位，不能查看或处理本单位的数据')
    expect((await server.api(`/consultations/${xjConsultation}/reply`, postJson({ text: '好的。' }, auth(dev.token)))).status).toBe(404)
  })
})

describe('lecture orders', () => {
  it('a dispatcher lists only their organisation; the city lists all', async () => {
    const ids = async (as: string) => ((await (await get(as, '/lecture-orders?pageSize=50')).json()) as Page<LectureOrder>).items.map((o) => o.id)
    expect(await ids('xj-dispatcher')).toEqual([xjOrder])
    expect(await ids('jj-dispatcher')).toEqual([jjOrder])
    expect(await ids('xj-town-admin')).toEqual([xjOrder])
    expect((await ids('city-admin')).sort()).toEqual([jjOrder, xjOrder].sort())
    const text = await (await get('xj-dispatcher', '/lecture-orders?pageSize=50')).text()
    expect(text).not.toContain('林晓燕')
  })

  it('reads and workflow steps outside the organisation are 404, exactly like an unknown id', async () => {
    const unknown = await (await get('xj-dispatcher', '/lecture-orders/no-such-id')).json()
    for (const as of ['xj-dispatcher', 'xj-admin', 'xj-town-admin']) {
      const read = await get(as, `/lecture-orders/${jjOrder}`)
      expect(read.status).toBe(404)
      expect(await read.json()).toEqual(unknown)
    }
    const dispatch = await post('xj-dispatcher', `/lecture-orders/${jjOrder}/dispatch`, { lecturerId: 'u-lec-01' })
    expect(dispatch.status).toBe(404)
    expect(await dispatch.json()).toEqual(unknown)
    expect((await post('xj-dispatcher', `/lecture-orders/${jjOrder}/reject`, { reason: '不在本县' })).status).toBe(404)
    expect((await get('jj-dispatcher', `/lecture-orders/${jjOrder}`)).status).toBe(200)
  })

  it('a same-named lecturer account made by a township admin gets nothing; the linked one made by the city gets the orders', async () => {
    // a township admin of 仙居 makes a lecturer named like the city's 陈海燕 (u-lec-01)
    const fake = await post('xj-town-admin', '/admin/accounts', {
      username: 'fake-chen',
      name: '陈海燕',
      role: 'lecturer',
      orgCode: '331024001',
      password: 'xianju-lecture-pw-26',
    })
    expect(fake.status).toBe(201)
    // and cannot link it to her either: she is the city's
    const link = await post('xj-town-admin', '/admin/accounts', {
      username: 'fake-chen-2',
      name: '陈海燕',
      role: 'lecturer',
      orgCode: '331024001',
      password: 'xianju-lecture-pw-26',
      lecturerId: 'u-lec-01',
    })
    expect(link.status).toBe(403)
    expect(await message(link)).toBe('只能绑定本单位及下级单位的宣讲员')

    // the city makes her real account in 椒江, linked to u-lec-01; a second link is refused
    const real = await post('city-admin', '/admin/accounts', {
      username: 'chen-real',
      name: '陈海燕',
      role: 'lecturer',
      orgCode: '331002',
      password: 'haiyan-lecture-pw-26',
      lecturerId: 'u-lec-01',
    })
    expect(real.status).toBe(201)
    const twice = await post('city-admin', '/admin/accounts', {
      username: 'chen-twice',
      name: '陈海燕',
      role: 'lecturer',
      orgCode: '331002',
      password: 'haiyan-lecture-pw-26',
      lecturerId: 'u-lec-01',
    })
    expect(twice.status).toBe(409)
    expect(
      (
        await post('city-admin', '/admin/accounts', {
          username: 'not-lecturer',
          name: '张三',
          role: 'responder',
          orgCode: '331002',
          password: 'haiyan-lecture-pw-26',
          lecturerId: 'u-lec-02',
        })
      ).status,
    ).toBe(400)

    // 仙居's dispatcher may not hand a 仙居 order to a 椒江 lecturer; 椒江's dispatches its own
    const across = await post('xj-dispatcher', `/lecture-orders/${xjOrder}/dispatch`, { lecturerId: 'u-lec-01' })
    expect(across.status).toBe(403)
    expect(await message(across)).toBe('只能派给本单位及下级单位的宣讲员')
    expect((await post('jj-dispatcher', `/lecture-orders/${jjOrder}/dispatch`, { lecturerId: 'u-lec-01' })).status).toBe(200)

    s['fake-chen'] = await signIn(server, 'fake-chen', 'xianju-lecture-pw-26')
    s['chen-real'] = await signIn(server, 'chen-real', 'haiyan-lecture-pw-26')
    expect(await (await get('fake-chen', '/lecture-orders/assigned')).json()).toEqual([])
    expect((await get('fake-chen', `/lecture-orders/${jjOrder}`)).status).toBe(404)
    expect((await get('fake-chen', `/lecture-orders/${jjOrder}/sign-in-code`)).status).toBe(404)
    expect((await post('fake-chen', `/lecture-orders/${jjOrder}/accept`)).status).toBe(404)

    const assigned = (await (await get('chen-real', '/lecture-orders/assigned')).json()) as LectureOrder[]
    expect(assigned.map((o) => o.id)).toEqual([jjOrder])
    expect((await post('chen-real', `/lecture-orders/${jjOrder}/accept`)).status).toBe(200)
  })

  it('a staff account without an organisation sees nothing: 403 in Chinese', async () => {
    const dev = (await (await server.api('/auth/dev', postJson({ role: 'dispatcher', name: '无单位派单员' }))).json()) as Session
    await server.store.database.kysely.updateTable('users').set({ org_code: null }).where('id', '=', dev.user.id).execute()
    const res = await server.api('/lecture-orders', bearer(dev.token))
    expect(res.status).toBe(403)
    expect(await message(res)).toBe('该账号未设置所属单位，不能查看或处理本单位的数据')
    expect((await server.api(`/lecture-orders/${xjOrder}`, bearer(dev.token))).status).toBe(404)
  })

  it('dev login links a demo lecturer name to that lecturer (unless an account already speaks for it) and gives staff the city', async () => {
    const wang = (await (await server.api('/auth/dev', postJson({ role: 'lecturer', name: '王建国' }))).json()) as Session
    expect(wang.user.org?.code).toBe('331000')
    const row = await server.store.database.kysely.selectFrom('users').select('lecturer_id').where('id', '=', wang.user.id).executeTakeFirstOrThrow()
    expect(row.lecturer_id).toBe('u-lec-02')
    const chen = (await (await server.api('/auth/dev', postJson({ role: 'lecturer', name: '陈海燕' }))).json()) as Session
    expect(await (await server.api('/lecture-orders/assigned', bearer(chen.token))).json()).toEqual([])
  })
})
