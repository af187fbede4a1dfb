/**
 * 知识竞赛 beyond the campaign reads of campaigns.ts: attempts, submit, boards, practice, 错题本 and
 * the quiz settings. Every rule is in server/quiz/ (the service runs it on the store); this file
 * validates, authorises and answers. Nothing a participant receives before submitting names an
 * answer: the response schemas have no field for one. After the submit, the review's key fields are
 * there only for questions no upcoming or running campaign uses (server/modules/contest-integrity).
 */
import { Type } from '@sinclair/typebox'
import { createRiskChecker } from '../contest-integrity/risk-check'
import { recordQuestionTimings } from '../campaign-monitor/timings'
import { bearerSession, requireRole, requireToken } from '../../plugins/auth'
import type { LimitRule } from '../../plugins/rate-limit'
import { WRITE_LIMITS } from '../abuse/limits'
import * as quiz from './service'
import { onAccountsMerged } from '../identity/merged'
import { RedisBoards } from './boards'
import { submitWithSession } from './submit-batch'
import { Leaderboards } from '../../redis/leaderboard'
import { ErrorBody, IdParams } from '../../schemas/common'
import { IdempotencyHeaders } from '../consultations/schemas'
import {
  Attempt,
  AttemptResult,
  AttemptView,
  CampaignMe,
  Leaderboard,
  LeaderboardQuery,
  MistakeGroup,
  PracticeAnswerBody,
  PracticeFeedback,
  PracticeQuery,
  QuizProfile,
  QuizProfilePatch,
  QuizQuestionPublic,
  StartAttemptBody,
  SubmitBody,
} from './schemas'
import type { RoutePlugin } from '../../type-provider'
import type { WechatConfig } from '../../wechat/jscode2session'
import { REPLAYED_HEADER } from '../consultations/routes'

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody }

const messages = {
  regionCode: '请选择所在乡镇（街道）或村（社区）',
  answers: '答案格式不正确',
  chosen: '请选择答案',
  'idempotency-key': 'Idempotency-Key 格式不正确',
}

/**
 * Practice answers: a person answers a few a minute; the per-IP allowance is higher because a
 * village service point or a carrier's shared address puts many residents behind one IP.
 */
export const PRACTICE_LIMITS = {
  perUser: { name: 'practice-answer', max: 60, windowMs: 60_000, per: 'user', message: '练习答题过于频繁' },
  perIp: { name: 'practice-answer-ip', max: 240, windowMs: 60_000, per: 'ip', message: '练习答题过于频繁' },
} as const satisfies Record<string, LimitRule>

export interface QuizRoutesOptions {
  /** with it, a WeChat user's submit is risk-checked (getUserRiskRank) */
  wechat?: WechatConfig
}

const quizRoutes =
  (options: QuizRoutesOptions = {}): RoutePlugin =>
  async (app) => {
    const risk = createRiskChecker({ wechat: options.wechat })
    // REDIS_URL: the boards are served from Redis once synced (boards.ts); the sync starts on ready,
    // in the background, and stops (between pages) before Redis and the store close
    const boards = app.redis ? new RedisBoards(app.store, new Leaderboards(app.redis.client), app.log) : undefined
    if (boards) {
      app.addHook('onReady', async () => {
        void boards.syncAll()
      })
      app.addHook('onClose', () => boards.close())
      // an account merged away leaves the boards; the kept one's standing is put
      const stop = onAccountsMerged(app.store.database, ({ fromId, intoId }) => boards.merged(fromId, intoId))
      app.addHook('onClose', async () => stop())
    }

    app.get(
      '/campaigns/:id/me',
      { schema: { params: IdParams, response: { 200: CampaignMe, ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole() },
      async (request) => quiz.campaignMe(app.store, request.user!, request.params.id),
    )

    app.post(
      '/campaigns/:id/attempts',
      {
        schema: { params: IdParams, headers: IdempotencyHeaders, body: StartAttemptBody, response: { 200: Attempt, 201: Attempt, ...errors } },
        config: { validationMessages: messages },
        onRequest: requireRole(),
        preHandler: [app.limit(WRITE_LIMITS.quizAttemptPerUser), app.limit(WRITE_LIMITS.quizAttemptPerIp)],
      },
      async (request, reply) => {
        const { attempt, resumed } = await quiz.startAttempt(app.store, request.user!, request.params.id, request.body)
        request.log.info({ attemptId: attempt.id, campaignId: attempt.campaignId, resumed }, 'attempt started')
        return reply.code(resumed ? 200 : 201).send(attempt)
      },
    )

    app.get(
      '/attempts/:id',
      { schema: { params: IdParams, response: { 200: AttemptView, ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole() },
      async (request) => quiz.attemptView(app.store, request.user!, request.params.id),
    )

    app.post(
      '/attempts/:id/submit',
      {
        schema: { params: IdParams, headers: IdempotencyHeaders, body: SubmitBody, response: { 200: AttemptResult, ...errors } },
        // the session is read with the submit's first statement (issue 13: one round trip fewer); any signed-in user
        config: { validationMessages: messages, session: 'own' },
        onRequest: requireToken(),
        preHandler: app.limit(WRITE_LIMITS.quizSubmitPerSession),
      },
      async (request, reply) => {
        // the key is validated; the attempt itself records that it was submitted (see submitAttempt)
        const { result, replayed, user } = await submitWithSession(app.store, bearerSession(request)!, request.params.id, request.body.answers, boards)
        request.user = user
        if (replayed) reply.header(REPLAYED_HEADER, 'true')
        // after the commit, bounded to 1.5 s; the outcome stays on the attempt, not in the answer
        else await risk.afterSubmit({ store: app.store, userId: user.id, attemptId: result.attemptId, clientIp: request.ip, log: request.log })
        if (!replayed && request.body.timings) await recordQuestionTimings(app.store, user.id, result.attemptId, request.body.timings)
        return result
      },
    )

    app.get(
      '/campaigns/:id/leaderboard',
      {
        schema: { params: IdParams, querystring: LeaderboardQuery, response: { 200: Leaderboard, ...errors } },
        // public without a session (cached 60 s), private with one: it carries the caller's row
        config: { cache: 'per-user' },
      },
      async (request) => quiz.leaderboard(app.store, request.params.id, request.query.scope ?? 'person', request.user, boards),
    )

    app.get(
      '/quiz/profile',
      { schema: { response: { 200: QuizProfile, ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole() },
      async (request) => quiz.getProfile(app.store, request.user!.id),
    )

    app.put(
      '/quiz/profile',
      {
        schema: { body: QuizProfilePatch, response: { 200: QuizProfile, ...errors } },
        config: { validationMessages: { ...messages, hideName: 'hideName 必须是布尔值' } },
        onRequest: requireRole(),
      },
      async (request) => quiz.saveProfile(app.store, request.user!.id, request.body),
    )

    app.get(
      '/practice/questions',
      {
        schema: { querystring: PracticeQuery, response: { 200: Type.Array(QuizQuestionPublic), ...errors } },
        config: { cache: 'no-store' },
        onRequest: requireRole(),
      },
      async (request) => quiz.practiceQuestions(app.store, request.user!, request.query),
    )

    app.post(
      '/practice/answers',
      {
        schema: { headers: IdempotencyHeaders, body: PracticeAnswerBody, response: { 200: PracticeFeedback, ...errors } },
        config: { validationMessages: messages },
        onRequest: requireRole(),
        preHandler: [app.limit(PRACTICE_LIMITS.perUser), app.limit(PRACTICE_LIMITS.perIp)],
      },
      async (request) => quiz.answerPractice(app.store, request.user!, request.body.questionId, request.body.chosen, request.headers['idempotency-key']),
    )

    app.get(
      '/mistakes',
      { schema: { response: { 200: Type.Array(MistakeGroup), ...errors } }, config: { cache: 'no-store' }, onRequest: requireRole() },
      async (request) => quiz.mistakeBook(app.store, request.user!),
    )
  }

export default quizRoutes
