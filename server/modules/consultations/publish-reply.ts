/**
 * Answering a consultation, as every reply path does it (this module's POST /consultations/:id/reply,
 * and the staff desk's): the reply, the resident's 我的消息 entry and the WeChat outbox row commit
 * in one transaction; after it, the outbox sends. A WeChat failure never loses the reply.
 * Authorisation (role, organisation) and text checks are the caller's.
 */
import type { FastifyInstance } from 'fastify'
import type { ConsultationWrite, Responder } from './types'

export interface PublishReplyInput {
  consultationId: string
  responder: Responder
  /** trimmed, length- and content-checked */
  text: string
  idempotencyKey?: string
}

/** undefined for an unknown id; throws StoreConflict('already-answered' | 'idempotency-key-reused') */
export async function publishReply(app: FastifyInstance, input: PublishReplyInput): Promise<ConsultationWrite | undefined> {
  const result = await app.store.consultations.replyConsultation(input.consultationId, input.responder, input.text, input.idempotencyKey, (trx, answered) =>
    app.messages.consultationAnswered(trx, { id: answered.id, userId: answered.userId, question: answered.question, reply: answered.reply }),
  )
  if (result && !result.replayed) app.messages.afterCommit()
  return result
}
