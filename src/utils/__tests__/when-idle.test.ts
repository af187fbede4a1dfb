import { whenIdle } from '../../../config/h5-runtime/when-idle.mjs'

describe('whenIdle (H5: code loaded in idle time)', () => {
  beforeEach(() => jest.useFakeTimers())
  afterEach(() => jest.useRealTimers())

  it('waits until a tap is 2 s old, so what it loads does not compete with the page the tap opened', () => {
    const task = jest.fn()
    window.dispatchEvent(new Event('pointerdown'))
    whenIdle(task)
    jest.advanceTimersByTime(1900)
    expect(task).not.toHaveBeenCalled()
    window.dispatchEvent(new Event('keydown'))
    jest.advanceTimersByTime(1900)
    expect(task).not.toHaveBeenCalled()
    jest.advanceTimersByTime(1000)
    expect(task).toHaveBeenCalledTimes(1)
  })

  it('runs in the next idle moment when nothing was tapped lately', () => {
    const task = jest.fn()
    jest.advanceTimersByTime(5000)
    whenIdle(task)
    jest.advanceTimersByTime(600)
    expect(task).toHaveBeenCalledTimes(1)
  })
})
