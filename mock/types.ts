/**
 * The shape of the seed data in mock/fixtures. The server loads it into its store (memory or
 * SQLite); component tests stub the ApiClient with it. Only the server ever reads `answer` and
 * `explanation` of a quiz question.
 */
import type { EligibilityRule } from '../common/eligibility'
import type { Campaign, Course, Faq, Interpretation, LectureTopic, Policy, QuizQuestionPublic, Region, Topic, Video } from '../common/contract'

export interface QuizQuestionSeed extends QuizQuestionPublic {
  campaignIds: string[]
  /** keys of the correct options */
  answer: string[]
  explanation: string
  interpretationId?: string
}

export interface Fixtures {
  topics: Topic[]
  regions: Region[]
  policies: Policy[]
  interpretations: Interpretation[]
  faqs: Faq[]
  videos: Video[]
  courses: Course[]
  lectureTopics: LectureTopic[]
  /** status is derived from startsAt/endsAt at read time; the seeded value is ignored */
  campaigns: Campaign[]
  questions: QuizQuestionSeed[]
  /** 常住人口 by county/township code, for the quiz's per-capita boards (missing ones are derived) */
  residents?: Record<string, number>
  /** 政策找人: eligibility rules by policy id */
  eligibility?: Record<string, EligibilityRule>
}
