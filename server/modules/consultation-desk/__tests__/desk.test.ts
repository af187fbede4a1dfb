/**
 * 咨询工作台 over HTTP on a real server (SQLite, or PostgreSQL with TEST_DATABASE_URL): routing
 * by topic and county, the caller's scope (403 across counties, nothing changed), assign,
 * transfer, reply through publishReply (the resident sees it and the department in 我的咨询),
 * review, idempotent replies, content checks, due dates and overdue with a moved clock, figures,
 * CSV and the audit log.
 */
import type { Consultation, DeskConsultationDetail, DeskFigures, DeskPage, DeskRoute } from '../../../../common/contract'
import { makeClock } from '../../../../test/api/helpers/clock'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { call, ok, signIn, type Staff } from '../../editorial/__tests__/helpers'

jest.setTimeout(120_000)

const JIAOJIANG = '331002'
const HUANGYAN = '331003'
const PHONE = '13812345678'
// Monday 2026-11-16 09:30 Beijing
const clock = makeClock(new Date('2026-11-16T01:30:00.000Z'))

let server: TestServer
let resident: Staff
let jj: Record<'responder' | 'responder2' | 'reviewer' | 'admin', Staff>
let hy: Record<'responder' | 'reviewer' | 'admin', Staff>
let city: Staff

async function consult(question: string, topic = 'yanglao', regionCode = '331002001003'): Promise<Consultation> {
  return ok<Consultation>(await call(server, resident, 'POST', '/consultations', { topic, question, regionCode, phone: PHONE }), 201)
}

const audits = async (id: string) =>
  (await server.store.database.kysely.selectFrom('audit_log').select('action').where('target_id', '=', id).orderBy('id').execute()).map((a) => a.action)

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, rateLimit: false, now: clock.now })
  resident = await signIn(server, 'resident', JIAOJIANG, '椒江居民')
  jj = {
    responder: await signIn(server, 'responder', JIAOJIANG, '椒江答复员'),
    responder2: await signIn(server, 'responder', JIAOJIANG, '椒江答复员二'),
    reviewer: await signIn(server, 'reviewer', JIAOJIANG, '椒江审核'),
    admin: await signIn(server, 'admin', JIAOJIANG, '椒江管理员'),
  }
  hy = {
    responder: await signIn(server, 'responder', HUANGYAN, '黄岩答复员'),
    reviewer: await signIn(server, 'reviewer', HUANGYAN, '黄岩审核'),
    admin: await signIn(server, 'admin', HUANGYAN, '黄岩管理员'),
  }
  city = await signIn(server, 'admin', '331000', '市管理员')
})
afterAll(() => server.close())

describe('routing and the inbox', () => {
  it('routes a consultation by topic and county to the county department, due in 3 working days', async () => {
    const c = await consult('我父亲今年七十岁，高龄津贴怎么申请？')
    const page = await ok<DeskPage>(await call(server, jj.responder, 'GET', '/admin/consultations?pageSize=50'))
    const row = page.items.find((i) => i.id === c.id)!
    expect(row).toMatchObject({
      status: 'unassigned',
      department: { orgCode: JIAOJIANG, name: '椒江区民政局' },
      countyName: '椒江区',
      topicName: '养老服务',
      dueDate: '2026-11-19',
      overdue: false,
      phoneMasked: '138****5678',
    })
    expect(JSON.stringify(page)).not.toContain(PHONE)
    const detail = await ok<DeskConsultationDetail>(await call(server, jj.responder, 'GET', `/admin/consultations/${c.id}`))
    expect(detail.timeline.map((e) => e.kind)).toEqual(['routed'])
    expect(JSON.stringify(detail)).not.toContain(PHONE)
  })

  it('follows an admin-edited route', async () => {
    const route = await ok<DeskRoute>(
      await call(server, jj.admin, 'PUT', '/admin/consultations/routes', {
        topic: 'jiaoyu',
        countyCode: JIAOJIANG,
        orgCode: JIAOJIANG,
        department: '椒江区人民政府办公室',
      }),
    )
    expect(route.custom).toBe(true)
    const c = await consult('孩子转学到椒江需要什么材料？', 'jiaoyu')
    const detail = await ok<DeskConsultationDetail>(await call(server, jj.responder, 'GET', `/admin/consultations/${c.id}`))
    expect(detail.department.name).toBe('椒江区人民政府办公室')
    const routes = await ok<DeskRoute[]>(await call(server, jj.admin, 'GET', '/admin/consultations/routes'))
    expect(routes.find((r) => r.topic === 'yibao' && r.countyCode === JIAOJIANG)).toMatchObject({ custom: false, department: { name: '椒江区医疗保障局' } })
    // a county admin routes nothing of another county
    const res = await call(server, jj.admin, 'PUT', '/admin/consultations/routes', {
      topic: 'jiaoyu',
      countyCode: HUANGYAN,
      orgCode: HUANGYAN,
      department: '黄岩区教育局',
    })
    expect(res.status).toBe(403)
  })

  it('filters by status, department, county and keyword, and refuses a bad filter in Chinese', async () => {
    const byWord = await ok<DeskPage>(await call(server, jj.responder, 'GET', `/admin/consultations?q=${encodeURIComponent('高龄津贴')}`))
    expect(byWord.items.map((i) => i.question)).toEqual(['我父亲今年七十岁，高龄津贴怎么申请？'])
    const byDept = await ok<DeskPage>(await call(server, city, 'GET', `/admin/consultations?org=${JIAOJIANG}&department=${encodeURIComponent('椒江区民政局')}`))
    expect(byDept.items.every((i) => i.department.name === '椒江区民政局')).toBe(true)
    const none = await ok<DeskPage>(await call(server, city, 'GET', `/admin/consultations?county=${HUANGYAN}`))
    expect(none.total).toBe(0)
    const bad = await call(server, jj.responder, 'GET', '/admin/consultations?status=nope')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toBe('请选择正确的状态')
  })
})

describe('across counties', () => {
  let id: string
  beforeAll(async () => {
    id = (await consult('椒江的居家养老服务补贴标准是多少？')).id
  })

  const H = ['responder', 'admin'] as const
  const R = ['reviewer', 'admin'] as const
  it.each([
    ['detail', 'GET', '', undefined, ['responder', 'reviewer', 'admin'] as const],
    ['assign', 'POST', '/assign', { orgCode: JIAOJIANG, department: '椒江区民政局' }, H],
    ['transfer', 'POST', '/transfer', { orgCode: HUANGYAN, department: '黄岩区民政局', reason: '越权转办' }, H],
    ['reply', 'POST', '/reply', { text: '越权答复' }, H],
    ['approve', 'POST', '/reply/approve', undefined, R],
    ['return', 'POST', '/reply/return', { reason: '越权退回' }, R],
  ])('a 黄岩区 account gets 403 on a 椒江区 consultation: %s', async (_name, method, path, body, roles) => {
    for (const role of roles) {
      const res = await call(server, hy[role], method, `/admin/consultations/${id}${path}`, body)
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('不能处理其他单位的咨询')
    }
  })

  it('changes nothing and shows nothing of 椒江区 to 黄岩区', async () => {
    const detail = await ok<DeskConsultationDetail>(await call(server, jj.responder, 'GET', `/admin/consultations/${id}`))
    expect(detail).toMatchObject({ status: 'unassigned', department: { name: '椒江区民政局' } })
    expect(detail.timeline).toHaveLength(1)
    expect(await audits(id)).toEqual([])
    const page = await ok<DeskPage>(await call(server, hy.responder, 'GET', '/admin/consultations?pageSize=50'))
    expect(page.items.map((i) => i.id)).not.toContain(id)
    expect((await call(server, hy.admin, 'PUT', `/admin/consultations/settings/${JIAOJIANG}`, { reviewReplies: true })).status).toBe(403)
  })

  it('lets the city see it, and refuses roles that do not handle consultations', async () => {
    expect((await call(server, city, 'GET', `/admin/consultations/${id}`)).status).toBe(200)
    const editor = await signIn(server, 'editor', JIAOJIANG, '椒江编辑')
    expect((await call(server, editor, 'GET', '/admin/consultations')).status).toBe(403)
    expect((await call(server, jj.reviewer, 'POST', `/admin/consultations/${id}/reply`, { text: '审核不能直接答复' })).status).toBe(403)
  })
})

describe('assign, transfer and reply', () => {
  it('assigns, replies once with an Idempotency-Key, and the resident sees the reply and the department', async () => {
    const c = await consult('养老服务补贴多久发放一次？')
    const assigned = await ok<DeskConsultationDetail>(
      await call(server, jj.admin, 'POST', `/admin/consultations/${c.id}/assign`, { assigneeId: jj.responder.id }),
    )
    expect(assigned).toMatchObject({ status: 'assigned', assignee: { id: jj.responder.id, name: '椒江答复员' } })
    // a responder of another county is no choice
    const wrong = await call(server, city, 'POST', `/admin/consultations/${c.id}/assign`, { assigneeId: hy.responder.id })
    expect(wrong.status).toBe(400)

    const headers = { 'idempotency-key': `reply-${c.id}` }
    const first = await call(server, jj.responder, 'POST', `/admin/consultations/${c.id}/reply`, { text: '  每月10日前发放到社保卡。 ' }, headers)
    const body = await ok<DeskConsultationDetail>(first)
    expect(body).toMatchObject({ status: 'answered', reply: { text: '每月10日前发放到社保卡。', department: '椒江区民政局' } })
    const again = await call(server, jj.responder, 'POST', `/admin/consultations/${c.id}/reply`, { text: '每月10日前发放到社保卡。' }, headers)
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const other = await call(server, jj.responder, 'POST', `/admin/consultations/${c.id}/reply`, { text: '另一条答复' })
    expect(other.status).toBe(409)

    const mine = await ok<Consultation[]>(await call(server, resident, 'GET', '/consultations/mine'))
    expect(mine.find((m) => m.id === c.id)).toMatchObject({ status: 'answered', reply: { text: '每月10日前发放到社保卡。', department: '椒江区民政局' } })
    const detail = await ok<DeskConsultationDetail>(await call(server, jj.responder, 'GET', `/admin/consultations/${c.id}`))
    expect(detail.timeline.map((e) => e.kind)).toEqual(['routed', 'assigned', 'replied'])
    expect(await audits(c.id)).toEqual(['consultation.desk.assign', 'consultation.desk.reply'])
  })

  it('refuses a reply with a listed word, changing nothing', async () => {
    const c = await consult('惠农补贴什么时候发？', 'huinong')
    const res = await call(server, jj.responder, 'POST', `/admin/consultations/${c.id}/reply`, { text: '请关注网赌平台' })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('不适宜发布')
    const empty = await call(server, jj.responder, 'POST', `/admin/consultations/${c.id}/reply`, { text: '   ' })
    expect(((await empty.json()) as { error: { message: string } }).error.message).toBe('请填写答复内容')
    const detail = await ok<DeskConsultationDetail>(await call(server, jj.responder, 'GET', `/admin/consultations/${c.id}`))
    expect(detail.status).toBe('unassigned')
    expect(await audits(c.id)).toEqual([])
  })

  it('transfers to another department with a reason, recorded in the timeline', async () => {
    const c = await consult('农村低保怎么申请？', 'huinong')
    const noReason = await call(server, jj.responder, 'POST', `/admin/consultations/${c.id}/transfer`, {
      orgCode: JIAOJIANG,
      department: '椒江区民政局',
      reason: ' ',
    })
    expect(((await noReason.json()) as { error: { message: string } }).error.message).toBe('请填写转办原因')
    const moved = await ok<DeskConsultationDetail>(
      await call(server, jj.responder, 'POST', `/admin/consultations/${c.id}/transfer`, {
        orgCode: JIAOJIANG,
        department: '椒江区民政局',
        reason: '低保属民政职责',
      }),
    )
    expect(moved.department.name).toBe('椒江区民政局')
    expect(moved.timeline.at(-1)).toMatchObject({ kind: 'transferred', actorName: '椒江答复员', note: '椒江区农业农村局 → 椒江区民政局：低保属民政职责' })
    // transferred to the city: out of the county's scope
    await ok(
      await call(server, jj.responder, 'POST', `/admin/consultations/${c.id}/transfer`, {
        orgCode: '331000',
        department: '台州市民政局',
        reason: '需市级答复',
      }),
    )
    expect((await call(server, jj.responder, 'GET', `/admin/consultations/${c.id}`)).status).toBe(403)
    expect((await call(server, city, 'GET', `/admin/consultations/${c.id}`)).status).toBe(200)
  })
})

describe('review of replies', () => {
  beforeAll(async () => {
    await ok(await call(server, jj.admin, 'PUT', `/admin/consultations/settings/${JIAOJIANG}`, { reviewReplies: true }))
  })
  afterAll(async () => {
    await ok(await call(server, jj.admin, 'PUT', `/admin/consultations/settings/${JIAOJIANG}`, { reviewReplies: false }))
  })

  it('holds the reply until a reviewer approves it; the resident sees nothing before', async () => {
    const c = await consult('居家养老上门服务怎么预约？')
    const key = { 'idempotency-key': `draft-${c.id}` }
    const held = await ok<DeskConsultationDetail>(
      await call(server, jj.responder, 'POST', `/admin/consultations/${c.id}/reply`, { text: '拨打12345预约。' }, key),
    )
    expect(held).toMatchObject({ status: 'in_review', reviewRequired: true, draft: { text: '拨打12345预约。', byName: '椒江答复员' } })
    const retry = await call(server, jj.responder, 'POST', `/admin/consultations/${c.id}/reply`, { text: '拨打12345预约。' }, key)
    expect(retry.headers.get('idempotent-replayed')).toBe('true')
    const second = await call(server, jj.responder2, 'POST', `/admin/consultations/${c.id}/reply`, { text: '另一条' })
    expect(second.status).toBe(409)
    let mine = await ok<Consultation[]>(await call(server, resident, 'GET', '/consultations/mine'))
    expect(mine.find((m) => m.id === c.id)!.status).toBe('pending')

    const queue = await ok<DeskPage>(await call(server, jj.reviewer, 'GET', '/admin/consultations?status=in_review'))
    expect(queue.items.map((i) => i.id)).toContain(c.id)
    const approved = await ok<DeskConsultationDetail>(await call(server, jj.reviewer, 'POST', `/admin/consultations/${c.id}/reply/approve`))
    expect(approved).toMatchObject({ status: 'answered', reply: { text: '拨打12345预约。', department: '椒江区民政局' } })
    mine = await ok<Consultation[]>(await call(server, resident, 'GET', '/consultations/mine'))
    expect(mine.find((m) => m.id === c.id)).toMatchObject({ status: 'answered', reply: { department: '椒江区民政局' } })
    expect(await audits(c.id)).toEqual(['consultation.desk.draft', 'consultation.desk.approve'])
  })

  it('returns a reply with a reason, and refuses self-review', async () => {
    const c = await consult('养老机构床位补贴怎么申请？')
    await ok(await call(server, jj.admin, 'POST', `/admin/consultations/${c.id}/reply`, { text: '请到民政局窗口申请。' }))
    expect((await call(server, jj.admin, 'POST', `/admin/consultations/${c.id}/reply/approve`)).status).toBe(403)
    const noReason = await call(server, jj.reviewer, 'POST', `/admin/consultations/${c.id}/reply/return`, { reason: '' })
    expect(noReason.status).toBe(400)
    const back = await ok<DeskConsultationDetail>(
      await call(server, jj.reviewer, 'POST', `/admin/consultations/${c.id}/reply/return`, { reason: '请写明窗口地址' }),
    )
    expect(back.status).toBe('unassigned')
    expect(back.draft).toBeUndefined()
    expect(back.timeline.at(-1)).toMatchObject({ kind: 'returned', note: '请写明窗口地址' })
  })
})

describe('due dates and figures with the clock moved', () => {
  /** staff sessions end after 12 idle hours of the moved clock: sign in again at each time */
  const at = async (iso: string) => {
    clock.set(new Date(iso))
    resident = await signIn(server, 'resident', JIAOJIANG, '椒江居民')
    hy.responder = await signIn(server, 'responder', HUANGYAN, '黄岩答复员')
    hy.admin = await signIn(server, 'admin', HUANGYAN, '黄岩管理员')
    city = await signIn(server, 'admin', '331000', '市管理员')
  }

  it('counts a Monday one overdue on Friday, not one spanning 国庆', async () => {
    await at('2026-09-30T02:00:00.000Z')
    const holiday = await consult('国庆前提交：独生子女父母奖励怎么领？', 'yanglao', '331003001001')
    await at('2026-11-16T01:30:00.000Z')
    const monday = await consult('周一提交：养老金调整什么时候到账？', 'yanglao', '331003001001')

    await at('2026-10-05T02:00:00.000Z')
    let detail = await ok<DeskConsultationDetail>(await call(server, hy.responder, 'GET', `/admin/consultations/${holiday.id}`))
    expect(detail).toMatchObject({ dueDate: '2026-10-10', overdue: false })

    await at('2026-11-20T02:00:00.000Z') // Friday
    detail = await ok<DeskConsultationDetail>(await call(server, hy.responder, 'GET', `/admin/consultations/${monday.id}`))
    expect(detail).toMatchObject({ dueDate: '2026-11-19', overdue: true })
    const overdue = await ok<DeskPage>(await call(server, hy.responder, 'GET', '/admin/consultations?overdue=true'))
    expect(overdue.items.map((i) => i.id).sort()).toEqual([holiday.id, monday.id].sort())
    expect(overdue.overdueOpen).toBe(2)

    // the holiday one answered on its due date (a 调休 Saturday) was on time
    await at('2026-10-10T03:00:00.000Z')
    await ok(await call(server, hy.responder, 'POST', `/admin/consultations/${holiday.id}/reply`, { text: '请到社区申请。' }))
    await at('2026-11-20T02:00:00.000Z')
    const figures = await ok<DeskFigures>(await call(server, hy.admin, 'GET', '/admin/consultations/figures'))
    expect(figures.unit).toBe('workingDays')
    expect(figures.total).toMatchObject({ total: 2, answered: 1, open: 1, overdue: 1, overdueShare: 0.5, avgReplyWorkingDays: 3 })
    expect(figures.byCounty).toEqual([expect.objectContaining({ key: HUANGYAN, name: '黄岩区', total: 2 })])
    expect(figures.byDepartment).toEqual([expect.objectContaining({ name: '黄岩区民政局', overdue: 1 })])
    const all = await ok<DeskFigures>(await call(server, city, 'GET', '/admin/consultations/figures'))
    expect(all.byCounty.map((r) => r.name)).toEqual(expect.arrayContaining(['椒江区', '黄岩区']))
  })

  it('exports the filtered inbox as CSV with the phone masked, audited', async () => {
    const res = await call(server, hy.responder, 'GET', '/admin/consultations.csv?overdue=true')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const text = await res.text()
    expect(text).toContain('答复期限')
    expect(text).toContain('周一提交')
    expect(text).toContain('138****5678')
    expect(text).not.toContain(PHONE)
    const entries = await server.store.database.kysely.selectFrom('audit_log').select('action').where('action', '=', 'consultation.desk.export').execute()
    expect(entries).toHaveLength(1)
  })
})
