/**
 * The one way a reply reaches the resident: POST /consultations/:id/reply and the console's
 * 咨询工作台 (a direct reply, or an approved one) both call publishReply. It answers the pending
 * consultation exactly once (idempotent with a key), with the department the resident sees in
 * 我的咨询. Hook what must follow a published reply (我的消息, subscription messages) in here.
 */
import type { Store } from '../../store/store'
import type { ConsultationWrite, Responder } from './types'

export interface PublishReplyInput {
  consultationId: string
  /** who answered, and the department name shown to the resident */
  responder: Responder
  /** trimmed, length- and content-checked by the caller */
  text: string
  idempotencyKey?: string
}

/**
 * undefined for an unknown id; throws StoreConflict('already-answered') for an answered one (a
 * replay of the same key returns the first answer with `replayed`).
 */
export async function publishReply(store: Pick<Store, 'consultations'>, input: PublishReplyInput): Promise<ConsultationWrite | undefined> {
  return store.consultations.replyConsultation(input.consultationId, input.responder, input.text, input.idempotencyKey)
}
