/* global window */
/**
 * H5: what Taro.request needs of AbortController where the browser has none (Chrome < 66,
 * Safari < 12.1), in place of `abortcontroller-polyfill/dist/abortcontroller-polyfill-only`
 * (~9 KB minified in the first chunk, config/index.ts). Taro creates a controller for every
 * request to abort it on timeout. Neither that polyfill (its "-only" build leaves fetch alone) nor
 * this one makes an old browser's fetch abortable: both only let the request start. Where the
 * browser has AbortController, nothing here runs.
 */
if (typeof window !== 'undefined' && typeof window.AbortController !== 'function') {
  function AbortSignal() {
    this.aborted = false
    this.onabort = null
    this.listeners = []
  }
  AbortSignal.prototype.addEventListener = function (type, listener) {
    if (type === 'abort') this.listeners.push(listener)
  }
  AbortSignal.prototype.removeEventListener = function (type, listener) {
    this.listeners = this.listeners.filter((l) => l !== listener)
  }
  AbortSignal.prototype.dispatchEvent = function (event) {
    if (typeof this.onabort === 'function') this.onabort(event)
    this.listeners.slice().forEach((l) => l.call(this, event))
    return true
  }
  function AbortController() {
    this.signal = new AbortSignal()
  }
  AbortController.prototype.abort = function () {
    if (this.signal.aborted) return
    this.signal.aborted = true
    this.signal.dispatchEvent({ type: 'abort', target: this.signal })
  }
  window.AbortSignal = AbortSignal
  window.AbortController = AbortController
}
