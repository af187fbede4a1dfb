/**
 * After sign-in, back to the page that asked for it. When that page is still open under the
 * sign-in page it is simply uncovered (its state, what was typed, is still there); otherwise it
 * opens again and restores its draft (the consultation form's `zct-draft:consult`).
 */
import Taro from '@tarojs/taro'
import { isAppPath } from '@common/contract'
import { routes, tabRoutes } from '@/utils/routes'

const pathOf = (url: string) => `/${url.replace(/^\//, '').split('?')[0]}`

export function returnAfterSignIn(redirect: string | undefined): void {
  const target = redirect && isAppPath(redirect) ? redirect : routes.mine
  if (tabRoutes.includes(pathOf(target))) {
    void Taro.switchTab({ url: pathOf(target) })
    return
  }
  const pages = typeof Taro.getCurrentPages === 'function' ? Taro.getCurrentPages() : []
  const previous = pages.length > 1 ? pages[pages.length - 2] : undefined
  if (previous?.route && pathOf(previous.route) === pathOf(target)) void Taro.navigateBack()
  else void Taro.redirectTo({ url: target })
}
