import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useSessionStore } from '@/api'
import { routes } from '@/utils/routes'
import { useMessageUnread } from '../hooks/use-message-unread'
import './messages.scss'

/** 我的 tab: the entry to 我的消息, with the unread count as a badge (signed in only). */
export function MessagesEntry() {
  const user = useSessionStore((s) => s.user)
  const unread = useMessageUnread()
  if (!user) return null
  return (
    <View
      className='mine__item'
      role='listitem'
      aria-label={unread ? `我的消息，${unread}条未读` : '我的消息'}
      onClick={() => Taro.navigateTo({ url: routes.messages })}
    >
      <Text>我的消息</Text>
      <View className='msg-entry__end'>
        {unread ? <Text className='msg-badge'>{unread > 99 ? '99+' : unread}</Text> : null}
        <Text className='mine__chevron' aria-hidden>
          ›
        </Text>
      </View>
    </View>
  )
}
