import { matchRanges, queryTerms, snippetAround, SNIPPET_CHARS } from '../text'

const terms = (q: string) =>
  new Set(
    queryTerms(q)
      .filter((t) => t.content)
      .map((t) => t.term),
  )
const marked = (text: string, ranges: { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end))

it('reads a query as subject bigrams, lone characters and words; particles and 怎么 are not the subject', () => {
  const q = queryTerms('社保卡丢了怎么办 12333')
  expect(q.filter((t) => t.content).map((t) => t.term)).toEqual(['社保', '保卡', '卡丢', '12333'])
  expect(q.filter((t) => !t.content).map((t) => t.term)).toEqual(['丢了', '了怎', '怎么', '么办'])
})

it('marks matches in UTF-16 offsets of the original text, full-width and case folded', () => {
  const text = '𠮷社保卡ＡＰＰ申请，APP也行'
  const ranges = matchRanges(text, terms('社保卡 app'))
  expect(marked(text, ranges)).toEqual(['社保卡ＡＰＰ', 'APP'])
  expect(ranges[0].start).toBe(2) // after a character outside the BMP (two code units)
})

it('cuts a snippet at the sentence of the first match, with 「…」 and shifted offsets', () => {
  const text = `${'前文很长。'.repeat(20)}补办社保卡可以在浙里办申请。${'后文'.repeat(40)}`
  const s = snippetAround(text, terms('社保卡'))!
  expect(s.text.startsWith('…补办社保卡')).toBe(true)
  expect(s.text.endsWith('…')).toBe(true)
  expect(s.text.length).toBe(SNIPPET_CHARS + 2)
  expect(marked(s.text, s.highlights)).toEqual(['社保卡'])
  expect(snippetAround(text, terms('公积金'))).toBeUndefined()
})
