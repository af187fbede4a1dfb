/**
 * H5: Taro's toast, loading, modal and action sheet (`@tarojs/taro-h5`'s api/ui/interaction, with
 * the icon font and styles it injects) in a chunk of their own, downloaded when the page has
 * loaded and the browser is idle, or on the first call if that comes sooner — instead of in the
 * first chunk every page downloads and runs before its first tap. config/index.ts puts this
 * module in place of Taro's. Every one of these APIs answers with a promise (and its success /
 * fail / complete callbacks) in Taro too, so a caller sees the same thing, a moment later on the
 * first call; calls keep their order (hideLoading after showLoading), as they all wait for the
 * same download.
 */
import { whenIdle } from './when-idle.mjs'

let loading
function load() {
  if (!loading)
    loading = import(/* webpackChunkName: "taro-interaction" */ '@tarojs/taro-h5/dist/api/ui/interaction/index.js').catch((err) => {
      loading = undefined
      throw err
    })
  return loading
}
whenIdle(load)

/** Taro's `name`, once loaded; a failed download fails the call as Taro's own failures do */
function later(name) {
  return (options, ...rest) =>
    load().then(
      (api) => api[name](options, ...rest),
      (err) => {
        const res = { errMsg: `${name}:fail ${err && err.message ? err.message : err}` }
        if (options && typeof options.fail === 'function') options.fail(res)
        if (options && typeof options.complete === 'function') options.complete(res)
        return Promise.reject(res)
      },
    )
}

export const showToast = later('showToast')
export const hideToast = later('hideToast')
export const showLoading = later('showLoading')
export const hideLoading = later('hideLoading')
export const showModal = later('showModal')
export const showActionSheet = later('showActionSheet')
export const enableAlertBeforeUnload = later('enableAlertBeforeUnload')
export const disableAlertBeforeUnload = later('disableAlertBeforeUnload')
