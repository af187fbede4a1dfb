/**
 * The content store: everything the API reads, and the users and sessions it writes.
 * Two implementations share this contract and one test suite (test/api/store.test.ts):
 * `memory.ts` (mock mode, fast tests) and `sqlite/index.ts` (the default).
 * Quiz answers are loaded by both but no method of the read side returns them.
 */
import type {
  Campaign,
  CampaignStatus,
  CampaignSummary,
  Course,
  CourseSummary,
  Faq,
  Home,
  Interpretation,
  InterpretationSummary,
  LectureTopic,
  Page,
  Policy,
  PolicySummary,
  Region,
  Role,
  Session,
  Topic,
  User,
  Video,
} from '../../src/contract'

export interface PageRequest {
  page: number
  pageSize: number
}

export interface PolicySearch extends PageRequest {
  /** free text; whitespace-separated terms must all match title, 文号, summary or section text */
  q?: string
  topic?: string
  /** department name, exactly as in /departments */
  dept?: string
}

export interface InterpretationSearch extends PageRequest {
  policyId?: string
  topic?: string
  featured?: boolean
}

export interface VideoSearch extends PageRequest {
  topic?: string
}

export type AuthProvider = 'wechat' | 'dev'

export interface UserInput {
  provider: AuthProvider
  /** openid for wechat, `${role}:${name}` for dev logins */
  externalId: string
  nickname: string
  role: Role
  regionCode?: string
}

export interface SessionInput {
  userId: string
  /** WeChat session_key: stays in the store, never leaves the server */
  sessionKey?: string
}

export interface Store {
  readonly kind: 'memory' | 'sqlite'

  listTopics(): Topic[]
  listDepartments(): string[]
  regionTree(): Region[]

  searchPolicies(query: PolicySearch): Page<PolicySummary>
  getPolicy(id: string): Policy | undefined

  listInterpretations(query: InterpretationSearch): Page<InterpretationSummary>
  getInterpretation(id: string): Interpretation | undefined

  getFaq(id: string): Faq | undefined

  listVideos(query: VideoSearch): Page<Video>
  getVideo(id: string): Video | undefined

  listCourses(): CourseSummary[]
  getCourse(id: string): Course | undefined

  listLectureTopics(filter?: { topic?: string }): LectureTopic[]

  /** status is derived from startsAt/endsAt against the store's clock */
  listCampaigns(filter?: { status?: CampaignStatus }): CampaignSummary[]
  getCampaign(id: string): Campaign | undefined

  home(): Home

  upsertUser(input: UserInput): User
  getUser(id: string): User | undefined
  createSession(input: SessionInput): Session
  /** undefined when the token is unknown or expired */
  getSession(token: string): Session | undefined

  close(): void
}

export interface StoreOptions {
  /** the clock for campaign status and session expiry; tests pin it */
  now?: () => Date
}
