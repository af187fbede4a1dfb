import { api } from '@/api'
import type { Id, LeaderboardScope, QuizProfile } from '@common/contract'

/** personal and live answers skip the read cache: a stale attempt, rank or 错题本 would mislead */
const live = { cache: 'network' as const }

export const getCampaign = (id: Id) => api.call('GET /campaigns/:id', { params: { id } })
/** H5: the campaign as its server-drawn first screen gave it, for the first render (api.embedded) */
export const embeddedCampaign = (id: Id) => api.embedded('GET /campaigns/:id', { params: { id } })
export const getCampaignMe = (id: Id) => api.call('GET /campaigns/:id/me', { params: { id }, ...live })
export const startAttempt = (id: Id, regionCode?: string) =>
  api.call('POST /campaigns/:id/attempts', { params: { id }, body: regionCode ? { regionCode } : {} })
export const getAttempt = (id: Id) => api.call('GET /attempts/:id', { params: { id }, ...live })
export const submitAttempt = (id: Id, answers: Record<Id, string[]>, idempotencyKey: string, timings?: Record<Id, number>) =>
  api.call('POST /attempts/:id/submit', { params: { id }, body: timings ? { answers, timings } : { answers }, idempotencyKey })
export const getLeaderboard = (id: Id, scope: LeaderboardScope) => api.call('GET /campaigns/:id/leaderboard', { params: { id }, query: { scope }, ...live })
export const getQuizProfile = () => api.call('GET /quiz/profile', live)
export const saveQuizProfile = (patch: Partial<QuizProfile>) => api.call('PUT /quiz/profile', { body: patch })
export const getPracticeQuestions = (query: { topic?: string; source?: 'mistakes'; policyId?: string }) =>
  api.call('GET /practice/questions', { query, ...live })
export const answerPractice = (questionId: Id, chosen: string[], idempotencyKey: string) =>
  api.call('POST /practice/answers', { body: { questionId, chosen }, idempotencyKey })
export const getMistakes = () => api.call('GET /mistakes', live)
/** the counties: the names of a campaign's eligible counties (useRegionNames) */
export const getCounties = () => api.call('GET /regions/children')
export const getTopics = () => api.call('GET /topics')
