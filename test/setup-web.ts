import '@testing-library/jest-dom'
import { taroMock } from './mocks/taro'

// jsdom has no media playback.
Object.defineProperty(HTMLMediaElement.prototype, 'load', { configurable: true, value: () => undefined })
Object.defineProperty(HTMLMediaElement.prototype, 'play', { configurable: true, value: () => Promise.resolve() })
Object.defineProperty(HTMLMediaElement.prototype, 'pause', { configurable: true, value: () => undefined })

// Build-time constant injected by config/index.ts.
;(globalThis as unknown as { API_BASE: string }).API_BASE = ''

beforeEach(() => taroMock.reset())

// jsdom has no IntersectionObserver (Taro's lazy-loading Image uses it): nothing ever intersects.
class NoIntersectionObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
  takeRecords() {
    return []
  }
}
;(globalThis as unknown as { IntersectionObserver: unknown }).IntersectionObserver ??= NoIntersectionObserver
