import { useEffect } from 'react'

export const UPDATE_PROMPT_ID = 'zct-update'
export const UPDATE_PROMPT_TEXT = '新版本可用，点击刷新'

/**
 * H5 production build: the service worker of scripts/build-sw.mjs (app shell and every page's
 * code precached, pictures cached, a Chinese page for what it can't serve offline). It is
 * registered once the page has loaded and the browser is idle, so its downloads never compete
 * with the first screen; workbox-window itself is fetched then too (not before the first tap).
 * A new version waits until the visitor taps 「新版本可用，点击刷新」: nothing is swapped under
 * them mid-form. The prompt is plain DOM (text only), shown above every page.
 */
export function useServiceWorker(): void {
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || process.env.NODE_ENV !== 'production') return
    if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return
    let cancelled = false
    const start = () => {
      if (cancelled) return
      // a condition webpack folds to a constant: on weapp workbox-window is not bundled at all
      if (process.env.TARO_ENV === 'h5') {
        import(/* webpackChunkName: "workbox-window" */ 'workbox-window')
          .then(({ Workbox }) => {
            const wb = new Workbox('/sw.js')
            wb.addEventListener('waiting', () =>
              showUpdatePrompt(() => {
                wb.addEventListener('controlling', () => window.location.reload())
                wb.messageSkipWaiting()
              }),
            )
            return wb.register()
          })
          .catch(() => undefined)
      }
    }
    const idle = () => {
      const ric = (window as Window & { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number }).requestIdleCallback
      if (ric) ric(start, { timeout: 5000 })
      else setTimeout(start, 1000)
    }
    if (document.readyState === 'complete') idle()
    else window.addEventListener('load', idle, { once: true })
    return () => {
      cancelled = true
      window.removeEventListener('load', idle)
    }
  }, [])
}

export function showUpdatePrompt(onAccept: () => void): void {
  if (document.getElementById(UPDATE_PROMPT_ID)) return
  const button = document.createElement('button')
  button.id = UPDATE_PROMPT_ID
  button.type = 'button'
  button.className = 'update-prompt'
  button.setAttribute('role', 'alert')
  button.textContent = UPDATE_PROMPT_TEXT
  button.addEventListener('click', () => {
    button.disabled = true
    button.textContent = '正在更新…'
    onAccept()
  })
  document.body.appendChild(button)
}
