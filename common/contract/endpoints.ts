/**
 * The endpoints of the content API v1 (prefix /api/v1), as types: path → query/body → response.
 * The paths are the agreement between client, server, tests and benchmarks: add, don't rename.
 */
import type { FoiaApplicationInput, FoiaBody, InformationRequest, InformationRequestDetail } from './information-requests'
import type {
  Consultation,
  ConsultationForResponder,
  ConsultationStatus,
  Course,
  CourseSummary,
  Faq,
  Id,
  Interpretation,
  InterpretationSummary,
  LessonProgress,
  Policy,
  PolicySummary,
  QaSearchResult,
  Region,
  RegionEntry,
  RegionLevel,
  Role,
  Session,
  SessionInfo,
  StaffAccount,
  StaffAccountInput,
  StaffAccountQuery,
  AuditEntry,
  AuditQuery,
  Topic,
  User,
  Video,
} from './entities'
import type { EditorialCheck, FieldErrors } from './admin'
import type { LectureEndpoints } from './lectures'
import type { Page, PageQuery } from './paging'

export * from './paging'
import type { CampaignSummary, QuizEndpoints } from './quiz'

export const API_PREFIX = '/api/v1'

export type ErrorCode = 'bad_request' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited' | 'unavailable' | 'internal'

export interface ApiErrorBody {
  /** fields: per-field messages of a refused console write; checks: the findings that stopped a 送审 */
  error: { code: ErrorCode; message: string; fields?: FieldErrors; checks?: EditorialCheck[] }
}

export interface PolicyQuery extends PageQuery {
  q?: string
  topic?: string
  dept?: string
}

export interface InterpretationQuery extends PageQuery {
  policyId?: string
  topic?: string
}

export interface VideoQuery extends PageQuery {
  topic?: string
}

export interface ConsultationInput {
  topic: string
  question: string
  regionCode: string
  phone?: string
}

export interface ConsultationQuery extends PageQuery {
  status?: ConsultationStatus
}

/** a 首页公益广告 as residents get it (GET /banners): published and showing today */
export interface Banner {
  id: Id
  title: string
  image: string
  /** what the picture shows, for screen readers */
  alt: string
  /** an in-app path (/pages/…, /packages/…) or an https link */
  link: string
}

export interface Home {
  featured: InterpretationSummary[]
  topics: Topic[]
  latestPolicies: PolicySummary[]
  campaigns: CampaignSummary[]
  /** the banners showing today, in order (absent from servers that predate them) */
  banners?: Banner[]
}

/** Every endpoint: the common ones here, each workflow's in its own file. */
export interface Endpoints extends LectureEndpoints, QuizEndpoints {
  'GET /health': { res: { ok: true } }
  'GET /home': { res: Home }
  'GET /banners': { res: Banner[] }
  'GET /topics': { res: Topic[] }
  'GET /departments': { res: string[] }
  'GET /regions': { res: Region[] }
  /** the counties (no parent) or the regions directly under `parent`: one level at a time, for the weapp */
  'GET /regions/children': { query: { parent?: string }; res: RegionEntry[] }
  /** regions whose name holds `q` (or whose code starts with it), best first */
  'GET /regions/search': { query: { q: string; level?: RegionLevel; limit?: number }; res: RegionEntry[] }
  'GET /regions/:code': { res: RegionEntry }
  'GET /policies': { query: PolicyQuery; res: Page<PolicySummary> }
  'GET /policies/:id': { res: Policy }
  'GET /policies/:id/related': { res: PolicyRelated }
  'GET /interpretations': { query: InterpretationQuery; res: Page<InterpretationSummary> }
  'GET /interpretations/:id': { res: Interpretation }
  /** `suggest`: a type-ahead request, not a question asked (问答缺口 logs only asked ones) */
  'GET /qa/search': { query: { q: string; limit?: number; suggest?: boolean }; res: QaSearchResult }
  'GET /faqs/:id': { res: Faq }
  'POST /consultations': { body: ConsultationInput; res: Consultation }
  'GET /consultations/mine': { res: Consultation[] }
  /** 依申请公开 (issue 20): the bodies one may apply to, applying, 我的申请, one's own, 补正 */
  'GET /information-requests/bodies': { res: FoiaBody[] }
  'POST /information-requests': { body: FoiaApplicationInput; res: InformationRequestDetail }
  'GET /information-requests/mine': { query: { page?: number; pageSize?: number }; res: Page<InformationRequest> }
  'GET /information-requests/:id': { res: InformationRequestDetail }
  'POST /information-requests/:id/correction': { body: { text: string }; res: InformationRequestDetail }
  'POST /consultations/:id/reply': { body: { text: string }; res: Consultation }
  /** responder and admin only, newest first; `phone` in full for calling back */
  'GET /consultations': { query: ConsultationQuery; res: Page<ConsultationForResponder> }
  'GET /videos': { query: VideoQuery; res: Page<Video> }
  'GET /videos/:id': { res: Video }
  'POST /videos/:id/views': { res: { views: number; counted: boolean } }
  'GET /videos/:id/like': { res: { likes: number; liked: boolean } }
  'PUT /videos/:id/like': { body: { liked: boolean }; res: { likes: number; liked: boolean } }
  'GET /courses': { res: CourseSummary[] }
  'GET /courses/:id': { res: Course & { progress: LessonProgress[] } }
  'PUT /courses/:id/progress': { body: { lessonId: Id; positionSec: number }; res: LessonProgress }
  'POST /auth/wechat': { body: { code: string }; res: Session }
  'POST /auth/dev': { body: DevLoginBody; res: Session }
  /** the signed-in user (401 without a valid session): lets the client check a stored token */
  'GET /auth/me': { res: User }
  /** staff accounts: username + password; 401 「用户名或密码不正确」, 429 while locked */
  'POST /auth/password': { body: { username: string; password: string }; res: Session }
  /** revokes the session the request came with */
  'POST /auth/logout': { res: { ok: true } }
  'GET /auth/sessions': { res: SessionInfo[] }
  /** revokes one of the caller's own sessions (404 for anyone else's) */
  'DELETE /auth/sessions/:id': { res: { ok: true } }
  /** password accounts: checks the current password and signs out every other session */
  'POST /auth/password/change': { body: { current: string; next: string }; res: { ok: true } }
  /** admins: accounts of their organisation and below */
  'GET /admin/accounts': { query: StaffAccountQuery; res: Page<StaffAccount> }
  'POST /admin/accounts': { body: StaffAccountInput; res: StaffAccount }
  'POST /admin/accounts/:id/disable': { res: StaffAccount }
  'POST /admin/accounts/:id/enable': { res: StaffAccount }
  'POST /admin/accounts/:id/reset-password': { body: { password: string }; res: StaffAccount }
  /** admins: entries whose actor belongs to their organisation or below, newest first */
  'GET /admin/audit': { query: AuditQuery; res: Page<AuditEntry> }
  /** what the app shows whoever calls: the 演示模式 banner while dev login is on */
  'GET /app-config': { res: AppConfig }
}

export type EndpointKey = keyof Endpoints

/** POST /auth/dev (local demo only): `org` is the region code of the account's organisation (331000 市, 331002 椒江区 …) */
export interface DevLoginBody {
  role: Role
  name?: string
  org?: string
}

/** GET /app-config: the same for every caller, cacheable */
export interface AppConfig {
  /** dev login is on: anyone can sign in as anyone; the app shows a 演示模式 banner */
  demo: boolean
  /** 提前预约: a lecture order's first wished date is at least this many days after today */
  lectureLeadDays: number
}

/** what a policy page links besides its interpretations: its videos and FAQs (titles only) */
export interface PolicyRelated {
  videos: { id: string; title: string; durationSec: number; poster: string }[]
  faqs: { id: string; question: string }[]
}
