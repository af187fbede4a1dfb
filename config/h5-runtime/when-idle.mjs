/* global window, document */
/**
 * H5: runs `task` once the page has loaded and the browser is idle — for code the first screen does
 * not need but a later tap may (config/h5-runtime/): downloaded then, not before the first tap.
 */
export function whenIdle(task) {
  if (typeof window === 'undefined') return
  const idle = () => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(() => task(), { timeout: 3000 })
    else setTimeout(task, 500)
  }
  if (document.readyState === 'complete') idle()
  else window.addEventListener('load', idle, { once: true })
}
