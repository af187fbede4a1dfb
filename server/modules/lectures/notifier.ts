/**
 * Sends the orderer a WeChat subscription message for each status change, after the change is
 * stored (the notification row is written in the same transaction, as 'pending' or 'not_sent'),
 * and records how it went. Without WECHAT_APPID/SECRET and WECHAT_LECTURE_TEMPLATE_ID, or for an
 * orderer who did not sign in with WeChat, nothing is sent and the row says 'not_sent'.
 */
import type { FastifyBaseLogger } from 'fastify'
import { type LectureNotification, lectureStatusLabel, type NotificationDelivery } from '../../../common/contract'
import { inShanghai } from '../../../common/shanghai-date'
import type { Store } from '../../store/store'
import { AccessTokenCache } from '../../wechat/access-token'
import type { WechatConfig } from '../../wechat/jscode2session'
import { sendLectureStatus } from '../../wechat/subscribe-message'

export const LECTURE_DETAIL_PAGE = 'packages/lecture/pages/detail/index'

export interface LectureNotifier {
  /** the state a new notification for this orderer starts in */
  initialState(ordererId: string): NotificationDelivery
  /** sends a 'pending' notification; never throws */
  deliver(notification: LectureNotification, ordererId: string, topicTitle: string, log: FastifyBaseLogger): Promise<void>
  /** resolves when every send under way has finished */
  settle(): Promise<void>
}

export function createLectureNotifier(store: Store, wechat?: WechatConfig): LectureNotifier {
  const templateId = wechat?.lectureTemplateId
  const tokens = wechat && templateId ? new AccessTokenCache(wechat) : undefined
  const pending = new Set<Promise<void>>()

  async function send(n: LectureNotification, openid: string, topicTitle: string, log: FastifyBaseLogger) {
    let result: NotificationDelivery
    try {
      result = await sendLectureStatus(wechat!, tokens!, templateId!, {
        openid,
        topicTitle,
        statusLabel: lectureStatusLabel[n.status],
        note: n.title,
        time: inShanghai(n.createdAt).format('YYYY-MM-DD HH:mm'),
        page: `${LECTURE_DETAIL_PAGE}?id=${n.orderId}`,
      })
    } catch (err) {
      // the message is safe to log: a path and an errcode, no token, no body
      log.warn({ notificationId: n.id, err: err instanceof Error ? err.message : String(err) }, 'lecture subscription message failed')
      result = 'failed'
    }
    store.lectures.setNotificationDelivery(n.id, result)
  }

  return {
    initialState(ordererId) {
      return tokens && store.wechatOpenid(ordererId) ? 'pending' : 'not_sent'
    },
    deliver(n, ordererId, topicTitle, log) {
      const openid = store.wechatOpenid(ordererId)
      if (n.wechat !== 'pending' || !tokens || !openid) return Promise.resolve()
      const p = send(n, openid, topicTitle, log).finally(() => pending.delete(p))
      pending.add(p)
      return p
    },
    async settle() {
      await Promise.allSettled([...pending])
    },
  }
}
