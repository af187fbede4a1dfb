/**
 * 问答缺口 over HTTP: questions with no confident answer are logged masked, grouped and counted;
 * an editor turns a group into a FAQ (through review and publish, after which the same question
 * gets that answer), adds it to an existing FAQ, or ignores it; 分级维护, idempotency and audit.
 */
import type { EditorialItem, Page, QaGap, QaGapActionResult } from '../../../../common/contract'
import { makeClock } from '../../../../test/api/helpers/clock'
import { startTestServer, type TestServer } from '../../../../test/api/helpers/test-server'
import { call, ok, signIn, type Staff } from '../../editorial/__tests__/helpers'

jest.setTimeout(120_000)

const CITY = '331000'
const JIAOJIANG = '331002'
const HUANGYAN = '331003'
const UNANSWERED = '养猫有补贴吗'
const clock = makeClock(new Date('2026-11-02T02:00:00Z'))
let server: TestServer
let editor: Staff
let reviewer: Staff
let jiaojiangEditor: Staff
let huangyanEditor: Staff
const logLines: string[] = []

beforeAll(async () => {
  server = await startTestServer({
    devLogin: true,
    rateLimit: false,
    now: clock.now,
    logger: true,
    logStream: { write: (line: string) => void logLines.push(line) },
  })
  await signInAll()
})

/** staff sessions expire when the clock moves on by days: sign in again */
async function signInAll() {
  editor = await signIn(server, 'editor', CITY, '市编辑')
  reviewer = await signIn(server, 'reviewer', CITY, '市审核')
  jiaojiangEditor = await signIn(server, 'editor', JIAOJIANG, '椒江编辑')
  huangyanEditor = await signIn(server, 'editor', HUANGYAN, '黄岩编辑')
}
afterAll(() => server.close())

const ask = async (q: string) =>
  ok<{ items: { faq: { id: string; answer: string }; score: number }[]; confident: boolean }>(await server.api(`/qa/search?q=${encodeURIComponent(q)}`))
const gaps = async (who: Staff, query = '') => ok<Page<QaGap>>(await call(server, who, 'GET', `/admin/qa-gaps${query}`))
const gapOf = async (wording: string, who = editor) => (await gaps(who, `?q=${encodeURIComponent(wording)}`)).items[0]

describe('logging', () => {
  it('logs an unanswered question, masked, and counts similar wordings as one group', async () => {
    expect((await ask(UNANSWERED)).confident).toBe(false)
    expect((await ask(UNANSWERED)).confident).toBe(false) // the micro-cache answers: still counted
    expect((await ask('我叫张三丰，电话13812345678，想问一下养猫有没有补贴？')).confident).toBe(false)
    const gap = await gapOf('养猫')
    expect(gap).toMatchObject({ wording: UNANSWERED, count: 3, status: 'open', org: { code: CITY, name: '台州市' } })
    expect(gap.samples).toEqual([
      { wording: UNANSWERED, count: 2 },
      { wording: '我叫张*丰，电话138****5678，想问一下养猫有没有补贴？', count: 1 },
    ])
    const stored = await server.store.database.kysely.selectFrom('qa_gap_wordings').select('wording').execute()
    expect(stored.map((s) => s.wording).join()).not.toMatch(/13812345678|张三丰/)
  })

  it('counts every asking of a question many ask at once (GapWrites)', async () => {
    const answers = await Promise.all(Array.from({ length: 24 }, () => ask('养鹦鹉有补贴吗')))
    expect(answers.every((a) => !a.confident)).toBe(true)
    // each answer came after a committed write that counted it: all 24 are there now
    expect((await gapOf('鹦鹉')).count).toBe(24)
  })

  it('never logs the raw question', async () => {
    await ask('身份证33100219800101123X养狗要办证吗')
    const lines = logLines.join('\n')
    expect(lines).toContain('/qa/search?q=[redacted]')
    expect(lines).not.toMatch(/养狗|33100219800101123X|13812345678|%E5%85%BB/)
  })

  it('does not log type-ahead while the resident types', async () => {
    for (let i = 0; i < 2; i++)
      expect((await ok<{ confident: boolean }>(await server.api(`/qa/search?q=${encodeURIComponent('养金鱼有')}&limit=5&suggest=true`))).confident).toBe(false)
    expect((await gaps(editor, `?q=${encodeURIComponent('金鱼')}`)).total).toBe(0)
  })

  it('does not log a question the Q&A answers confidently', async () => {
    expect((await ask('申请政府信息公开要交钱吗')).confident).toBe(true)
    expect((await gaps(editor, `?q=${encodeURIComponent('信息公开')}`)).total).toBe(0)
  })

  it('files a question naming a county under that county, out of the other county’s sight', async () => {
    await ask('椒江区猫咪绝育有补贴吗')
    const gap = await gapOf('绝育', jiaojiangEditor)
    expect(gap.org).toEqual({ code: JIAOJIANG, name: '椒江区' })
    expect((await gaps(huangyanEditor, `?q=${encodeURIComponent('绝育')}`)).total).toBe(0)
    expect((await gapOf('绝育', editor)).id).toBe(gap.id)
  })
})

describe('the list', () => {
  it('sorts by count, filters by status, keyword and date, and pages', async () => {
    clock.advance(3 * 24 * 60 * 60_000)
    await signInAll()
    await ask('家里的猫头鹰能领补贴吗')
    const all = await gaps(editor, '?pageSize=2')
    expect(all.items).toHaveLength(2)
    expect(all.total).toBeGreaterThanOrEqual(3)
    expect(all.items[0].count).toBeGreaterThanOrEqual(all.items[1].count)
    const second = await gaps(editor, '?pageSize=2&page=2')
    expect(second.items[0].id).not.toBe(all.items[0].id)
    const recent = await gaps(editor, '?from=2026-11-05&to=2026-11-05')
    expect(recent.items.map((g) => g.wording)).toEqual(['家里的猫头鹰能领补贴吗'])
    expect((await gaps(editor, '?status=ignored')).total).toBe(0)
    const bad = await call(server, editor, 'GET', '/admin/qa-gaps?status=closed')
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('exports CSV', async () => {
    const res = await call(server, editor, 'GET', '/admin/qa-gaps.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const bytes = Buffer.from(await res.arrayBuffer())
    // a byte-order mark, so Excel reads the Chinese as UTF-8
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = bytes.toString('utf8')
    expect(text).toContain('问法,提问次数,状态')
    expect(text).toContain(`${UNANSWERED},3,待处理,台州市`)
  })

  it('is not for residents', async () => {
    const resident = await signIn(server, 'resident', CITY, '居民')
    expect((await call(server, resident, 'GET', '/admin/qa-gaps')).status).toBe(403)
  })
})

describe('turning a group into a FAQ', () => {
  it('answers the same question once the FAQ is reviewed and published', async () => {
    await ask('养猫能领补贴吗')
    const gap = await gapOf('养猫')
    const made = await ok<QaGapActionResult>(
      await call(
        server,
        editor,
        'POST',
        `/admin/qa-gaps/${gap.id}/faq`,
        { answer: '本市暂无养猫补贴政策，可关注宠物登记相关规定。', topic: 'zwgk' },
        { 'idempotency-key': 'faq-1' },
      ),
    )
    expect(made.gap).toMatchObject({ status: 'faq', faq: { id: made.itemId, title: UNANSWERED, status: 'draft', live: false }, handledBy: { name: '市编辑' } })
    // a retry answers the same and makes nothing twice
    const again = await call(
      server,
      editor,
      'POST',
      `/admin/qa-gaps/${gap.id}/faq`,
      { answer: '本市暂无养猫补贴政策，可关注宠物登记相关规定。', topic: 'zwgk' },
      { 'idempotency-key': 'faq-1' },
    )
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    expect((await ok<QaGapActionResult>(again)).itemId).toBe(made.itemId)
    const item = await ok<EditorialItem>(await call(server, editor, 'GET', `/admin/faqs/${made.itemId}`))
    // the group's other wordings are its 相似问法, but never the one that carried personal data
    expect(item.draft).toMatchObject({ question: UNANSWERED, topic: 'zwgk', keywords: [], similar: ['养猫能领补贴吗'] })
    // still unanswered until published
    expect((await ask(UNANSWERED)).confident).toBe(false)

    let revision = (await ok<EditorialItem>(await call(server, editor, 'POST', `/admin/faqs/${made.itemId}/submit`, { revision: item.revision }))).revision
    revision = (await ok<EditorialItem>(await call(server, reviewer, 'POST', `/admin/faqs/${made.itemId}/approve`, { revision }))).revision
    await ok<EditorialItem>(await call(server, reviewer, 'POST', `/admin/faqs/${made.itemId}/publish`, { revision }))

    const answer = await ask(UNANSWERED)
    expect(answer.confident).toBe(true)
    expect(answer.items[0].faq.id).toBe(made.itemId)
    expect((await gapOf('养猫')).faq).toMatchObject({ status: 'published', live: true })

    const audit = await server.store.database.kysely.selectFrom('audit_log').select(['action', 'target_id']).where('action', 'like', 'qa-gap.%').execute()
    expect(audit).toContainEqual({ action: 'qa-gap.faq', target_id: gap.id })
    const created = await server.store.database.kysely.selectFrom('audit_log').select('action').where('target_id', '=', made.itemId!).execute()
    expect(created.map((a) => a.action)).toEqual(['editorial.create', 'editorial.submit', 'editorial.approve', 'editorial.publish'])
  })

  it('refuses a group already handled, and other input under a used key', async () => {
    const gap = await gapOf('养猫')
    const twice = await call(server, editor, 'POST', `/admin/qa-gaps/${gap.id}/faq`, { answer: 'x', topic: 'zwgk' })
    expect(twice.status).toBe(409)
    expect(((await twice.json()) as { error: { message: string } }).error.message).toBe('该问答缺口已转为问答，不能重复处理')
    const reused = await call(server, editor, 'POST', `/admin/qa-gaps/${gap.id}/faq`, { answer: '另一个回答', topic: 'zwgk' }, { 'idempotency-key': 'faq-1' })
    expect(reused.status).toBe(422)
  })
})

describe('adding a group to an existing FAQ', () => {
  it('adds its wordings as 相似问法 of a new version, keywords untouched, which answers once published', async () => {
    const q = '养鹦鹉有补贴吗'
    await ask(q)
    const gap = await gapOf('鹦鹉')
    const faq = await ok<EditorialItem>(
      await call(
        server,
        editor,
        'POST',
        '/admin/faqs',
        { orgCode: CITY, draft: { question: '饲养宠物有哪些规定？', answer: '请按规定办理登记并文明饲养。', topic: 'zwgk', keywords: ['宠物'] } },
        { 'idempotency-key': 'pet' },
      ),
      201,
    )
    const attached = await ok<QaGapActionResult>(await call(server, editor, 'POST', `/admin/qa-gaps/${gap.id}/attach`, { faqId: faq.id }))
    expect(attached.gap).toMatchObject({ status: 'attached', faq: { id: faq.id } })
    const item = await ok<EditorialItem>(await call(server, editor, 'GET', `/admin/faqs/${faq.id}`))
    expect(item).toMatchObject({ version: 2, status: 'draft' })
    expect(item.draft).toMatchObject({ keywords: ['宠物'], similar: ['养鹦鹉有补贴吗'] })
    const audit = await server.store.database.kysely.selectFrom('audit_log').select(['action', 'detail']).where('target_id', '=', gap.id).execute()
    expect(audit.map((a) => [a.action, JSON.parse(a.detail as string)])).toEqual([['qa-gap.attach', { faqId: faq.id, added: 1 }]])
    let revision = (await ok<EditorialItem>(await call(server, editor, 'POST', `/admin/faqs/${faq.id}/submit`, { revision: item.revision }))).revision
    revision = (await ok<EditorialItem>(await call(server, reviewer, 'POST', `/admin/faqs/${faq.id}/approve`, { revision }))).revision
    await ok<EditorialItem>(await call(server, reviewer, 'POST', `/admin/faqs/${faq.id}/publish`, { revision }))
    const answer = await ask(q)
    expect(answer.confident).toBe(true)
    expect(answer.items[0].faq.id).toBe(faq.id)
  })

  it('refuses, with a Chinese 400 and changing nothing, a FAQ whose 相似问法 are full and wordings over 60 characters', async () => {
    const similar = Array.from({ length: 10 }, (_, i) => `养兔子第${i + 1}种问法`)
    const faq = await ok<EditorialItem>(
      await call(server, editor, 'POST', '/admin/faqs', {
        orgCode: CITY,
        draft: { question: '家里养兔子要登记吗？', answer: '不需要登记。', topic: 'zwgk', keywords: [], similar },
      }),
      201,
    )
    await ask('养兔子能领补贴吗')
    const full = await call(server, editor, 'POST', `/admin/qa-gaps/${(await gapOf('兔子')).id}/attach`, { faqId: faq.id })
    expect(full.status).toBe(400)
    expect(((await full.json()) as { error: { message: string } }).error.message).toBe('该问答已有 10 条相似问法，不能再并入；请先在问答编辑页删减相似问法')
    const long = '我在乡下一个人养了二十多只鸽子，每天喂食打扫，平时就靠它们解闷，听说养鸽子的人政府会给一些补贴，请问我这种养了好几年的情况能不能领到'
    expect([...long].length).toBeGreaterThan(60)
    await ask(long)
    const tooLong = await call(server, editor, 'POST', `/admin/qa-gaps/${(await gapOf('鸽子')).id}/attach`, { faqId: 'f001' })
    expect(tooLong.status).toBe(400)
    expect(((await tooLong.json()) as { error: { message: string } }).error.message).toMatch(/超过 60 个字，不能作为相似问法并入/)
    await ask('百家乐平台充值被骗了钱怎么追回')
    const sensitive = await call(server, editor, 'POST', `/admin/qa-gaps/${(await gapOf('百家乐')).id}/attach`, { faqId: 'f001' })
    expect(sensitive.status).toBe(400)
    expect(((await sensitive.json()) as { error: { message: string } }).error.message).toBe('这组问法含有不适宜发布的词语「百家乐」，不能并入')
    await ask('我叫李四，养蜜蜂有补贴吗')
    const personal = await call(server, editor, 'POST', `/admin/qa-gaps/${(await gapOf('蜜蜂')).id}/attach`, { faqId: 'f001' })
    expect(personal.status).toBe(400)
    expect(((await personal.json()) as { error: { message: string } }).error.message).toBe(
      '这组问法含有已遮盖的个人信息，不能作为相似问法并入；请在问答编辑页手工添加',
    )
    for (const word of ['兔子', '鸽子', '百家乐', '蜜蜂']) expect((await gapOf(word)).status).toBe('open')
    expect((await ok<EditorialItem>(await call(server, editor, 'GET', `/admin/faqs/${faq.id}`))).draft).toMatchObject({ similar })
  })

  it('refuses a FAQ in review and an unknown FAQ, changing nothing', async () => {
    await ask('养乌龟有补贴吗')
    const gap = await gapOf('乌龟')
    const faq = await ok<EditorialItem>(
      await call(server, editor, 'POST', '/admin/faqs', {
        orgCode: CITY,
        draft: { question: '爬宠怎么登记？', answer: '到当地办理。', topic: 'zwgk', keywords: [] },
      }),
      201,
    )
    await ok(await call(server, editor, 'POST', `/admin/faqs/${faq.id}/submit`, { revision: faq.revision }))
    const inReview = await call(server, editor, 'POST', `/admin/qa-gaps/${gap.id}/attach`, { faqId: faq.id })
    expect(inReview.status).toBe(409)
    expect(((await inReview.json()) as { error: { message: string } }).error.message).toMatch(/待审核/)
    expect((await call(server, editor, 'POST', `/admin/qa-gaps/${gap.id}/attach`, { faqId: 'f-nothing' })).status).toBe(404)
    expect((await call(server, editor, 'POST', `/admin/qa-gaps/${gap.id}/attach`, {})).status).toBe(400)
    expect((await gapOf('乌龟')).status).toBe('open')
    expect((await ok<EditorialItem>(await call(server, editor, 'GET', `/admin/faqs/${faq.id}`))).version).toBe(1)
  })
})

describe('分级维护', () => {
  it('refuses a county editor another county’s group (403) and changes nothing', async () => {
    await ask('黄岩区养蜜蜂有补贴吗')
    const gap = await gapOf('蜜蜂', huangyanEditor)
    expect(gap.org.code).toBe(HUANGYAN)
    for (const [path, body] of [
      ['faq', { answer: 'x' }],
      ['attach', { faqId: 'f001' }],
      ['ignore', undefined],
    ] as const) {
      const res = await call(server, jiaojiangEditor, 'POST', `/admin/qa-gaps/${gap.id}/${path}`, body ?? {})
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { message: string } }).error.message).toBe('不能处理其他单位的问答缺口')
    }
    expect((await gapOf('蜜蜂', huangyanEditor)).status).toBe('open')
    const reviewerRes = await call(server, await signIn(server, 'reviewer', HUANGYAN, '黄岩审核'), 'POST', `/admin/qa-gaps/${gap.id}/ignore`, {})
    expect(reviewerRes.status).toBe(403)
  })

  it('lets the county’s editor ignore it, once, audited', async () => {
    const gap = await gapOf('蜜蜂', huangyanEditor)
    const done = await ok<QaGapActionResult>(await call(server, huangyanEditor, 'POST', `/admin/qa-gaps/${gap.id}/ignore`, {}))
    expect(done.gap.status).toBe('ignored')
    expect((await call(server, huangyanEditor, 'POST', `/admin/qa-gaps/${gap.id}/ignore`, {})).status).toBe(409)
    expect((await gaps(huangyanEditor, '?status=ignored')).items.map((g) => g.id)).toEqual([gap.id])
    const audit = await server.store.database.kysely.selectFrom('audit_log').select(['action', 'actor_name']).where('target_id', '=', gap.id).execute()
    expect(audit).toEqual([{ action: 'qa-gap.ignore', actor_name: '黄岩编辑' }])
    // asked again, it is counted in its (ignored) group
    await ask('黄岩区养蜜蜂有补贴吗')
    expect((await gapOf('蜜蜂', huangyanEditor)).count).toBe(2)
  })
})

describe('from 一站搜索', () => {
  const search = async (q: string, rest = '', who?: Staff) => {
    const path = `/search?q=${encodeURIComponent(q)}${rest}`
    return ok<{ answer?: unknown; total: number }>(await (who ? call(server, who, 'GET', path) : server.api(path)))
  }
  const gapRow = (id: string) =>
    server.store.database.kysely.selectFrom('qa_gaps').select(['ask_count', 'search_count']).where('id', '=', id).executeTakeFirstOrThrow()

  it('logs a submitted search with no confident answer, masked, once per resident and half hour, marked 搜索', async () => {
    const alice = await signIn(server, 'resident', CITY, '居民甲')
    const bob = await signIn(server, 'resident', CITY, '居民乙')
    const text = '我叫李小龙，电话13912345678，养羊驼有补贴吗'
    expect((await search(text, '', alice)).answer).toBeUndefined()
    // the same resident: the 问答 tab, page 2, a reload (the micro-cache answers), the text typed again with other spaces and width
    await search(text, '&types=faq&page=1', alice)
    await search(text, '&types=faq&page=2', alice)
    await search(text, '', alice)
    await search(`  我叫李小龙,电话13912345678 养羊驼有补贴吗？`, '', alice)
    const gap = await gapOf('羊驼')
    expect(gap).toMatchObject({ count: 1, searchCount: 1, status: 'open', org: { code: CITY, name: '台州市' } })
    expect(gap.wording).toBe('我叫李*龙，电话139****5678，养羊驼有补贴吗')
    const stored = await server.store.database.kysely.selectFrom('qa_gap_wordings').select('wording').execute()
    expect(stored.map((s) => s.wording).join()).not.toMatch(/13912345678|李小龙/)
    // another resident counts, and so does the first one after the window
    await search(text, '', bob)
    expect(await gapRow(gap.id)).toEqual({ ask_count: 2, search_count: 2 })
    clock.advance(31 * 60_000)
    await signInAll()
    await search(text, '', await signIn(server, 'resident', CITY, '居民甲'))
    // the same group as the question asked in 智能问答 (not deduplicated there): 问答 1, 搜索 3
    await ask('养羊驼有补贴吗')
    expect(await gapOf('羊驼')).toMatchObject({ id: gap.id, count: 4, searchCount: 3 })
  })

  it('counts an anonymous search once per address', async () => {
    await search('养蜥蜴有补贴吗')
    await search('养蜥蜴有补贴吗', '&types=faq')
    expect(await gapOf('蜥蜴')).toMatchObject({ count: 1, searchCount: 1 })
  })

  it('does not log type-ahead, later pages, searches not over the FAQs, nor a search the Q&A answers', async () => {
    await search('养仓鼠有补贴吗', '&suggest=true')
    await search('养仓鼠有补贴吗', '&page=2')
    await search('养仓鼠有补贴吗', '&types=policy,video')
    expect((await gaps(editor, `?q=${encodeURIComponent('仓鼠')}`)).total).toBe(0)
    const answered = await search('申请政府信息公开要交钱吗')
    expect(answered.answer).toBeDefined()
    expect((await gaps(editor, `?q=${encodeURIComponent('信息公开')}`)).total).toBe(0)
  })

  it('refuses a bad suggest in Chinese', async () => {
    const res = await server.api(`/search?q=${encodeURIComponent('养猫')}&suggest=maybe`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('参数错误：suggest 只能是 true 或 false')
  })

  it('never logs the searched text', async () => {
    await search('身份证33100219800101123X养刺猬要办证吗')
    const lines = logLines.join('\n')
    expect(lines).toContain('/search?q=[redacted]')
    expect(lines).not.toMatch(/刺猬|33100219800101123X|%E5%88%BA/)
  })
})
