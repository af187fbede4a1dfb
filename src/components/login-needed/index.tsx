import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/empty-state'
import { currentAppPath } from '@/utils/current-page'
import { routes } from '@/utils/routes'

export interface LoginNeededProps {
  /** what signing in allows, after 「登录后」: 「查看您的咨询」, 「即可点单」 … */
  what: string
  hint?: string
}

/**
 * 去登录: to the residents' sign-in, which brings the user back to this page (with its query),
 * where a form's draft is still there. The one way every page asks for sign-in.
 */
export function LoginNeeded({ what, hint }: LoginNeededProps) {
  return <EmptyState title={`登录后${what}`} hint={hint} actionText='去登录' onAction={() => void Taro.navigateTo({ url: routes.signIn(currentAppPath()) })} />
}

/**
 * The same way in from a button (收藏, …) rather than a page: asks first, then to the sign-in,
 * which brings the user back here. Resolves whether they chose to sign in.
 */
export async function askToSignIn(what: string): Promise<boolean> {
  const r = await Taro.showModal({ title: '请先登录', content: `登录后${what}`, confirmText: '去登录', cancelText: '取消' })
  if (!r.confirm) return false
  void Taro.navigateTo({ url: routes.signIn(currentAppPath()) })
  return true
}
