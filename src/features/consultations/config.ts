import { askForMessages, templateIdsFrom } from '@/utils/subscribe-messages'

/** 订阅消息 template ids for consultation replies, from `TARO_APP_CONSULTATION_TEMPLATE_IDS` */
export const consultationTemplateIds = (): string[] => templateIdsFrom(() => process.env.TARO_APP_CONSULTATION_TEMPLATE_IDS)

/** asked at the 提交咨询 tap itself */
export function askForReplyMessage(request: (o: { tmplIds: string[] }) => Promise<unknown>): void {
  askForMessages(consultationTemplateIds(), request)
}
