import { askForMessages, templateIdsFrom } from '@/utils/subscribe-messages'

/**
 * 订阅消息 template ids for 依申请公开 steps (补正, 答复, 办结), from `TARO_APP_FOIA_TEMPLATE_IDS`.
 * The server sends with WECHAT_FOIA_TEMPLATE_ID (the same template).
 */
export const foiaTemplateIds = (): string[] => templateIdsFrom(() => process.env.TARO_APP_FOIA_TEMPLATE_IDS)

/** asked at the 提交申请 tap itself */
export function askForFoiaMessages(request: (o: { tmplIds: string[] }) => Promise<unknown>): void {
  askForMessages(foiaTemplateIds(), request)
}
