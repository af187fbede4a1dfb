/**
 * Question banks and campaigns in the console on a real server (SQLite; PostgreSQL with
 * TEST_DATABASE_URL), with an injected clock: a bank made and filled by CSV/XLSX import (a bad
 * file imports nothing and names row, column and reason), the 403 across counties (椒江区 vs
 * 黄岩区), idempotent creates, a campaign made from the bank version — then the version is locked
 * (409) and an edit goes only into a new version, the campaign keeping its own; once running the
 * campaign is answerable in the resident API (start → submit → full score), its edits are limited
 * to the safe fields, and the preview carries no answer. Every write is in the audit log.
 */
import ExcelJS from 'exceljs'
import type {
  AdminCampaign,
  Attempt,
  AttemptResult,
  BankImportResult,
  BankQuestion,
  BankQuestionSaved,
  CampaignPreview,
  Page,
  QuestionBank,
} from '../../../../common/contract'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

jest.setTimeout(120_000)

let server: TestServer
let clock = new Date('2026-06-01T02:00:00.000Z')
const tokens: Record<string, string> = {}

const HEADER = '题型,题干,选项A,选项B,选项C,选项D,答案,解析,主题,政策编号'
const GOOD = [
  '单选,椒江区参保居民门诊报销比例是多少？,50%,60%,70%,80%,B,按椒江区政策执行。,医疗保障,p001',
  '多选,以下哪些可以办理医保转移？,线上办理,窗口办理,电话办理,邮寄办理,AB,线上和窗口均可。,医疗保障,',
  '单选,高龄津贴发放对象年满多少周岁？,70,80,90,100,B,年满80周岁。,养老服务,',
  '单选,灵活就业人员可以参加哪类保险？,职工养老保险,商业保险,都不能,仅工伤保险,A,可以参加职工养老保险。,就业创业,',
  '多选,创业补贴包括哪些？,一次性创业补贴,创业带动就业补贴,房租补贴,个税全免,ABC,个税不属于补贴。,就业创业,',
]
const csv = (lines: string[]) => Buffer.from(`\ufeff${[HEADER, ...lines].join('\r\n')}\r\n`, 'utf8')
const auth = (token: string, extra: Record<string, string> = {}) => ({ authorization: `Bearer ${token}`, ...extra })
const db = () => server.store.database.kysely

async function signIn(role: string, org?: string, name = `${role}-${org ?? 'x'}`): Promise<string> {
  const res = await server.api('/auth/dev', postJson(org ? { role, org, name } : { role, name }))
  return ((await res.json()) as { token: string }).token
}

async function call<T>(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await server.api(path, {
    method,
    headers: { ...auth(token, headers), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : undefined) as T & { error?: { code: string; message: string; fields?: Record<string, string> } },
  }
}

async function importFile(
  bankId: string,
  bytes: Buffer,
  options: { filename?: string; dryRun?: boolean; newVersion?: boolean; token?: string; key?: string } = {},
) {
  const { filename = 'questions.csv', dryRun = false, newVersion = false, token = tokens.jiaojiang, key } = options
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(bytes)]), filename)
  const res = await server.api(`/admin/question-banks/${bankId}/import?dryRun=${dryRun}&newVersion=${newVersion}`, {
    method: 'POST',
    headers: auth(token, key ? { 'idempotency-key': key } : {}),
    body: form,
  })
  return { status: res.status, body: (await res.json()) as BankImportResult & { error?: { message: string; fields?: Record<string, string> } } }
}

const campaignInput = (bankId: string, version: number) => ({
  orgCode: '331002',
  title: '椒江区医保养老知识竞赛',
  rulesText: '每人每天可答 2 次，取最高分。',
  startsAt: '2026-06-01T03:00:00.000Z',
  endsAt: '2026-06-10T15:00:00.000Z',
  topicQuota: { yibao: 2, yanglao: 1, jiuye: 2 },
  secondsPerQuestion: 20,
  attemptsPerDay: 2,
  scoreCounts: 'best' as const,
  regions: ['331002'],
  prizeNote: '前 10 名获纪念品',
  bankId,
  bankVersion: version,
})

beforeAll(async () => {
  server = await startTestServer({ devLogin: true, now: () => clock })
  tokens.jiaojiang = await signIn('editor', '331002')
  tokens.huangyan = await signIn('editor', '331003')
  tokens.city = await signIn('admin', '331000')
  tokens.reviewer = await signIn('reviewer', '331002')
  tokens.resident = await signIn('resident', undefined, '居民甲')
})
afterAll(() => server.close())

let bank: QuestionBank
let campaign: AdminCampaign

describe('banks', () => {
  it('creates a bank once per Idempotency-Key, scoped to the organisation', async () => {
    const body = { name: '椒江区民生政策题库', orgCode: '331002', topic: 'yibao' }
    const first = await call<QuestionBank>('POST', '/admin/question-banks', tokens.jiaojiang, body, { 'idempotency-key': 'bank-1' })
    expect(first.status).toBe(201)
    expect(first.body).toMatchObject({ name: body.name, orgCode: '331002', orgName: '椒江区', version: 1, questionCount: 0, lock: 'open' })
    const again = await call<QuestionBank>('POST', '/admin/question-banks', tokens.jiaojiang, body, { 'idempotency-key': 'bank-1' })
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect(again.body.id).toBe(first.body.id)
    expect((await db().selectFrom('question_banks').selectAll().execute()).length).toBe(1)
    bank = first.body
  })

  it('refuses bad input in Chinese and changes nothing', async () => {
    const res = await call('POST', '/admin/question-banks', tokens.jiaojiang, { name: ' ', orgCode: '331002', topic: 'nope' })
    expect(res.status).toBe(400)
    expect(res.body.error?.fields).toEqual({ name: '请填写题库名称', topic: '请选择题库主题' })
    const bad = await call('POST', `/admin/question-banks/${bank.id}/questions`, tokens.jiaojiang, {
      type: 'single',
      stem: '题干',
      options: ['甲', '甲'],
      answer: ['A', 'B'],
      explanation: '',
      topic: 'yibao',
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error?.fields).toMatchObject({ 'options.1': '与选项A内容相同', answer: '单选题只能有一个正确答案', explanation: '请填写解析' })
    expect((await db().selectFrom('question_bank_questions').selectAll().execute()).length).toBe(0)
  })

  it('is closed to another county (403) and to residents, and out of its lists', async () => {
    expect((await call('GET', `/admin/question-banks/${bank.id}`, tokens.huangyan)).status).toBe(403)
    expect((await call('PUT', `/admin/question-banks/${bank.id}`, tokens.huangyan, { name: '改名', topic: 'yibao' })).status).toBe(403)
    expect((await importFile(bank.id, csv(GOOD), { token: tokens.huangyan })).status).toBe(403)
    expect((await call('POST', '/admin/question-banks', tokens.huangyan, { name: '越权', orgCode: '331002', topic: 'yibao' })).status).toBe(403)
    const list = await call<Page<QuestionBank>>('GET', '/admin/question-banks', tokens.huangyan)
    expect(list.body.total).toBe(0)
    expect((await call<Page<QuestionBank>>('GET', '/admin/question-banks', tokens.city)).body.total).toBe(1)
    expect((await call('GET', `/admin/question-banks/${bank.id}`, tokens.resident)).status).toBe(403)
    expect((await call('GET', `/admin/question-banks/${bank.id}`, tokens.reviewer)).status).toBe(200)
  })
})

describe('import', () => {
  it('reports every bad row with its line, column and reason, and imports nothing', async () => {
    const lines = [
      GOOD[0],
      '判断,题干一,对,错,,,A,解析,医疗保障,',
      '单选,,甲,乙,丙,丁,E,解析,不存在的主题,p999',
      '多选,题干三,甲,乙,,丁,A,解析,养老服务,',
      GOOD[0],
    ]
    const res = await importFile(bank.id, csv(lines))
    expect(res.status).toBe(400)
    expect(res.body.error?.message).toBe('有 4 行存在错误，未导入任何题目，请修改后重新导入')
    const byRow = Object.fromEntries(res.body.rows.map((r) => [r.row, r.errors]))
    expect(byRow[2]).toEqual([])
    expect(byRow[3]).toContainEqual({ field: '题型', message: '题型无法识别：判断（应为单选或多选）' })
    expect(byRow[4]).toEqual(
      expect.arrayContaining([
        { field: '题干', message: '请填写题干' },
        { field: '答案', message: '答案只能是已填写的选项（A、B、C、D）' },
        { field: '主题', message: expect.stringContaining('主题不存在') },
        { field: '政策编号', message: '政策库中没有编号为 p999 的政策' },
      ]),
    )
    expect(byRow[5]).toEqual(
      expect.arrayContaining([
        { field: '选项C', message: '请填写选项C' },
        { field: '答案', message: '多选题至少需要两个正确答案' },
      ]),
    )
    expect(byRow[6]).toContainEqual({ field: '题干', message: '与第 2 行题干重复' })
    expect(res.body.error?.fields?.['rows[4]']).toContain('题干：请填写题干')
    expect((await db().selectFrom('question_bank_questions').selectAll().execute()).length).toBe(0)
  })

  it('refuses a file that is no table, and a table without the columns', async () => {
    expect((await importFile(bank.id, Buffer.from('%PDF-1.4'), { filename: 'a.pdf' })).body.error?.message).toBe('仅支持 CSV 或 XLSX 文件')
    expect((await importFile(bank.id, Buffer.from('题型,题干\r\n单选,x\r\n'))).body.error?.message).toMatch(/^缺少列：/)
  })

  it('reads XLSX in a dry run (writes nothing), then imports the CSV all at once, once per key', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('题目')
    for (const line of [HEADER, ...GOOD]) sheet.addRow(line.split(','))
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
    const dry = await importFile(bank.id, xlsx, { filename: 'questions.xlsx', dryRun: true })
    expect(dry.status).toBe(200)
    expect(dry.body).toMatchObject({ dryRun: true, valid: 5, invalid: 0, created: 0 })
    expect((await db().selectFrom('question_bank_questions').selectAll().execute()).length).toBe(0)

    const done = await importFile(bank.id, csv(GOOD), { key: 'import-1' })
    expect(done.status).toBe(201)
    expect(done.body).toMatchObject({ dryRun: false, valid: 5, created: 5, version: 1, newVersion: false })
    const again = await importFile(bank.id, csv(GOOD), { key: 'import-1' })
    expect(again.status).toBe(201)
    expect((await db().selectFrom('question_bank_questions').selectAll().execute()).length).toBe(5)
    const audits = await db().selectFrom('audit_log').selectAll().where('action', '=', 'question-bank.import').execute()
    expect(audits.length).toBe(1)

    const page = await call<Page<BankQuestion>>('GET', `/admin/question-banks/${bank.id}/questions?topic=jiuye&pageSize=1`, tokens.jiaojiang)
    expect(page.body.total).toBe(2)
    expect(page.body.items[0]).toMatchObject({ type: 'single', topic: 'jiuye', answer: ['A'] })
    expect(
      (await call<Page<BankQuestion>>('GET', `/admin/question-banks/${bank.id}/questions?q=${encodeURIComponent('高龄')}`, tokens.jiaojiang)).body.total,
    ).toBe(1)
  })
})

describe('campaigns', () => {
  it('refuses regions of another county (403), another county’s bank (403), and a quota the bank cannot fill (400)', async () => {
    const input = campaignInput(bank.id, 1)
    expect((await call('POST', '/admin/campaigns', tokens.jiaojiang, { ...input, regions: ['331003'] })).status).toBe(403)
    expect((await call('POST', '/admin/campaigns', tokens.huangyan, { ...input, orgCode: '331003', regions: ['331003'] })).status).toBe(403)
    const tooMany = await call('POST', '/admin/campaigns', tokens.jiaojiang, { ...input, topicQuota: { yibao: 5 } })
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.error?.fields?.['topicQuota.yibao']).toBe('题库中「医疗保障」只有 2 题，不够每次抽 5 题')
    const window = await call('POST', '/admin/campaigns', tokens.jiaojiang, { ...input, endsAt: input.startsAt })
    expect(window.body.error?.fields?.endsAt).toBe('结束时间须晚于开始时间')
    expect((await db().selectFrom('campaign_settings').selectAll().execute()).length).toBe(0)
  })

  it('creates a campaign once per key from the bank version; the version is then locked', async () => {
    const input = campaignInput(bank.id, 1)
    const made = await call<AdminCampaign>('POST', '/admin/campaigns', tokens.jiaojiang, input, { 'idempotency-key': 'c-1' })
    expect(made.status).toBe(201)
    expect(made.body).toMatchObject({ status: 'upcoming', questionsPerAttempt: 5, editable: 'all', bank: { id: bank.id, version: 1 }, orgName: '椒江区' })
    const again = await call<AdminCampaign>('POST', '/admin/campaigns', tokens.jiaojiang, input, { 'idempotency-key': 'c-1' })
    expect(again.body.id).toBe(made.body.id)
    expect((await db().selectFrom('campaign_settings').selectAll().execute()).length).toBe(1)
    campaign = made.body

    const detail = await call<QuestionBank>('GET', `/admin/question-banks/${bank.id}`, tokens.jiaojiang)
    expect(detail.body.lock).toBe('locked')
    expect(detail.body.versions[0].campaigns).toEqual([{ id: campaign.id, title: input.title, status: 'upcoming' }])
    // the app lists it; 黄岩区 does not see it in the console
    const listed = (await (await server.api('/campaigns')).json()) as { id: string }[]
    expect(listed.map((c) => c.id)).toContain(campaign.id)
    expect((await call<Page<AdminCampaign>>('GET', '/admin/campaigns', tokens.huangyan)).body.items.map((c) => c.id)).not.toContain(campaign.id)
    expect((await call('GET', `/admin/campaigns/${campaign.id}`, tokens.huangyan)).status).toBe(403)
    expect((await call('PUT', `/admin/campaigns/${campaign.id}`, tokens.huangyan, { title: '改' })).status).toBe(403)
  })

  it('refuses edits of the locked version (409) and takes them as a new version, the campaign keeping its own', async () => {
    const questions = (await call<Page<BankQuestion>>('GET', `/admin/question-banks/${bank.id}/questions`, tokens.jiaojiang)).body.items
    const q = questions[0]
    const edit = {
      type: q.type,
      stem: `${q.stem}（修订）`,
      options: q.options.map((o) => o.text),
      answer: q.answer,
      explanation: q.explanation,
      topic: q.topic,
    }
    const refused = await call('PUT', `/admin/question-banks/${bank.id}/questions/${q.id}`, tokens.jiaojiang, edit)
    expect(refused.status).toBe(409)
    expect(refused.body.error?.message).toMatch(/已锁定/)
    expect((await importFile(bank.id, csv(['单选,新题,甲,乙,丙,丁,A,解析,医疗保障,']))).status).toBe(409)
    expect((await call('DELETE', `/admin/question-banks/${bank.id}/questions/${q.id}`, tokens.jiaojiang)).status).toBe(409)

    const saved = await call<BankQuestionSaved>('PUT', `/admin/question-banks/${bank.id}/questions/${q.id}?newVersion=true`, tokens.jiaojiang, edit)
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({ version: 2, newVersion: true, question: { stem: edit.stem, version: 2 } })
    expect(saved.body.question!.id).not.toBe(q.id)
    const detail = (await call<QuestionBank>('GET', `/admin/question-banks/${bank.id}`, tokens.jiaojiang)).body
    expect(detail).toMatchObject({ version: 2, lock: 'open', questionCount: 5 })
    expect(detail.versions.map((v) => [v.version, v.lock, v.questionCount])).toEqual([
      [2, 'open', 5],
      [1, 'locked', 5],
    ])
    // version 1 is unchanged, and so is the campaign's pool
    const v1 = (await call<Page<BankQuestion>>('GET', `/admin/question-banks/${bank.id}/questions?version=1`, tokens.jiaojiang)).body.items
    expect(v1.find((x) => x.id === q.id)?.stem).toBe(q.stem)
    expect((await call<AdminCampaign>('GET', `/admin/campaigns/${campaign.id}`, tokens.jiaojiang)).body.bank?.version).toBe(1)
    // an older version is history
    expect((await call('PUT', `/admin/question-banks/${bank.id}/questions/${q.id}?newVersion=true`, tokens.jiaojiang, edit)).status).toBe(409)
    // the new version is open: an in-place edit is fine
    expect((await call('PUT', `/admin/question-banks/${bank.id}/questions/${saved.body.question!.id}`, tokens.jiaojiang, edit)).status).toBe(200)
  })

  it('is answerable in the resident app once it runs: start → submit → full score, from the chosen version', async () => {
    expect((await call('POST', `/campaigns/${campaign.id}/attempts`, tokens.resident, { regionCode: '331002001003' })).status).toBe(409)
    clock = new Date('2026-06-02T02:00:00.000Z')
    // staff sessions end after a day idle: sign in again on the new day
    tokens.jiaojiang = await signIn('editor', '331002')
    tokens.reviewer = await signIn('reviewer', '331002')
    const started = await call<Attempt>('POST', `/campaigns/${campaign.id}/attempts`, tokens.resident, { regionCode: '331002001003' })
    expect(started.status).toBe(201)
    const attempt = started.body
    expect(attempt.questions).toHaveLength(5)
    expect(JSON.stringify(attempt)).not.toMatch(/"answer"|explanation/)
    const v1 = (await call<Page<BankQuestion>>('GET', `/admin/question-banks/${bank.id}/questions?version=1`, tokens.jiaojiang)).body.items
    const byId = new Map(v1.map((q) => [q.id, q]))
    const answers: Record<string, string[]> = {}
    for (const shown of attempt.questions) {
      const key = byId.get(shown.id)
      expect(key).toBeDefined()
      const right = new Set(key!.answer.map((k) => key!.options.find((o) => o.key === k)!.text))
      answers[shown.id] = shown.options.filter((o) => right.has(o.text)).map((o) => o.key)
    }
    clock = new Date(clock.getTime() + 30_000)
    const result = await call<AttemptResult>('POST', `/attempts/${attempt.id}/submit`, tokens.resident, { answers })
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ correctCount: 5, total: 5, score: result.body.maxScore })
    // the key stays withheld while the campaign runs
    expect(result.body.keyWithheld?.questions).toBe(5)
    // a resident of 黄岩区 is not eligible
    const other = await signIn('resident', undefined, '居民乙')
    expect((await call('POST', `/campaigns/${campaign.id}/attempts`, other, { regionCode: '331003001001' })).status).toBe(400)
  })

  it('limits edits of a running campaign to the safe fields; previews without answers; audits', async () => {
    const unsafe = await call('PUT', `/admin/campaigns/${campaign.id}`, tokens.jiaojiang, { secondsPerQuestion: 5 })
    expect(unsafe.status).toBe(409)
    expect(unsafe.body.error?.message).toBe('竞赛进行中，只能修改竞赛名称、活动规则和奖项说明，不能修改每题限时')
    const bankSwap = await call('PUT', `/admin/campaigns/${campaign.id}`, tokens.jiaojiang, { bankVersion: 2 })
    expect(bankSwap.status).toBe(409)
    const safe = await call<AdminCampaign>('PUT', `/admin/campaigns/${campaign.id}`, tokens.jiaojiang, { title: '椒江区民生知识竞赛（第一期）' })
    expect(safe.status).toBe(200)
    expect(safe.body).toMatchObject({ title: '椒江区民生知识竞赛（第一期）', editable: 'safe', status: 'ongoing' })

    const preview = await call<CampaignPreview>('GET', `/admin/campaigns/${campaign.id}/preview`, tokens.reviewer)
    expect(preview.status).toBe(200)
    expect(preview.body.questions).toHaveLength(5)
    expect(preview.body.totalSeconds).toBe(100)
    expect(JSON.stringify(preview.body)).not.toMatch(/"answer"|explanation|perTopic/)
    // a preview records nothing
    expect((await db().selectFrom('quiz_attempts').selectAll().where('campaign_id', '=', campaign.id).execute()).length).toBe(1)

    const actions = (await db().selectFrom('audit_log').select(['action', 'actor_org']).where('action', 'like', 'campaign.%').execute()).map((a) => a.action)
    expect(actions.sort()).toEqual(['campaign.create', 'campaign.update'])

    clock = new Date('2026-06-11T00:00:00.000Z')
    tokens.jiaojiang = await signIn('editor', '331002')
    expect((await call('PUT', `/admin/campaigns/${campaign.id}`, tokens.jiaojiang, { title: '改' })).status).toBe(409)
  })
})
