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
