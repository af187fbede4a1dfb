/* global window, document */
/**
 * H5: runs `task` once the page has loaded and the browser is idle — for code the first screen does
 * not need but a later tap may (config/h5-runtime/): downloaded then, not before the first tap.
 *
 * A tap or key press may open another page, whose code and data then download: the task waits
 * until QUIET_MS have passed since the page loaded and since the last tap or key, so its download
 * does not take the phone's connections and bandwidth from the page the visitor asked for (the
 * tap from 首页 to an interpretation, which bench:h5 makes as soon as 首页 has drawn, was ~190 ms
 * slower on slow 4G when Taro's toast/modal and the user-agent parser downloaded beside it).
 */
const QUIET_MS = 2000

/** when the page loaded or was last tapped or typed on */
let busySince = -Infinity
if (typeof window !== 'undefined') {
  const note = () => {
    busySince = Date.now()
  }
  for (const type of ['pointerdown', 'keydown']) window.addEventListener(type, note, { capture: true, passive: true })
}

export function whenIdle(task) {
  if (typeof window === 'undefined') return
  const idle = () => {
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(quiet, { timeout: 3000 })
    else setTimeout(quiet, 500)
  }
  // too soon after the load or a tap: again once that is QUIET_MS old (and the browser idle)
  const quiet = () => {
    const wait = busySince + QUIET_MS - Date.now()
    if (wait > 0) setTimeout(idle, wait)
    else task()
  }
  const loaded = () => {
    busySince = Math.max(busySince, Date.now())
    idle()
  }
  if (document.readyState === 'complete') idle()
  else window.addEventListener('load', loaded, { once: true })
}
