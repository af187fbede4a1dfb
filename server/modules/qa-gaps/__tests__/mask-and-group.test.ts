/** Masking before storage, the grouping of wordings, and the log's view of a question. */
import { withoutQuestion } from '../../../logger'
import { gapOrg, gapTerms, similarity, GAP_SIMILARITY } from '../grouping'
import { maskPersonal } from '../mask'

describe('maskPersonal', () => {
  it.each([
    ['电话13812345678', '电话138****5678'],
    ['手机 138 1234 5678', '手机 138****5678'],
    ['１３８１２３４５６７８', '138****5678'],
    ['身份证33100219800101123X', '身份证331********3X'],
    ['身份证号331002198001011234怎么办', '身份证号331********34怎么办'],
    ['卡号6222021234567890123', '卡号622********23'],
    ['我叫张三丰，想问', '我叫张*丰，想问'],
    ['我妈叫王秀英', '我妈叫王*英'],
    ['姓名：李四', '姓名：李*'],
  ])('%s → %s', (raw, masked) => {
    expect(maskPersonal(raw)).toBe(masked)
  })

  it('leaves policy words that only look like names', () => {
    for (const q of ['我是黄岩的高龄老人，高龄津贴怎么领', '这个叫高龄津贴吗', '2026年的补贴标准']) expect(maskPersonal(q)).toBe(q)
  })
})

describe('grouping', () => {
  const same = (a: string, b: string) => similarity(gapTerms(maskPersonal(a)), gapTerms(maskPersonal(b))) >= GAP_SIMILARITY
  it('puts wordings of one question together', () => {
    expect(same('养猫有补贴吗', '我想问一下养猫有没有补贴？')).toBe(true)
    expect(same('养猫有补贴吗', '我叫张三丰，电话13812345678，想问一下养猫有没有补贴？')).toBe(true)
    expect(same('养猫有补贴吗', '我叫李四，电话13900001111，养猫有补贴吗')).toBe(true)
  })
  it('keeps different questions apart', () => {
    expect(same('养猫有补贴吗', '养狗要办证吗')).toBe(false)
    expect(same('养猫有补贴吗', '养狗有补贴吗')).toBe(false)
  })
  it('files a question under the one county it names', () => {
    expect(gapOrg('椒江区猫咪绝育有补贴吗')).toBe('331002')
    expect(gapOrg('三门和仙居哪个补贴高')).toBe('331000')
    expect(gapOrg('养猫有补贴吗')).toBe('331000')
  })
  it('finds nothing to group in a question with no subject', () => {
    expect(gapTerms('？？？')).toEqual([])
  })
})

it('the request log shows no question of 智能问答', () => {
  expect(withoutQuestion('/api/v1/qa/search?q=%E6%88%91&limit=5')).toBe('/api/v1/qa/search?q=[redacted]&limit=5')
  expect(withoutQuestion('/api/v1/qa/search?limit=5&q=a%26b')).toBe('/api/v1/qa/search?limit=5&q=[redacted]')
  expect(withoutQuestion('/api/v1/search?q=%E6%88%91&types=faq')).toBe('/api/v1/search?q=[redacted]&types=faq')
  expect(withoutQuestion('/api/v1/admin/policies?q=%E6%88%91')).toBe('/api/v1/admin/policies?q=%E6%88%91')
  expect(withoutQuestion('/api/v1/policies?q=医保')).toBe('/api/v1/policies?q=医保')
})
