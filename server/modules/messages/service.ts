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

/** the page a 依申请公开 message opens: the request's detail (its steps, the 补正 form, the 答复书) */
export const FOIA_DETAIL_PAGE = 'packages/foia/pages/detail/index'

/** a step of a resident's 依申请公开 the applicant is told about */
export type FoiaNotice = 'correction' | 'reply' | 'close'

export interface FoiaStepTaken {
  userId: string
  requestId: string
  /** the request's number (YSQ…), which the resident can read out */
  number: string
  /** the body that handles it */
  orgName: string
  notice: FoiaNotice
}

const FOIA_NOTICE_TEXT: Record<FoiaNotice, { title: string; body: string; phrase: string }> = {
  correction: { title: '您的政府信息公开申请需要补正', body: '请打开申请查看补正要求并提交补正，补正收到后重新计算答复期限。', phrase: '待补正' },
  reply: { title: '您的政府信息公开申请已答复', body: '请打开申请查看答复内容，下载答复书。', phrase: '已答复' },
  close: { title: '您的政府信息公开申请已办结', body: '申请已办结，可打开申请查看办理经过和答复书。', phrase: '已办结' },
}

/**
 * 我的消息 for a 依申请公开 step: the number and the handling body only — no name, ID number,
 * phone, nor the wording of the request.
 */
export function foiaMessage(s: FoiaStepTaken): { title: string; body: string } {
  const text = FOIA_NOTICE_TEXT[s.notice]
  return { title: text.title, body: clip(`申请编号${s.number}（${s.orgName}）：${text.body}`, 120) }
}

/**
 * The template's fields (a 办理进度通知 template): character_string1 申请编号, thing2 受理机关,
 * phrase3 办理状态, time4 更新时间.
 */
export function foiaStepData(s: FoiaStepTaken, at: string): Record<string, string> {
  return {
    character_string1: s.number.slice(0, 32),
    thing2: clip(s.orgName, 20),
    phrase3: FOIA_NOTICE_TEXT[s.notice].phrase,
    time4: inShanghai(at).format('YYYY-MM-DD HH:mm'),
  }
}

export interface MessagesService {
  repository: MessageRepository
  /** undefined when WeChat subscription messages for consultations are not configured */
  outbox?: WechatOutbox
  /** the resident's 我的消息 entry and (when configured) WeChat message, in the reply's transaction */
  consultationAnswered(trx: Queryable, consultation: AnsweredConsultation): Promise<void>
  /** 政策找人: the resident's 我的消息 entry and (when WECHAT_POLICY_TEMPLATE_ID is set) WeChat message, in the match's transaction */
  policyMatched(trx: Queryable, match: MatchedPolicy, at: string): Promise<void>
  /** 依申请公开: 补正通知, 答复 or 办结 — the applicant's 我的消息 entry and (when WECHAT_FOIA_TEMPLATE_ID is set) WeChat message, in the step's transaction */
  foiaStepTaken(trx: Queryable, step: FoiaStepTaken, at: string): Promise<void>
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
  const foiaTemplateId = options.wechat?.foiaTemplateId
  const transport = templateId || policyTemplateId || foiaTemplateId ? (options.transport ?? wechatSubscribeTransport(options.wechat!)) : undefined
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
    async foiaStepTaken(trx, s, at) {
      await repository.insert(trx, { userId: s.userId, kind: 'information_request', targetId: s.requestId, ...foiaMessage(s) }, at)
      if (outbox && foiaTemplateId)
        await outbox.enqueue(
          trx,
          { userId: s.userId, templateId: foiaTemplateId, page: `${FOIA_DETAIL_PAGE}?id=${s.requestId}`, data: foiaStepData(s, at) },
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
