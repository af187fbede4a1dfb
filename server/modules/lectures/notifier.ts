/**
 * Sends the orderer a WeChat subscription message for each status change, after the change is
 * stored (the notification row is written in the same transaction, as 'pending' or 'not_sent'),
 * and records how it went. Without WECHAT_APPID/SECRET and WECHAT_LECTURE_TEMPLATE_ID, or for an
 * orderer who did not sign in with WeChat, nothing is sent and the row says 'not_sent'.
 */
import type { FastifyBaseLogger } from 'fastify'
import { type LectureNotification, lectureStatusLabel, type NotificationDelivery } from '../../../common/contract'
import { inShanghai } from '../../../common/shanghai-date'
import { AccessTokenCache } from '../../wechat/access-token'
import type { WechatConfig } from '../../wechat/jscode2session'
import { sendLectureStatus } from '../../wechat/subscribe-message'
import type { LectureRepository } from './repository'

export const LECTURE_DETAIL_PAGE = 'packages/lecture/pages/detail/index'

/** where the notifier records deliveries, and how it finds an orderer's WeChat openid */
export interface LectureNotifierDeps {
  lectures: Pick<LectureRepository, 'setNotificationDelivery'>
  wechatOpenid(userId: string): string | undefined | Promise<string | undefined>
}

export interface LectureNotifier {
  /** the state a new notification for this orderer starts in */
  initialState(ordererId: string): Promise<NotificationDelivery>
  /** sends a 'pending' notification; never throws */
  deliver(notification: LectureNotification, ordererId: string, topicTitle: string, log: FastifyBaseLogger): Promise<void>
  /** resolves when every send under way has finished */
  settle(): Promise<void>
}

export function createLectureNotifier(deps: LectureNotifierDeps, wechat?: WechatConfig): LectureNotifier {
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
    await deps.lectures.setNotificationDelivery(n.id, result)
  }

  return {
    async initialState(ordererId) {
      return tokens && (await deps.wechatOpenid(ordererId)) ? 'pending' : 'not_sent'
    },
    deliver(n, ordererId, topicTitle, log) {
      if (n.wechat !== 'pending' || !tokens) return Promise.resolve()
      const p = (async () => {
        const openid = await deps.wechatOpenid(ordererId)
        if (openid) await send(n, openid, topicTitle, log)
      })()
        .catch((err: unknown) =>
          log.warn({ notificationId: n.id, err: err instanceof Error ? err.message : String(err) }, 'lecture subscription message failed'),
        )
        .finally(() => pending.delete(p))
      pending.add(p)
      return p
    },
    async settle() {
      await Promise.allSettled([...pending])
    },
  }
}
