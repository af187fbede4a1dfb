/**
 * 依申请公开 over HTTP on a real server (SQLite, or PostgreSQL with TEST_DATABASE_URL): the
 * resident's application (validated ID numbers, masked, idempotent), the office's steps with role
 * AND organisation checked on every one, 补正 stopping and restarting the clock, one extension,
 * legal review, the reply and its PDF, 转主动公开, the board's filters with a moved clock, the
 * yearly table, the audit log, and no personal data in the logs.
 */
import type { FoiaYearReport, InformationRequestDetail, InformationRequestPage, MessagePage } from '../../../../common/contract'
import { makeClock } from '../../../../test/api/helpers/clock'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { call, ok, signIn, type Staff } from '../../editorial/__tests__/helpers'
import { disclosureTopic } from '../routes'

jest.setTimeout(120_000)

const JIAOJIANG = '331002'
const HUANGYAN = '331003'
const ID = '331002199003071236'
const PHONE = '13812345678'
const DAY = 24 * 60 * 60 * 1000
// Monday 2026-11-16 09:30 Beijing
const clock = makeClock(new Date('2026-11-16T01:30:00.000Z'))
const log: string[] = []

let server: TestServer
let resident: Staff
let other: Staff
let officer: Staff
let officer2: Staff
let legal: Staff
let hyOfficer: Staff
let hyLegal: Staff
let responder: Staff
let city: Staff

const application = (over: Record<string, unknown> = {}) => ({
  applicantType: 'citizen',
  name: '王小明',
  idType: 'id_card',
  idNumber: ID,
  phone: PHONE,
  email: 'wang@example.com',
  infoTitle: '椒江区2026年老旧小区改造计划',
  docNumber: '椒政办发〔2026〕12号',
  description: '改造小区名单及资金安排',
  orgCode: JIAOJIANG,
  format: 'electronic',
  delivery: 'online',
  ...over,
})

const apply = async (over: Record<string, unknown> = {}, key?: string) =>
  ok<InformationRequestDetail>(await call(server, resident, 'POST', '/information-requests', application(over), key ? { 'idempotency-key': key } : {}), 201)
const step = (who: Staff, id: string, action: string, body: unknown = {}) => call(server, who, 'POST', `/admin/information-requests/${id}/${action}`, body)
const message = async (res: Response) => ((await res.json()) as { error: { message: string } }).error.message

/** sessions of staff expire when the clock moves days: everyone signs in again after a move */
async function signAll() {
  resident = await signIn(server, 'resident', JIAOJIANG, '椒江居民')
  other = await signIn(server, 'resident', JIAOJIANG, '另一居民')
  officer = await signIn(server, 'foia_officer', JIAOJIANG, '椒江公开专员')
  officer2 = await signIn(server, 'foia_officer', JIAOJIANG, '椒江公开专员二')
  legal = await signIn(server, 'legal_reviewer', JIAOJIANG, '椒江法律顾问')
  hyOfficer = await signIn(server, 'foia_officer', HUANGYAN, '黄岩公开专员')
  hyLegal = await signIn(server, 'legal_reviewer', HUANGYAN, '黄岩法律顾问')
  responder = await signIn(server, 'responder', JIAOJIANG, '椒江答复员')
  city = await signIn(server, 'admin', '331000', '市管理员')
}
/** move the clock and sign everyone in again */
async function moveClock(to: Date) {
  clock.set(to)
  await signAll()
}

beforeAll(async () => {
  server = await startTestServer({
    devLogin: true,
    rateLimit: false,
    now: clock.now,
    logger: true,
    logLevel: 'info',
    logStream: { write: (l: string) => void log.push(l) },
    // 订阅消息 for 依申请公开 configured; nothing listens there (dev sign-ins have no openid anyway)
    wechat: { appId: 'wx-app', secret: 's', apiBase: 'http://127.0.0.1:9', timeoutMs: 300, foiaTemplateId: 'tmpl-foia' },
  })
  await signAll()
})
afterAll(() => server.close())

describe('the application', () => {
  it('refuses a wrong ID number and a missing address in Chinese, never a 5xx', async () => {
    const bad = await call(server, resident, 'POST', '/information-requests', application({ idNumber: '331002199003071237' }))
    expect(bad.status).toBe(400)
    expect(await message(bad)).toBe('居民身份证号码不正确，请核对')
    const noAddress = await call(server, resident, 'POST', '/information-requests', application({ delivery: 'mail' }))
    expect(await message(noAddress)).toBe('选择邮寄时请填写通讯地址')
    const org = await call(server, resident, 'POST', '/information-requests', application({ applicantType: 'organisation' }))
    expect(await message(org)).toBe('法人或其他组织请填写统一社会信用代码')
    const staff = await call(server, officer, 'POST', '/information-requests', application())
    expect(staff.status).toBe(403)
  })

  it('acknowledges with a number and a due date 20 working days on, the ID masked; a retry is the same application', async () => {
    const first = await apply({}, 'apply-1')
    expect(first).toMatchObject({ status: 'registered', receivedOn: '2026-11-16', dueDate: '2026-12-14', daysLeft: 20, idNumberMasked: '331***********1236' })
    expect(first.number).toMatch(/^YSQ20261116[0-9A-Z]{4}$/)
    expect(JSON.stringify(first)).not.toContain(ID)
    expect(JSON.stringify(first)).not.toContain(PHONE)
    const again = await call(server, resident, 'POST', '/information-requests', application(), { 'idempotency-key': 'apply-1' })
    expect(again.status).toBe(201)
    expect(((await again.json()) as InformationRequestDetail).id).toBe(first.id)
    const mine = await ok<{ items: { id: string }[]; total: number }>(await call(server, resident, 'GET', '/information-requests/mine'))
    expect(mine.items.filter((i) => i.id === first.id)).toHaveLength(1)
    expect((await call(server, other, 'GET', `/information-requests/${first.id}`)).status).toBe(404)
  })

  it('lists the bodies one may apply to', async () => {
    const tree = await ok<{ code: string; name: string; children?: { code: string }[] }[]>(await server.api('/information-requests/bodies'))
    expect(tree[0].code).toBe('331000')
    expect(tree[0].children!.map((c) => c.code)).toContain(JIAOJIANG)
  })
})

describe('role and organisation on every step', () => {
  let id: string
  beforeAll(async () => {
    id = (await apply({ infoTitle: '权限测试信息' })).id
  })

  it('shows the ID number in full only to the handling office', async () => {
    const detail = await ok<InformationRequestDetail>(await call(server, officer, 'GET', `/admin/information-requests/${id}`))
    expect(detail.idNumber).toBe(ID)
    expect(detail.actions).toEqual(['accept', 'request_correction'])
    const page = await ok<InformationRequestPage>(await call(server, officer, 'GET', '/admin/information-requests?pageSize=50'))
    expect(page.items.find((i) => i.id === id)).toBeDefined()
    expect(JSON.stringify(page)).not.toContain(ID)
    expect((await call(server, hyOfficer, 'GET', `/admin/information-requests/${id}`)).status).toBe(403)
    expect((await call(server, responder, 'GET', `/admin/information-requests/${id}`)).status).toBe(403)
    const hyPage = await ok<InformationRequestPage>(await call(server, hyOfficer, 'GET', '/admin/information-requests'))
    expect(hyPage.items.find((i) => i.id === id)).toBeUndefined()
  })

  const bodies: Record<string, unknown> = {
    accept: {},
    request_correction: { note: '请说明所需信息的年份' },
    correct: {},
    extend: { approver: '张局长', note: '需要调档' },
    submit_review: { reply: { type: 'full', text: '见附件' } },
    approve: {},
    return: { note: '依据不足' },
    reply: {},
    close: {},
  }
  it.each(Object.keys(bodies))('%s: another county is a 403, a wrong role a 403, and nothing changes', async (action) => {
    for (const who of [hyOfficer, hyLegal, responder, resident]) {
      const res = await step(who, id, action, bodies[action])
      expect(res.status).toBe(403)
    }
    const wrongRole = ['approve', 'return'].includes(action) ? officer : legal
    const res = await step(wrongRole, id, action, bodies[action])
    expect(res.status).toBe(403)
    const detail = await ok<InformationRequestDetail>(await call(server, officer, 'GET', `/admin/information-requests/${id}`))
    expect(detail.status).toBe('registered')
  })

  it('refuses a step from the wrong state with a 409 in Chinese', async () => {
    const res = await step(officer, id, 'reply')
    expect(res.status).toBe(409)
    expect(await message(res)).toBe('申请已登记，不能答复')
  })
})

describe('补正, legal review, the reply and its PDF', () => {
  let id: string
  let number: string
  beforeAll(async () => {
    const r = await apply({ infoTitle: '椒江区2026年征地补偿标准' })
    id = r.id
    number = r.number
  })
  afterAll(() => moveClock(new Date('2026-11-16T01:30:00.000Z')))

  it('stops the clock for 补正 and restarts it when the resident corrects', async () => {
    const asked = await ok<InformationRequestDetail>(await step(officer, id, 'request_correction', { note: '请说明具体地块' }))
    expect(asked.status).toBe('correction')
    expect(asked.dueDate).toBeUndefined()
    const seen = await ok<InformationRequestDetail>(await call(server, resident, 'GET', `/information-requests/${id}`))
    expect(seen).toMatchObject({ status: 'correction', correctionNote: '请说明具体地块', actions: ['correct'] })
    await moveClock(new Date(clock.now().getTime() + 3 * DAY)) // Thursday 19 November
    const corrected = await ok<InformationRequestDetail>(
      await call(server, resident, 'POST', `/information-requests/${id}/correction`, { text: '城东街道某某地块' }, { 'idempotency-key': 'corr-1' }),
    )
    expect(corrected).toMatchObject({ status: 'processing', receivedOn: '2026-11-19', dueDate: '2026-12-17' })
    const again = await call(server, resident, 'POST', `/information-requests/${id}/correction`, { text: '城东街道某某地块' }, { 'idempotency-key': 'corr-1' })
    expect(again.status).toBe(200)
    expect((await call(server, resident, 'POST', `/information-requests/${id}/correction`, { text: '再次补正' })).status).toBe(409)
  })

  it('extends once with the approver', async () => {
    expect(await message(await step(officer, id, 'extend', { note: '需要调档' }))).toBe('请填写延期批准人')
    const extended = await ok<InformationRequestDetail>(await step(officer, id, 'extend', { approver: '张局长', note: '需要调档' }))
    expect(extended).toMatchObject({ extended: true, dueDate: '2027-01-15', extension: { approver: '张局长', reason: '需要调档' } })
    const twice = await step(officer, id, 'extend', { approver: '张局长', note: '再延' })
    expect(twice.status).toBe(409)
    expect(await message(twice)).toBe('该申请已延期一次，不能再延期')
  })

  it('drafts a 部分公开 with its ground and a fee past 30 pages, reviewed by 法律审核 only', async () => {
    expect(await message(await step(officer, id, 'submit_review', { reply: { type: 'partial', text: '公开补偿标准' } }))).toBe('不予公开须写明法律依据')
    const drafted = await ok<InformationRequestDetail>(
      await step(officer, id, 'submit_review', {
        reply: { type: 'partial', ground: '涉及个人隐私（《条例》第十五条）', text: '公开补偿标准，被征收户名单不予公开。', pages: 50 },
      }),
    )
    expect(drafted.status).toBe('legal_review')
    expect(drafted.draft).toMatchObject({ type: 'partial', fee: { amount: 200 } })
    expect((await step(officer2, id, 'approve')).status).toBe(403)
    const returned = await ok<InformationRequestDetail>(await step(legal, id, 'return', { note: '请补充依据条款' }))
    expect(returned.status).toBe('processing')
    await ok(
      await step(officer, id, 'submit_review', { reply: { type: 'partial', ground: '涉及个人隐私（《条例》第十五条）', text: '公开补偿标准。', pages: 50 } }),
    )
    const approved = await ok<InformationRequestDetail>(await step(legal, id, 'approve'))
    expect(approved.status).toBe('approved')
    // the resident sees no draft before the reply
    const before = await ok<InformationRequestDetail>(await call(server, resident, 'GET', `/information-requests/${id}`))
    expect(before.draft).toBeUndefined()
    expect((await call(server, resident, 'GET', `/information-requests/${id}/reply.pdf`)).status).toBe(404)
  })

  it('replies; the resident downloads the 答复书 PDF', async () => {
    const replied = await ok<InformationRequestDetail>(await step(officer, id, 'reply'))
    expect(replied).toMatchObject({ status: 'answered', reply: { type: 'partial', typeLabel: '部分公开', fee: { amount: 200 } }, overdue: false })
    const mine = await ok<InformationRequestDetail>(await call(server, resident, 'GET', `/information-requests/${id}`))
    expect(mine.timeline.map((e) => e.kind)).toEqual([
      'register',
      'request_correction',
      'correct',
      'extend',
      'submit_review',
      'return',
      'submit_review',
      'approve',
      'reply',
    ])
    const pdf = await call(server, resident, 'GET', `/information-requests/${id}/reply.pdf`)
    expect(pdf.status).toBe(200)
    expect(pdf.headers.get('content-type')).toBe('application/pdf')
    expect(pdf.headers.get('content-disposition')).toContain(`reply-${number}.pdf`)
    const bytes = Buffer.from(await pdf.arrayBuffer())
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    expect(bytes.toString('latin1')).not.toContain(ID)
    expect((await call(server, other, 'GET', `/information-requests/${id}/reply.pdf`)).status).toBe(404)
    expect((await call(server, officer, 'GET', `/admin/information-requests/${id}/reply.pdf`)).status).toBe(200)
  })

  it('turns the answered request into a 主动公开 draft, once, and closes it', async () => {
    const disclosed = await ok<InformationRequestDetail>(await call(server, officer, 'POST', `/admin/information-requests/${id}/disclose`))
    expect(disclosed.disclosureItemId).toMatch(/^f-/)
    const item = await server.store.database.kysely
      .selectFrom('editorial_items')
      .select(['status', 'type', 'org_code', 'topic'])
      .where('id', '=', disclosed.disclosureItemId!)
      .executeTakeFirst()
    // nothing in 「征地补偿标准」 names a topic: 政务公开
    expect(item).toEqual({ status: 'draft', type: 'faq', org_code: JIAOJIANG, topic: 'zwgk' })
    expect((await call(server, officer, 'POST', `/admin/information-requests/${id}/disclose`)).status).toBe(409)
    expect((await ok<InformationRequestDetail>(await step(officer, id, 'close'))).status).toBe('closed')
  })

  it('tells the applicant in 我的消息 (and WeChat) of 补正, 答复 and 办结, without personal data', async () => {
    const page = await ok<MessagePage>(await call(server, resident, 'GET', '/messages?pageSize=50'))
    const mine = page.items.filter((m) => m.targetId === id)
    expect(mine.map((m) => m.kind)).toEqual(['foia', 'foia', 'foia'])
    expect(mine.map((m) => m.title).sort()).toEqual(['您的政府信息公开申请已办结', '您的政府信息公开申请已答复', '您的政府信息公开申请需要补正'].sort())
    for (const m of mine) {
      expect(m.body).toContain(`申请编号${number}（`)
      expect(m.read).toBe(false)
    }
    const text = JSON.stringify(mine)
    for (const secret of [ID, PHONE, '王小明', '征地补偿']) expect(text).not.toContain(secret)
    // nobody else hears of it
    const others = await ok<MessagePage>(await call(server, other, 'GET', '/messages?pageSize=50'))
    expect(others.items.filter((m) => m.targetId === id)).toEqual([])
    const outbox = await server.store.database.kysely
      .selectFrom('wechat_outbox')
      .select(['template_id', 'page', 'data'])
      .where('template_id', '=', 'tmpl-foia')
      .execute()
    const ours = outbox.filter((r) => r.page === `packages/foia/pages/detail/index?id=${id}`)
    expect(ours.map((r) => (JSON.parse(r.data) as Record<string, string>).phrase3).sort()).toEqual(['已办结', '已答复', '待补正'].sort())
    expect(JSON.parse(ours[0].data)).toMatchObject({ character_string1: number, thing2: expect.stringContaining('椒江') })
    expect(JSON.stringify(ours)).not.toContain(ID)
  })

  it('audits every step without personal data, and logs none', async () => {
    const rows = await server.store.database.kysely.selectFrom('audit_log').select(['action', 'detail']).where('target_id', '=', id).orderBy('id').execute()
    expect(rows.map((r) => r.action)).toEqual([
      'foia.apply',
      'foia.request_correction',
      'foia.correct',
      'foia.extend',
      'foia.submit_review',
      'foia.return',
      'foia.submit_review',
      'foia.approve',
      'foia.reply',
      'foia.disclose',
      'foia.close',
    ])
    expect(JSON.stringify(rows)).not.toContain(ID)
    const logs = log.join('\n')
    expect(logs).not.toContain(ID)
    expect(logs).not.toContain(PHONE)
    expect(logs).not.toContain('王小明')
  })
})

describe('the 主动公开 draft’s topic', () => {
  it('follows the request’s wording, else 政务公开', () => {
    const known = ['yanglao', 'yibao', 'zhufang', 'zwgk']
    expect(disclosureTopic('2026年高龄津贴发放名单', known)).toBe('yanglao')
    expect(disclosureTopic('椒江区征地补偿标准', known)).toBe('zwgk')
    expect(disclosureTopic('椒江区征地补偿标准', ['yanglao'])).toBe('yanglao')
  })
})

describe('the board and the yearly table', () => {
  it('registers a letter application and flags it overdue once the clock passes its due date', async () => {
    const letter = await ok<InformationRequestDetail>(
      await call(server, officer, 'POST', '/admin/information-requests', { ...application({ name: '李四', infoTitle: '信函申请的信息' }), channel: 'letter' }),
      201,
    )
    expect(letter).toMatchObject({ channel: 'letter', dueDate: '2026-12-14', idNumber: ID })
    const hy = await call(server, hyOfficer, 'POST', '/admin/information-requests', { ...application(), channel: 'paper' })
    expect(hy.status).toBe(403)
    const week = await ok<InformationRequestPage>(await call(server, officer, 'GET', '/admin/information-requests?dueThisWeek=true'))
    expect(week.items.find((i) => i.id === letter.id)).toBeUndefined()
    await moveClock(new Date('2026-12-15T01:30:00.000Z'))
    try {
      const overdue = await ok<InformationRequestPage>(await call(server, officer, 'GET', '/admin/information-requests?overdue=true&pageSize=50'))
      const row = overdue.items.find((i) => i.id === letter.id)
      expect(row).toMatchObject({ overdue: true, daysLeft: -1 })
      expect(overdue.overdueOpen).toBeGreaterThan(0)
      const csv = await call(server, officer, 'GET', '/admin/information-requests.csv?overdue=true')
      const text = await csv.text()
      expect(text).toContain('信函申请的信息')
      expect(text).not.toContain(ID)
      const extended = await ok<InformationRequestPage>(await call(server, officer, 'GET', '/admin/information-requests?extended=true&pageSize=50'))
      expect(extended.items.every((i) => i.extended)).toBe(true)
    } finally {
      await moveClock(new Date('2026-11-16T01:30:00.000Z'))
    }
  })

  it('counts the year: received by applicant type and the results by reply type', async () => {
    const report = await ok<FoiaYearReport>(await call(server, officer, 'GET', `/admin/information-requests/report?year=2026`))
    expect(report.orgName).toBe('椒江区')
    expect(report.received.citizen).toBeGreaterThanOrEqual(4)
    expect(report.received.organisation).toBe(0)
    expect(report.results.find((r) => r.type === 'partial')).toMatchObject({ citizen: 1, total: 1 })
    const forward = report.results.find((r) => r.type === 'carried_forward')!
    expect(forward.total).toBe(report.received.total - 1)
    const next = await ok<FoiaYearReport>(await call(server, officer, 'GET', `/admin/information-requests/report?year=2027`))
    expect(next.carriedOver.total).toBe(forward.total)
    const csv = await (await call(server, officer, 'GET', `/admin/information-requests/report.csv?year=2026`)).text()
    expect(csv).toContain('部分公开')
    expect((await call(server, hyOfficer, 'GET', `/admin/information-requests/report?year=2026&org=${JIAOJIANG}`)).status).toBe(403)
    expect((await call(server, city, 'GET', `/admin/information-requests/report?year=2026&org=${JIAOJIANG}`)).status).toBe(200)
  })
})
