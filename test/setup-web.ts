import '@testing-library/jest-dom'
import { configure } from '@testing-library/react'
import { taroMock } from './mocks/taro'

// jsdom has no media playback.
Object.defineProperty(HTMLMediaElement.prototype, 'load', { configurable: true, value: () => undefined })
Object.defineProperty(HTMLMediaElement.prototype, 'play', { configurable: true, value: () => Promise.resolve() })
Object.defineProperty(HTMLMediaElement.prototype, 'pause', { configurable: true, value: () => undefined })

// Build-time constant injected by config/index.ts.
;(globalThis as unknown as { API_BASE: string }).API_BASE = ''

// findBy*/waitFor: the first render of a file also builds the fixture server and hydrates
// Stencil components; on a busy 2-core machine that can take more than the 1 s default
configure({ asyncUtilTimeout: 5000 })

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

// jsdom has no TextDecoder/TextEncoder; the fixture server's multipart parser (busboy) needs them
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util'
;(globalThis as unknown as { TextDecoder: unknown }).TextDecoder ??= NodeTextDecoder
;(globalThis as unknown as { TextEncoder: unknown }).TextEncoder ??= NodeTextEncoder
