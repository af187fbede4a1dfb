/**
 * The messages service on the API's instance (`api.messages`): the 我的消息 repository and, when
 * WECHAT_APPID/SECRET and WECHAT_CONSULTATION_TEMPLATE_ID are set, the WeChat outbox and its timer.
 * `consultationAnswered` is called inside the reply's transaction (see consultations/publish-reply).
 */
import type { FastifyInstance } from 'fastify'
import { inShanghai } from '../../../common/shanghai-date'
import type { WechatConfig } from '../../wechat/jscode2session'
import { clip } from '../../wechat/subscribe-message'
import type { Queryable } from '../idempotency'
import { WechatOutbox } from './outbox'
import { MessageRepository } from './repository'
import { type SubscribeTransport, wechatSubscribeTransport } from './wechat-sender'

/** the page a consultation's message opens (我的咨询, scrolled to it) */
export const MY_CONSULTATIONS_PAGE = 'packages/qa/pages/mine/index'

export interface AnsweredConsultation {
  id: string
  userId: string
  question: string
  reply: { department: string; repliedAt: string }
}

/** the policy page a 政策找人 message opens */
export const POLICY_PAGE = 'packages/policy/pages/detail/index'

export interface MatchedPolicy {
  userId: string
  policyId: string
  policyTitle: string
  /** one plain sentence: what the resident may have and how */
  body: string
}

export interface MessagesService {
  repository: MessageRepository
  /** undefined when WeChat subscription messages for consultations are not configured */
  outbox?: WechatOutbox
  /** the resident's 我的消息 entry and (when configured) WeChat message, in the reply's transaction */
  consultationAnswered(trx: Queryable, consultation: AnsweredConsultation): Promise<void>
  /** 政策找人: the resident's 我的消息 entry and (when WECHAT_POLICY_TEMPLATE_ID is set) WeChat message, in the match's transaction */
  policyMatched(trx: Queryable, match: MatchedPolicy, at: string): Promise<void>
  /** after the transaction committed: send what is due now */
  afterCommit(): void
}

declare module 'fastify' {
  interface FastifyInstance {
    messages: MessagesService
  }
}

export interface MessagesOptions {
  wechat?: WechatConfig
  /** tests: instead of api.weixin.qq.com */
  transport?: SubscribeTransport
}

/**
 * The template's fields, as set up in the mini-program's 订阅消息 console (a 咨询回复通知 template):
 * thing1 咨询内容, thing2 答复部门, time3 答复时间, phrase4 处理状态.
 */
export function consultationReplyData(c: AnsweredConsultation): Record<string, string> {
  return {
    thing1: clip(c.question, 20),
    thing2: clip(c.reply.department, 20),
    time3: inShanghai(c.reply.repliedAt).format('YYYY-MM-DD HH:mm'),
    phrase4: '已答复',
  }
}

export function createMessagesService(api: FastifyInstance, options: MessagesOptions = {}): MessagesService {
  const repository = new MessageRepository(api.store.database, api.store.now)
  const templateId = options.wechat?.consultationTemplateId
  const policyTemplateId = options.wechat?.policyTemplateId
  const transport = templateId || policyTemplateId ? (options.transport ?? wechatSubscribeTransport(options.wechat!)) : undefined
  const outbox = transport
    ? new WechatOutbox({
        db: api.store.database,
        now: api.store.now,
        transport,
        wechatOpenid: async (userId) => api.store.auth.wechatOpenid(userId),
        log: api.log,
      })
    : undefined
  return {
    repository,
    outbox,
    async consultationAnswered(trx, c) {
      await repository.insert(
        trx,
        { userId: c.userId, kind: 'consultation_reply', targetId: c.id, title: `您的咨询已由${c.reply.department}答复`, body: clip(c.question, 60) },
        c.reply.repliedAt,
      )
      if (outbox && templateId)
        await outbox.enqueue(
          trx,
          { userId: c.userId, templateId: templateId!, page: `${MY_CONSULTATIONS_PAGE}?id=${c.id}`, data: consultationReplyData(c) },
          c.reply.repliedAt,
        )
    },
    async policyMatched(trx, m, at) {
      await repository.insert(
        trx,
        { userId: m.userId, kind: 'policy_match', targetId: m.policyId, title: clip(m.policyTitle, 60), body: clip(m.body, 120) },
        at,
      )
      if (outbox && policyTemplateId)
        await outbox.enqueue(
          trx,
          {
            userId: m.userId,
            templateId: policyTemplateId,
            page: `${POLICY_PAGE}?id=${m.policyId}`,
            data: {
              thing1: clip(m.policyTitle, 20),
              thing2: clip('根据您填写的情况，这项政策可能适合您', 20),
              time3: inShanghai(at).format('YYYY-MM-DD HH:mm'),
            },
          },
          at,
        )
    },
    afterCommit() {
      outbox?.kick()
    },
  }
}

/** on the API's instance, before the routes that reply to consultations */
export function setupMessages(api: FastifyInstance, options: MessagesOptions = {}): void {
  const service = createMessagesService(api, options)
  api.decorate('messages', service)
  if (service.outbox) {
    service.outbox.start()
    const outbox = service.outbox
    api.addHook('onClose', async () => outbox.stop())
  }
}
