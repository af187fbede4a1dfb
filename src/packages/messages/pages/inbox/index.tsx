import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { MessageInbox } from '@/features/messages/components/message-inbox'

/** 我的消息: consultation replies and 宣讲点单 notices in one list. */
export default function InboxPage() {
  return (
    <ThemePage>
      <MessageInbox />
    </ThemePage>
  )
}
