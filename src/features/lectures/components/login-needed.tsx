import Taro from '@tarojs/taro'
import { EmptyState } from '@/components/empty-state'
import { routes } from '@/utils/routes'

export function LoginNeeded({ what }: { what: string }) {
  return <EmptyState title={`登录后${what}`} actionText='去登录' onAction={() => Taro.switchTab({ url: routes.mine })} />
}
