/** jsdom lacks what antd measures and listens to: matchMedia, ResizeObserver, getComputedStyle of pseudo-elements */
import '@testing-library/jest-dom'

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
})

class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
if (!('ResizeObserver' in window)) Object.assign(window, { ResizeObserver: NoResizeObserver })

const computed = window.getComputedStyle.bind(window)
window.getComputedStyle = (el: Element, pseudo?: string | null) => computed(el, pseudo ? undefined : pseudo)

// findBy…/waitFor wait up to 10 s, not 1 s: a console page's first render (antd, its chunk of
// modules) has taken seconds on a loaded 2-core machine; a passing test waits no longer for it
import { configure } from '@testing-library/react'
configure({ asyncUtilTimeout: 10_000 })

// jsdom has no fetch Request; the console's data router builds one per navigation and reads only these
if (typeof globalThis.Request === 'undefined') {
  class NavigationRequest {
    readonly url: string
    readonly signal?: AbortSignal
    readonly method: string
    constructor(url: string | URL, init: { signal?: AbortSignal; method?: string } = {}) {
      this.url = String(url)
      this.signal = init.signal
      this.method = init.method ?? 'GET'
    }
  }
  Object.assign(globalThis, { Request: NavigationRequest })
}
