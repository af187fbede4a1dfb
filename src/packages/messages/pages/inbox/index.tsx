import Taro from '@tarojs/taro'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { MessageInbox } from '@/features/messages/components/message-inbox'
import { routes } from '@/utils/routes'

/** 我的消息: consultation replies and 宣讲点单 notices in one list. */
export default function InboxPage() {
  return (
    <ThemePage>
      <MessageInbox onLogin={() => void Taro.navigateTo({ url: routes.signIn(routes.messages) })} />
    </ThemePage>
  )
}
