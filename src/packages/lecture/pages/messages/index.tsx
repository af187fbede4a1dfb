import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { MessageInbox } from '@/features/messages/components/message-inbox'

/** the former 宣讲 消息 page: now the one 我的消息 (lecture notices and consultation replies), kept for links to it */
export default function MessagesPage() {
  return (
    <ThemePage>
      <MessageInbox />
    </ThemePage>
  )
}
