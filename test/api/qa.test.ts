import type { QaHit } from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import { CONFIDENCE_MODEL } from '../../server/modules/qa/confidence'
import { UNSURE_QUESTION } from '../support/qa-questions'
import { startTestServer, type TestServer } from './helpers/test-server'

describe.each(['sqlite'] as const)('GET /qa/search (%s store)', (storeKind) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer({ storeKind })
  })
  afterAll(() => server.close())

  const search = async (query: string) => {
    const res = await server.api(`/qa/search?${query}`)
    return { status: res.status, body: await res.json() }
  }

  it('ranks the FAQ a resident means first, with its score and the matched words', async () => {
    const { status, body } = await search(`q=${encodeURIComponent('医保怎么异地备案')}`)
    expect(status).toBe(200)
    const items = body.items as QaHit[]
    expect(items[0].faq.id).toBe('f021')
    expect(items[0].score).toBeGreaterThan(0)
    expect(items[0].matched.length).toBeGreaterThan(0)
    for (let i = 1; i < items.length; i++) expect(items[i - 1].score).toBeGreaterThanOrEqual(items[i].score)
    expect(items[0].faq).toEqual(fixtures.faqs.find((f) => f.id === 'f021'))
  })

  it('understands synonyms and ages', async () => {
    expect((await search(`q=${encodeURIComponent('退休金每年要认证吗')}`)).body.items[0].faq.id).toBe('f012')
    expect((await search(`q=${encodeURIComponent('我妈今年83了每个月有多少高龄补贴')}`)).body.items[0].faq.id).toBe('f016')
  })

  it('answers nothing for a question no FAQ covers', async () => {
    expect((await search(`q=${encodeURIComponent('火星移民签证怎么办理')}`)).body).toEqual({ items: [], confidence: 0, confident: false })
  })

  it.each(['台州到杭州的高铁还有票吗', '紫色的猫为什么会开拖拉机', '老公家暴我想离婚怎么起诉', '明天台州会下雨吗'])(
    'is not confident about %s, which no FAQ covers',
    async (q) => {
      const { body } = await search(`q=${encodeURIComponent(q)}`)
      expect(body.confident).toBe(false)
      expect(body.confidence).toBeLessThan(CONFIDENCE_MODEL.threshold)
    },
  )

  it('cites the policy, the article and the interpretation an answer rests on', async () => {
    const { body } = await search(`q=${encodeURIComponent('家里老人去世了丧葬费能领多少')}`)
    const hit = (body.items as QaHit[])[0]
    expect(hit.faq.id).toBe('f089')
    expect(hit.source?.policy).toEqual({ id: 'p016', title: expect.stringContaining('惠民殡葬'), docNumber: '台民发〔2024〕40号', validity: 'valid' })
    expect(hit.source?.article?.heading).toBe('三、丧葬补助金和抚恤金')
    expect(hit.source?.article?.text).toContain('丧葬补助金')
    const withInterpretation = ((await search(`q=${encodeURIComponent('医保怎么异地备案')}`)).body.items as QaHit[])[0]
    expect(withInterpretation.source?.interpretation).toEqual({ id: 'i004', title: expect.any(String) })
    expect(withInterpretation.source?.policy.docNumber).toBe('台医保发〔2022〕25号')
  })

  it("reads typos and farmers' words: 补帖, 反应, 割稻子", async () => {
    const machine = ((await search(`q=${encodeURIComponent('割稻子的机器有补帖吗')}`)).body.items as QaHit[])[0]
    expect(['f048', 'f172']).toContain(machine.faq.id)
    const report = ((await search(`q=${encodeURIComponent('我想反应村干部的问题找谁')}`)).body.items as QaHit[])[0]
    expect(report.faq.id).toBe('f287')
  })

  it('says whether it is confident that its first hit answers the question', async () => {
    const sure = (await search(`q=${encodeURIComponent('社保卡丢了怎么补办')}`)).body
    expect(sure.items[0].faq.id).toBe('f034')
    expect(sure.confident).toBe(true)
    expect(sure.confidence).toBeGreaterThanOrEqual(CONFIDENCE_MODEL.threshold)
    // only loosely related words match: the best hit is a guess
    const loose = (await search(`q=${encodeURIComponent(UNSURE_QUESTION)}`)).body
    expect(loose.items.length).toBeGreaterThan(0)
    expect(loose.confidence).toBeLessThan(CONFIDENCE_MODEL.threshold)
    expect(loose.confident).toBe(false)
  })

  it('honours limit', async () => {
    expect((await search(`q=${encodeURIComponent('补贴')}&limit=2`)).body.items.length).toBeLessThanOrEqual(2)
  })

  it.each([
    ['', '请输入要咨询的问题'],
    ['q=', '请输入要咨询的问题'],
    [`q=${encodeURIComponent('   ')}`, '请输入要咨询的问题'],
    [`q=${'长'.repeat(101)}`, '问题太长了，请控制在100字以内'],
    ['q=医保&limit=0', '参数错误：limit 必须是 1 到 10 之间的整数'],
    ['q=医保&limit=abc', '参数错误：limit 必须是 1 到 10 之间的整数'],
  ])('rejects %s with 400', async (query, message) => {
    const { status, body } = await search(query)
    expect(status).toBe(400)
    expect(body).toEqual({ error: { code: 'bad_request', message } })
  })
})
