import type { QaHit } from '../../common/contract'
import { fixtures } from '../../mock/fixtures'
import { QA_MIN_SCORE } from '../../server/modules/qa'
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
    expect((await search(`q=${encodeURIComponent('火星移民签证怎么办理')}`)).body).toEqual({ items: [], confident: false })
  })

  it('says whether it is confident that its first hit answers the question', async () => {
    expect((await search(`q=${encodeURIComponent('医保怎么异地备案')}`)).body.confident).toBe(true)
    // only loosely related words match: the best hit is a guess
    const loose = (await search(`q=${encodeURIComponent(UNSURE_QUESTION)}`)).body
    expect(loose.items.length).toBeGreaterThan(0)
    expect(loose.items[0].score).toBeLessThan(QA_MIN_SCORE)
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
