import type { Faq } from '../../../src/contract'
import { QaIndex } from '..'
import { canonicalize, fold, normalize, tokenize } from '../normalize'

const faq = (id: string, question: string, answer = '', keywords: string[] = []): Faq => ({ id, question, answer, keywords, topic: 'yanglao' })

describe('normalize', () => {
  it('folds full-width characters, case and punctuation', () => {
    expect(fold('ＡＢＣ１２３，医保？ 备案！')).toBe('abc123医保备案')
  })
  it('rewrites synonyms to one canonical word, longest match first, without rewriting a word twice', () => {
    expect(canonicalize('退休金')).toBe('养老金')
    expect(canonicalize('医疗保险')).toBe('医保')
    expect(canonicalize('多少钱')).toBe('多少钱')
    expect(canonicalize('能领多少')).toBe('能领多少钱')
    expect(canonicalize('创业贷款')).toBe('创业贷款')
  })
  it('turns an age of 80 or more into the 高龄 band', () => {
    expect(normalize('我妈今年83了')).toContain('高龄')
    expect(normalize('我爸75岁')).not.toContain('高龄')
    expect(normalize('我爸75岁')).toContain('老人')
  })
  it('makes unigrams without stop characters and bigrams', () => {
    expect(tokenize('的医保')).toEqual(['的医', '医', '医保', '保'])
  })
})

describe('QaIndex', () => {
  const faqs = [
    faq('a', '基础养老金每个月多少钱？', '2025年市区基础养老金每人每月320元。', ['养老金']),
    faq('b', '医保异地就医备案怎么办？', '在国家医保服务平台APP办理。', ['异地就医', '备案']),
    faq('c', '高龄津贴怎么领？', '80周岁以上老人按月领取，养老金另外发放。', ['高龄补贴']),
    faq('d', '公租房怎么申请？', '向住建部门提交申请，审核后轮候。'),
  ]
  const index = new QaIndex(faqs)

  it('finds the FAQ through a synonym the resident used', () => {
    expect(index.search('退休金一个月能拿多少')[0].faq.id).toBe('a')
    expect(index.search('医疗保险在外地看病要报备吗')[0].faq.id).toBe('b')
  })

  it('ranks a match in the question above a match only in the answer', () => {
    const hits = index.search('养老金')
    expect(hits.map((h) => h.faq.id).slice(0, 2)).toEqual(['a', 'c'])
    expect(hits[0].score).toBeGreaterThan(hits[1].score)
  })

  it('reaches the 高龄 FAQ from an age and a benefit word', () => {
    expect(index.search('奶奶85岁了补贴怎么领')[0].faq.id).toBe('c')
  })

  it('returns nothing for an empty or unrelated question', () => {
    expect(index.search('')).toEqual([])
    expect(index.search('  ？？ ')).toEqual([])
    expect(index.search('明天会不会下雨')).toEqual([])
  })

  it('reports the matched words of the FAQ question for highlighting', () => {
    const [hit] = index.search('医保异地备案')
    expect(hit.matched).toEqual(expect.arrayContaining(['医保异地', '备案']))
    expect(hit.matched.every((m) => hit.faq.question.includes(m))).toBe(true)
  })

  it('honours the limit and orders by score', () => {
    const hits = index.search('怎么申请怎么领怎么办', 2)
    expect(hits.length).toBeLessThanOrEqual(2)
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score)
  })
})

describe('QaIndex on the fixtures and test/qa-eval.json', () => {
  // a floor, not the figure: `npm run eval:qa` reports accuracy over 5,000 FAQs and latency
  const { fixtures } = jest.requireActual('../../../mock/fixtures') as typeof import('../../../mock/fixtures')
  const evalSet = jest.requireActual('../../../test/qa-eval.json') as { q: string; id: string }[]
  const index = new QaIndex(fixtures.faqs)

  it('puts the right FAQ first for at least 85 % of the questions and in the top 3 for 95 %', () => {
    let top1 = 0
    let top3 = 0
    for (const { q, id } of evalSet) {
      const ids = index.search(q, 3).map((h) => h.faq.id)
      if (ids[0] === id) top1++
      if (ids.includes(id)) top3++
    }
    expect(evalSet.length).toBeGreaterThanOrEqual(60)
    expect(top1 / evalSet.length).toBeGreaterThanOrEqual(0.85)
    expect(top3 / evalSet.length).toBeGreaterThanOrEqual(0.95)
  })

  it('answers nothing to questions outside every FAQ', () => {
    for (const q of ['火星移民签证怎么办理', '今天天气怎么样', '台州有什么好吃的', '怎么办理']) expect(index.search(q)).toEqual([])
  })
})
