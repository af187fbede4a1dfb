import { api } from '@/api'
import type { ConsultationInput } from '@/contract'

export const createConsultation = (input: ConsultationInput, idempotencyKey: string) =>
  api.call('POST /consultations', { body: input, idempotencyKey })

export const getMyConsultations = () => api.call('GET /consultations/mine')

export const getRegions = () => api.call('GET /regions')
