import type { FactName, Situation } from '@common/eligibility'
import { api } from '@/api'

export const evaluatePolicies = (situation: Situation, skipped: FactName[]) => api.call('POST /policy-match/evaluate', { body: { situation, skipped } })

export const getMySituation = () => api.call('GET /me/situation')

export const saveMySituation = (situation: Situation) => api.call('PUT /me/situation', { body: { consent: true, situation } })

export const deleteMySituation = () => api.call('DELETE /me/situation')

export const getRegions = () => api.call('GET /regions')
