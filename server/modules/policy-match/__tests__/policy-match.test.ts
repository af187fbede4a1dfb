/**
 * 政策找人 over HTTP on the suite's database (SQLite; PostgreSQL under TEST_DATABASE_URL): consent
 * before anything is kept, field errors in Chinese, the questionnaire, a policy published with a
 * rule reaching the residents it fits (and nobody twice), the console's counts by county, and
 * 「删除我的情况」 leaving nothing of the situation in the database or the log.
 */
import type {
  EditorialDrafts,
  EditorialItem,
  MessagePage,
  PolicyMatchAnswer,
  PolicyMatchStats,
  Session,
  StoredSituationView,
} from '../../../../common/contract'
import { postJson, startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'

jest.setTimeout(60_000)

// Beijing 2026-12-04: a resident born in 1948 is 78
const NOW = new Date('2026-12-04T02:00:00Z')

let server: TestServer
const log: string[] = []

beforeAll(async () => {
  server = await startTestServer({
    devLogin: true,
    rateLimit: false,
    now: () => NOW,
    logger: true,
    logLevel: 'trace',
    logStream: { write: (line) => void log.push(line) },
  })
})
afterAll(() => server?.close())

async function signIn(role: string, name: string, org?: string): Promise<Session> {
  const res = await server.api('/auth/dev', postJson({ role, name, ...(org ? { org } : {}) }))
  expect(res.status).toBe(200)
  return (await res.json()) as Session
}

async function call<T = unknown>(who: Session | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await server.api(path, {
    method,
    headers: { ...(who ? { authorization: `Bearer ${who.token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  return { status: res.status, body: (await res.json()) as T }
}

const waitFor = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 300 && !(await check()); i++) await new Promise((r) => setTimeout(r, 20))
}

const db = () => server.store.database.kysely

describe('我的情况: consent, checks, the questionnaire', () => {
  let resident: Session

  beforeAll(async () => {
    resident = await signIn('resident', '仙居的王大爷')
  })

  it('needs a sign-in and the consent; refuses a bad fact naming it', async () => {
    expect((await call(undefined, 'GET', '/me/situation')).status).toBe(401)
    const noConsent = await call<{ error: { message: string } }>(resident, 'PUT', '/me/situation', { consent: false, situation: { birthYear: 1948 } })
    expect(noConsent.status).toBe(400)
    expect(noConsent.body.error.message).toBe('请先阅读并同意《我的情况》使用说明')
    const bad = await call<{ error: { message: string; fields: Record<string, string> } }>(resident, 'PUT', '/me/situation', {
      consent: true,
      situation: { birthYear: 1800, employment: 'boss' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.fields).toEqual({ 'situation.birthYear': '出生年份不能小于1900', 'situation.employment': '就业情况的选项不正确' })
    const elsewhere = await call<{ error: { message: string } }>(resident, 'PUT', '/me/situation', {
      consent: true,
      situation: { county: '331024', township: '331002001' },
    })
    expect(elsewhere.body.error.message).toBe('乡镇（街道）不在所选的县（市、区）')
    expect(await db().selectFrom('situations').selectAll().execute()).toHaveLength(0)
    expect((await call<StoredSituationView>(resident, 'GET', '/me/situation')).body).toEqual({ situation: null })
  })

  it('keeps what was given and nothing else; a second save replaces it', async () => {
    const saved = await call<StoredSituationView>(resident, 'PUT', '/me/situation', {
      consent: true,
      situation: { birthYear: 1948, county: '331024', memberOver80: false, landMu: 1.5 },
    })
    expect(saved.status).toBe(200)
    expect(saved.body.situation).toEqual({ birthYear: 1948, county: '331024', memberOver80: false, landMu: 1.5 })
    await call(resident, 'PUT', '/me/situation', { consent: true, situation: { birthYear: 1948, county: '331024', memberOver80: false } })
    const read = await call<StoredSituationView>(resident, 'GET', '/me/situation')
    expect(read.body.situation).toEqual({ birthYear: 1948, county: '331024', memberOver80: false })
    expect(read.body.consentedAt).toBe(saved.body.consentedAt)
  })

  it('a 78-year-old in 仙居: 高龄津贴 不符合 now, from 2028; the questionnaire asks only what changes a result', async () => {
    const first = await call<PolicyMatchAnswer>(undefined, 'POST', '/policy-match/evaluate', { situation: {} })
    expect(first.status).toBe(200)
    expect(first.body.next).toBeDefined()
    expect(first.body.eligible).toEqual([])
    const answer = await call<PolicyMatchAnswer>(undefined, 'POST', '/policy-match/evaluate', {
      situation: { birthYear: 1948, county: '331024', memberOver80: false },
    })
    const gaoling = answer.body.later.find((p) => p.policyId === 'p003')!
    expect(gaoling).toMatchObject({ verdict: 'no', from: '2028-01', failed: ['年满80周岁'], docNumber: '台民发〔2024〕28号' })
    expect(answer.body.possible.every((p) => p.questions.length > 0)).toBe(true)
    // every deciding question answered or skipped: nothing more is asked
    const skipped = answer.body.possible.flatMap((p) => p.questions.map((q) => q.name))
    const done = await call<PolicyMatchAnswer>(undefined, 'POST', '/policy-match/evaluate', {
      situation: { birthYear: 1948, county: '331024' },
      skipped: [...new Set([...skipped, 'memberOver80'])],
    })
    expect(done.body.next).toBeUndefined()
  })

  it('a family with a child born in October 2020 in 椒江 is told about 小学入学 for the coming autumn', async () => {
    const answer = await call<PolicyMatchAnswer>(undefined, 'POST', '/policy-match/evaluate', {
      situation: { county: '331002', child: true, childBirthYear: 2020 },
    })
    expect(answer.body.possible.find((p) => p.policyId === 'p010')?.questions).toEqual([{ name: 'childBirthMonth', label: '孩子出生月份' }])
    const month = await call<PolicyMatchAnswer>(undefined, 'POST', '/policy-match/evaluate', {
      situation: { county: '331002', child: true, childBirthYear: 2020, childBirthMonth: 10 },
    })
    const school = month.body.eligible.find((p) => p.policyId === 'p010')!
    expect(school.steps.join()).toContain('5月10日至20日')
    expect(school.interpretationIds).toEqual(['i010'])
  })

  it('refuses a malformed questionnaire with 400, never 500', async () => {
    expect((await call(undefined, 'POST', '/policy-match/evaluate', { situation: { landMu: 'lots' } })).status).toBe(400)
    expect((await call(undefined, 'POST', '/policy-match/evaluate', { situation: {}, skipped: ['nope'] })).status).toBe(400)
    expect((await call(undefined, 'POST', '/policy-match/evaluate', { situation: [] })).status).toBe(400)
  })
})

const policyDraft = (title: string, eligibility: EditorialDrafts['policy']['eligibility']): EditorialDrafts['policy'] => ({
  title,
  docNumber: '仙民发〔2026〕41号',
  issuer: '仙居县民政局',
  department: '仙居县民政局',
  topic: 'yanglao',
  regionCode: '331024',
  publishedAt: '2026-12-04',
  summary: '仙居县户籍、年满80周岁的老年人，每年重阳节发放敬老慰问金200元。',
  sections: [{ heading: '一、发放对象', paragraphs: ['仙居县户籍、年满80周岁的老年人。'] }],
  validity: 'valid',
  ...(eligibility ? { eligibility } : {}),
})

describe('a published policy finds the residents it fits, once', () => {
  let old: Session
  let young: Session
  let editor: Session
  let reviewer: Session
  let item: EditorialItem

  const step = async (who: Session, action: string) => {
    const res = await call<EditorialItem>(who, 'POST', `/admin/policies/${item.id}/${action}`, { revision: item.revision })
    expect(res.status).toBe(200)
    item = res.body
  }
  const policyMessages = async (who: Session) => (await call<MessagePage>(who, 'GET', '/messages')).body.items.filter((m) => m.kind === 'policy')
  const matched = async () =>
    !!(await db().selectFrom('policy_rules').select('matched_at').where('policy_id', '=', item.id).where('matched_at', 'is not', null).executeTakeFirst())

  beforeAll(async () => {
    old = await signIn('resident', '仙居的李奶奶')
    young = await signIn('resident', '仙居的小张')
    editor = await signIn('editor', '仙居县民政局编辑', '331024')
    reviewer = await signIn('reviewer', '仙居县民政局审核', '331024')
    await call(old, 'PUT', '/me/situation', { consent: true, situation: { birthYear: 1940, county: '331024' } })
    await call(young, 'PUT', '/me/situation', { consent: true, situation: { birthYear: 1990, county: '331024' } })
  })

  it('a malformed rule is refused at save with the evaluator’s sentence', async () => {
    const res = await call<{ error: { fields: Record<string, string> } }>(editor, 'POST', '/admin/policies', {
      orgCode: '331024',
      draft: policyDraft('坏规则', { when: { fact: 'nope', op: '==', value: 1 } } as never),
    })
    expect(res.status).toBe(400)
    expect(res.body.error.fields['draft.eligibility']).toContain('没有“nope”这一情况项')
  })

  it('送审 → 审核 → 发布 reaches the 82-year-old’s 我的消息, not the 36-year-old’s', async () => {
    const created = await call<EditorialItem>(editor, 'POST', '/admin/policies', {
      orgCode: '331024',
      draft: policyDraft('仙居县关于发放2026年高龄老人重阳敬老慰问金的通知', {
        when: { and: [{ region: '331024' }, { age: '>=', value: 80, label: '年满80周岁' }] },
        amount: { unit: '元', bands: [{ amount: 200 }] },
        note: '重阳节前发放到社保卡。',
      }),
    })
    expect(created.status).toBe(201)
    item = created.body
    await step(editor, 'submit')
    await step(reviewer, 'approve')
    await step(reviewer, 'publish')
    await waitFor(matched)
    const messages = await policyMessages(old)
    expect(messages).toHaveLength(1)
    expect(messages[0]).toMatchObject({ kind: 'policy', targetId: item.id, title: '仙居县关于发放2026年高龄老人重阳敬老慰问金的通知', read: false })
    expect(messages[0].body).toContain('标准200元')
    expect(await policyMessages(young)).toHaveLength(0)
  })

  it('publishing a corrected version tells nobody twice, and a newly fitting resident once', async () => {
    const newcomer = await signIn('resident', '仙居的赵爷爷')
    await call(newcomer, 'PUT', '/me/situation', { consent: true, situation: { birthYear: 1930, county: '331024' } })
    const saved = await call<EditorialItem>(editor, 'PUT', `/admin/policies/${item.id}`, {
      revision: item.revision,
      draft: { ...(item.draft as EditorialDrafts['policy']), summary: '更正：仙居县户籍、年满80周岁的老年人，重阳节发放敬老慰问金200元。' },
    })
    expect(saved.status).toBe(200)
    item = saved.body
    await step(editor, 'submit')
    await step(reviewer, 'approve')
    await step(reviewer, 'publish')
    await waitFor(matched)
    expect(await policyMessages(old)).toHaveLength(1)
    expect(await policyMessages(newcomer)).toHaveLength(1)
    const pushes = await db().selectFrom('policy_match_pushes').selectAll().where('policy_id', '=', item.id).execute()
    expect(pushes).toHaveLength(2)
  })

  it('the console counts matches and pushes per policy and county, within the staff’s organisation', async () => {
    const city = await signIn('admin', '市管理员', '331000')
    const stats = await call<PolicyMatchStats>(city, 'GET', '/admin/policy-match/stats')
    expect(stats.status).toBe(200)
    const mine = stats.body.policies.find((p) => p.policyId === item.id)!
    expect(mine).toMatchObject({ matched: 2, pushed: 2, byCounty: [{ county: '331024', countyName: '仙居县', matched: 2, pushed: 2 }] })
    const jiaojiang = await signIn('editor', '椒江编辑', '331002')
    const theirs = await call<PolicyMatchStats>(jiaojiang, 'GET', '/admin/policy-match/stats')
    expect(theirs.body.policies.find((p) => p.policyId === item.id)).toBeUndefined()
    expect((await call(jiaojiang, 'GET', '/admin/policy-match/stats?county=331024')).status).toBe(403)
    expect((await call(old, 'GET', '/admin/policy-match/stats')).status).toBe(403)
  })

  it('「删除我的情况」 deletes the situation and everything derived from it, at once', async () => {
    const userId = (await db().selectFrom('situations').select('user_id').where('birth_year', '=', 1940).executeTakeFirstOrThrow()).user_id
    const res = await call<{ deleted: boolean }>(old, 'DELETE', '/me/situation')
    expect(res.body).toEqual({ deleted: true })
    for (const table of ['situations', 'policy_match_pushes', 'idempotency_keys'] as const)
      expect(await db().selectFrom(table).selectAll().where('user_id', '=', userId).execute()).toEqual([])
    expect(await db().selectFrom('messages').selectAll().where('user_id', '=', userId).where('kind', '=', 'policy_match').execute()).toEqual([])
    expect((await call<StoredSituationView>(old, 'GET', '/me/situation')).body).toEqual({ situation: null })
    expect((await call<{ deleted: boolean }>(old, 'DELETE', '/me/situation')).body).toEqual({ deleted: false })
    // the counts stay: they hold no person
    const city = await signIn('admin', '市管理员', '331000')
    expect((await call<PolicyMatchStats>(city, 'GET', '/admin/policy-match/stats')).body.policies.find((p) => p.policyId === item.id)?.pushed).toBe(2)
  })

  it('no fact of a situation reached the log', () => {
    const text = log.join('\n')
    // the keys of the facts (a bare year could appear inside an epoch-millisecond time)
    expect(text).not.toMatch(/birthYear|birth_year|memberOver80|childBirthYear/)
  })
})
