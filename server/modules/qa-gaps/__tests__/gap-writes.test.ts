/**
 * GapWrites (问答缺口's counts, coalesced per question), with a writer the test answers: askings of
 * one turn go in one write, those that arrive while a question's write runs go in the next, each
 * asking is answered only once the write that counted it is, and a failed write fails only its own.
 */
import type { QaGapSource } from '../../../../common/contract'
import { GapWrites } from '../gap-writes'

function recordingWriter() {
  const writes: { question: string; source: QaGapSource; times: number; answer: (error?: Error) => void }[] = []
  const write = (question: string, source: QaGapSource, times: number) =>
    new Promise<void>((resolve, reject) => writes.push({ question, source, times, answer: (error) => (error ? reject(error) : resolve()) }))
  return { writes, gaps: new GapWrites(write) }
}

const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('GapWrites', () => {
  it('counts the askings of one turn in one write, and answers them once it has committed', async () => {
    const { writes, gaps } = recordingWriter()
    let answered = 0
    const askings = ['养猫有补贴吗', '养猫有补贴吗', '  养猫有补贴吗 '].map((q) => gaps.record(q, 'qa').then(() => answered++))
    await turn()
    expect(writes.map(({ question, source, times }) => ({ question, source, times }))).toEqual([{ question: '养猫有补贴吗', source: 'qa', times: 3 }])
    await turn()
    expect(answered).toBe(0)
    writes[0].answer()
    await Promise.all(askings)
    expect(answered).toBe(3)
  })

  it('keeps one write in flight per question: what arrives meanwhile is counted in the next, right after it', async () => {
    const { writes, gaps } = recordingWriter()
    const first = gaps.record('养猫有补贴吗', 'qa')
    await turn()
    const later = Promise.all([gaps.record('养猫有补贴吗', 'qa'), gaps.record('养猫有补贴吗', 'qa')])
    await turn()
    await turn()
    expect(writes.map((w) => w.times)).toEqual([1])
    writes[0].answer()
    await first
    await turn()
    expect(writes.map((w) => w.times)).toEqual([1, 2])
    writes[1].answer()
    await later
  })

  it('writes each question and each source on its own', async () => {
    const { writes, gaps } = recordingWriter()
    const all = [gaps.record('养猫有补贴吗', 'qa'), gaps.record('养猫有补贴吗', 'search'), gaps.record('养狗有补贴吗', 'qa'), gaps.record('养猫有补贴吗', 'qa')]
    await turn()
    expect(writes.map(({ question, source, times }) => [question, source, times])).toEqual([
      ['养猫有补贴吗', 'qa', 2],
      ['养猫有补贴吗', 'search', 1],
      ['养狗有补贴吗', 'qa', 1],
    ])
    for (const w of writes) w.answer()
    await Promise.all(all)
  })

  it('fails the askings of a failed write, and only those; the next write of the question goes on', async () => {
    const { writes, gaps } = recordingWriter()
    const failing = gaps.record('养猫有补贴吗', 'qa')
    const other = gaps.record('养狗有补贴吗', 'qa')
    await turn()
    const next = gaps.record('养猫有补贴吗', 'qa')
    writes[0].answer(new Error('database down'))
    await expect(failing).rejects.toThrow('database down')
    writes[1].answer()
    await expect(other).resolves.toBeUndefined()
    await turn()
    expect(writes.map((w) => [w.question, w.times])).toEqual([
      ['养猫有补贴吗', 1],
      ['养狗有补贴吗', 1],
      ['养猫有补贴吗', 1],
    ])
    writes[2].answer()
    await expect(next).resolves.toBeUndefined()
  })
})
