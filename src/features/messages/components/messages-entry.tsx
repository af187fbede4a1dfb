import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { MenuItem } from '@/features/profile/components/menu-list'
import { routes } from '@/utils/routes'
import { useMessageUnread } from '../hooks/use-message-unread'
import './messages.scss'

/** 我的 tab: the entry to 我的消息, with the unread count as a badge (signed in only). */
export function MessagesEntry() {
  const user = useSessionStore((s) => s.user)
  const unread = useMessageUnread()
  if (!user) return null
  return (
    <MenuItem
      label='我的消息'
      spoken={unread ? `我的消息，${unread}条未读` : '我的消息'}
      end={unread ? <Text className='msg-badge'>{unread > 99 ? '99+' : unread}</Text> : undefined}
      onTap={() => Taro.navigateTo({ url: routes.messages })}
    />
  )
}
