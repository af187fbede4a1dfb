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
configure({ asyncUtilTimeout: 10_000 })

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

// Taro's H5 components are Stencil custom elements; in jsdom three of their own callbacks throw
// and Stencil reports it with console.error(error, element?). Each is harmless here and only
// exactly these are dropped (anything else, ours or theirs, still prints):
// - Input/Textarea watchValue: the value watcher runs before the component's first render has
//   created its inner <input>/<textarea> (the tests type as soon as the page renders);
// - Swiper getCurrentItemId: Swiper's init emits before jsdom (no layout) has any slide
//   (reported from componentDidLoad without the element, so matched by the throwing file);
// - Button's loading spinner: Stencil removes its <i class="weui-loading"> from a host whose
//   children React already re-rendered (jsdom's NotFoundError).
const STENCIL_JSDOM_NOISE = [
  { component: 'taro-input-core', message: "Cannot read properties of undefined (reading 'value')" },
  { component: 'taro-textarea-core', message: "Cannot read properties of undefined (reading 'value')" },
  { component: 'taro-swiper-core', message: "Cannot read properties of undefined (reading 'getAttribute')" },
  { component: 'taro-button-core', message: 'The child can not be found in the parent.' },
]
const consoleError = console.error.bind(console)
console.error = (...args: unknown[]) => {
  const [error, element] = args
  const { message, stack } = (error ?? {}) as { message?: unknown; stack?: unknown }
  const tag = element instanceof HTMLElement ? element.tagName.toLowerCase() : undefined
  const known = STENCIL_JSDOM_NOISE.some(
    (n) => n.message === message && (tag === n.component || (tag === undefined && String(stack).includes(`/${n.component}.js:`))),
  )
  if (!known) consoleError(...args)
}
