import { api, outbox } from '@/api'
import type { ConsultationInput, ReplyRatingInput } from '@common/contract'

/** through the outbox: sent now, or kept with its key and sent exactly once when the network is back */
export const submitConsultation = (input: ConsultationInput, idempotencyKey: string) =>
  outbox.submit('POST /consultations', {
    body: input,
    idempotencyKey,
    label: `咨询：${input.question.length > 24 ? `${input.question.slice(0, 24)}…` : input.question}`,
  })

export const getMyConsultations = () => api.call('GET /consultations/mine')

/** the resident's one rating of a reply; repeating the same rating is answered with the stored one */
export const rateReply = (id: string, input: ReplyRatingInput) => api.call('POST /consultations/:id/rating', { params: { id }, body: input })
