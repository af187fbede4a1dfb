import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/empty-state'
import { currentAppPath } from '@/utils/current-page'
import { routes } from '@/utils/routes'

/** 去登录: to sign-in, which brings the resident back to this page */
export function LoginNeeded({ what }: { what: string }) {
  return <EmptyState title={`登录后${what}`} actionText='去登录' onAction={() => Taro.navigateTo({ url: routes.signIn(currentAppPath()) })} />
}
