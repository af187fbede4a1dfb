import { createProgressSaver } from '../progress-saver'

describe('progress saver', () => {
  it('saves at most every interval while playing, and at once on flush', async () => {
    let t = 0
    const saved: number[] = []
    const saver = createProgressSaver(
      async (p) => void saved.push(p),
      10000,
      () => t,
    )
    await saver.tick(1) // first tick: nothing sent yet, so it goes
    t = 4000
    await saver.tick(4)
    t = 9000
    await saver.tick(9)
    expect(saved).toEqual([1])
    t = 10001
    await saver.tick(10)
    expect(saved).toEqual([1, 10])
    t = 12000
    await saver.flush(12)
    expect(saved).toEqual([1, 10, 12])
    await saver.flush()
    expect(saved).toEqual([1, 10, 12])
  })

  it('keeps a failed save and sends it with the next flush', async () => {
    const saved: number[] = []
    let fail = true
    const saver = createProgressSaver(async (p) => {
      if (fail) throw new Error('offline')
      saved.push(p)
    })
    await saver.flush(30)
    expect(saved).toEqual([])
    fail = false
    await saver.flush()
    expect(saved).toEqual([30])
  })
})

test('a flush while a save is under way still ends with the newest position saved', async () => {
  const saved: number[] = []
  let release: () => void = () => undefined
  const saver = createProgressSaver((p) => {
    saved.push(p)
    return p === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve()
  })
  const first = saver.tick(1)
  const second = saver.flush(12)
  release()
  await Promise.all([first, second])
  expect(saved.at(-1)).toBe(12)
  expect(saved.length).toBeLessThanOrEqual(2)
})

test('a position that could not be sent offline survives a restart and is sent on the next flush', async () => {
  let stored: number | undefined
  const keep = { load: () => stored, save: (p: number | undefined) => void (stored = p) }
  const offline = createProgressSaver(
    () => Promise.reject(new Error('offline')),
    10000,
    () => 0,
    keep,
  )
  await offline.flush(21)
  expect(stored).toBe(21)

  const sent: number[] = []
  const online = createProgressSaver(
    async (p) => void sent.push(p),
    10000,
    () => 0,
    keep,
  )
  await online.flush()
  expect(sent).toEqual([21])
  expect(stored).toBeUndefined()
})
