/**
 * Quiz schemas. Response schemas double as a filter: Fastify's serializer writes only the listed
 * fields, so a question before submission can't carry an answer or explanation even by mistake.
 */
import { Type } from '@sinclair/typebox'
import { StringEnum } from '../../schemas/common'

const Option = Type.Object({ key: Type.String(), text: Type.String() })
const QuestionType = StringEnum(['single', 'multiple', 'judge'] as const)

/** a question before submission: id, type, stem, options, topic — nothing else */
export const QuizQuestionPublic = Type.Object({
  id: Type.String(),
  type: QuestionType,
  stem: Type.String(),
  options: Type.Array(Option),
  topic: Type.String(),
})

export const Attempt = Type.Object({
  id: Type.String(),
  campaignId: Type.String(),
  startedAt: Type.String(),
  deadline: Type.String(),
  questions: Type.Array(QuizQuestionPublic),
  secondsPerQuestion: Type.Integer(),
  graceSec: Type.Integer(),
  status: StringEnum(['active', 'submitted', 'expired'] as const),
  serverNow: Type.String(),
})

/**
 * A question of a submitted attempt. `correct`, `explanation` and `interpretationId` are there only
 * when the key may be shown (no upcoming or running campaign uses the question): the service builds a
 * withheld item from an allowlist of the other fields (server/quiz/service.ts `outcomeOnly`).
 */
export const QuizQuestionReview = Type.Object({
  id: Type.String(),
  type: QuestionType,
  stem: Type.String(),
  options: Type.Array(Option),
  topic: Type.String(),
  chosen: Type.Array(Type.String()),
  isCorrect: Type.Boolean(),
  correct: Type.Optional(Type.Array(Type.String())),
  explanation: Type.Optional(Type.String()),
  interpretationId: Type.Optional(Type.String()),
})

export const AttemptResult = Type.Object({
  attemptId: Type.String(),
  campaignId: Type.String(),
  score: Type.Integer(),
  maxScore: Type.Integer(),
  correctCount: Type.Integer(),
  total: Type.Integer(),
  timeUsedSec: Type.Number(),
  submittedAt: Type.String(),
  rank: Type.Optional(Type.Integer()),
  countedScore: Type.Optional(Type.Integer()),
  review: Type.Array(QuizQuestionReview),
  keyWithheld: Type.Optional(Type.Object({ questions: Type.Integer(), until: Type.Optional(Type.String()) })),
})

export const AttemptView = Type.Object({ attempt: Attempt, result: Type.Optional(AttemptResult) })

export const CampaignMe = Type.Object({
  attemptsToday: Type.Integer(),
  attemptsLeftToday: Type.Integer(),
  activeAttemptId: Type.Optional(Type.String()),
  counted: Type.Optional(Type.Object({ score: Type.Integer(), timeUsedSec: Type.Number(), attemptId: Type.String() })),
  rank: Type.Optional(Type.Integer()),
  regionCode: Type.Optional(Type.String()),
})

/** a township (9 digits) or village (12 digits) code */
const RegionCode = Type.String({ pattern: '^\\d{9}(\\d{3})?$' })

export const StartAttemptBody = Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false })

/** question id → chosen display keys; bounded so a huge body is refused before any work */
export const SubmitBody = Type.Object(
  {
    answers: Type.Record(Type.String({ maxLength: 64 }), Type.Array(Type.String({ minLength: 1, maxLength: 2 }), { maxItems: 8 }), {
      maxProperties: 100,
    }),
    /** question id → ms the participant took on it (client-measured; for the console's suspicious checks) */
    timings: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.Integer({ minimum: 0, maximum: 3_600_000 }), { maxProperties: 100 })),
  },
  { additionalProperties: false },
)

export const LeaderboardScope = StringEnum(['person', 'county', 'township'] as const)
export const LeaderboardQuery = Type.Object({ scope: Type.Optional(LeaderboardScope) })

const LeaderboardRow = Type.Object({
  rank: Type.Integer(),
  name: Type.String(),
  regionCode: Type.Optional(Type.String()),
  score: Type.Number(),
  timeUsedSec: Type.Optional(Type.Number()),
  participants: Type.Optional(Type.Integer()),
  residents: Type.Optional(Type.Integer()),
  participationPer10k: Type.Optional(Type.Number()),
  averageScore: Type.Optional(Type.Number()),
  regionName: Type.Optional(Type.String()),
  isMe: Type.Optional(Type.Boolean()),
  tied: Type.Optional(Type.Boolean()),
})

export const Leaderboard = Type.Object({
  scope: LeaderboardScope,
  rows: Type.Array(LeaderboardRow),
  mine: Type.Optional(LeaderboardRow),
  total: Type.Integer(),
  regions: Type.Optional(Type.Integer()),
})

export const QuizProfile = Type.Object({ regionCode: Type.Optional(Type.String()), hideName: Type.Boolean() })
export const QuizProfilePatch = Type.Object({ regionCode: Type.Optional(RegionCode), hideName: Type.Optional(Type.Boolean()) }, { additionalProperties: false })

export const PracticeQuery = Type.Object({
  topic: Type.Optional(Type.String({ maxLength: 64 })),
  source: Type.Optional(StringEnum(['mistakes'] as const)),
  policyId: Type.Optional(Type.String({ maxLength: 64 })),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
})

export const PracticeAnswerBody = Type.Object(
  {
    questionId: Type.String({ minLength: 1, maxLength: 64 }),
    chosen: Type.Array(Type.String({ minLength: 1, maxLength: 2 }), { minItems: 1, maxItems: 8 }),
  },
  { additionalProperties: false },
)

export const PracticeFeedback = Type.Object({
  questionId: Type.String(),
  isCorrect: Type.Boolean(),
  correct: Type.Array(Type.String()),
  explanation: Type.String(),
  interpretationId: Type.Optional(Type.String()),
  mistake: Type.Object({ inBook: Type.Boolean(), streak: Type.Integer(), removed: Type.Boolean() }),
})

export const MistakeGroup = Type.Object({
  policyId: Type.Optional(Type.String()),
  policyTitle: Type.String(),
  items: Type.Array(
    Type.Object({
      question: QuizQuestionPublic,
      wrongCount: Type.Integer(),
      streak: Type.Integer(),
      lastWrongAt: Type.String(),
      locked: Type.Optional(Type.Object({ until: Type.Optional(Type.String()) })),
    }),
  ),
})
