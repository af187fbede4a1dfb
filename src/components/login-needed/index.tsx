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
