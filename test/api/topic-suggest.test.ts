/** The consultation form's 政策领域 suggestion (common/topic-suggest.ts): the walkthrough's questions and the seeded topics. */
import { suggestTopic, TOPIC_KEYWORDS } from '../../common/topic-suggest'
import { topics } from '../../mock/fixtures/topics'

describe('suggestTopic', () => {
  it.each([
    ['我母亲82岁，户籍在温岭，高龄津贴怎么申请？', 'yanglao'],
    ['住院费用医保能报销多少？异地就医要备案吗', 'yibao'],
    ['失业了想自己创业，有没有创业贷款', 'jiuye'],
    ['今年种粮补贴什么时候发到户', 'huinong'],
    ['孩子明年上小学，外地户口怎么入学', 'jiaoyu'],
    ['公积金可以提取出来付房租吗', 'zhufang'],
    ['开个体户办营业执照要带什么材料', 'yingshang'],
    ['怎么依申请公开政府信息', 'zwgk'],
  ])('「%s」→ %s', (question, topic) => {
    expect(suggestTopic(question)).toBe(topic)
  })

  it('suggests nothing for a question without a topic word, or an empty one', () => {
    expect(suggestTopic('请问你们几点下班')).toBeUndefined()
    expect(suggestTopic('   ')).toBeUndefined()
  })

  it('only suggests topics the app knows', () => {
    expect(suggestTopic('高龄津贴和医保报销', ['yibao'])).toBe('yibao')
    expect(suggestTopic('高龄津贴', ['yibao'])).toBeUndefined()
  })

  it('names only seeded topics', () => {
    const ids = topics.map((t) => t.id)
    expect(Object.keys(TOPIC_KEYWORDS).every((id) => ids.includes(id))).toBe(true)
  })
})
