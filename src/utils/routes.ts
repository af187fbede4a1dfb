/** Every page path in one place; pages and features navigate through these. */
import { RESIDENT_SIGN_IN_PATH } from '@common/contract'

const qs = (params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
  return parts.length ? `?${parts.join('&')}` : ''
}

export const routes = {
  home: '/pages/index/index',
  interpretations: '/pages/interpretations/index',
  videos: '/pages/videos/index',
  quiz: '/pages/quiz/index',
  mine: '/pages/mine/index',
  policyList: (p: { q?: string; topic?: string; dept?: string } = {}) => `/packages/policy/pages/list/index${qs(p)}`,
  policyDetail: (id: string) => `/packages/policy/pages/detail/index${qs({ id })}`,
  /** 我能享受哪些政策 */
  policyMatch: '/packages/policy/pages/match/index',
  /** 我的情况 (政策找人) */
  mySituation: '/packages/policy/pages/situation/index',
  interpretationDetail: (id: string) => `/packages/interpretation/pages/detail/index${qs({ id })}`,
  /** 一站搜索: `type` opens one type's tab */
  search: (p: { q?: string; type?: string } = {}) => `/packages/search/pages/results/index${qs(p)}`,
  qa: (q?: string) => `/packages/qa/pages/ask/index${qs({ q })}`,
  consult: (p: { q?: string; topic?: string } = {}) => `/packages/qa/pages/consult/index${qs(p)}`,
  myConsultations: '/packages/qa/pages/mine/index',
  /** 依申请公开: the application form, 我的申请 and one application */
  foiaApply: '/packages/foia/pages/apply/index',
  foiaMine: '/packages/foia/pages/mine/index',
  foiaDetail: (id: string) => `/packages/foia/pages/detail/index${qs({ id })}`,
  messages: '/packages/messages/pages/inbox/index',
  videoFeed: (id: string, topic?: string) => `/packages/video/pages/feed/index${qs({ id, topic })}`,
  videoPlay: (id: string) => `/packages/video/pages/play/index${qs({ id })}`,
  courses: '/packages/course/pages/list/index',
  courseDetail: (id: string) => `/packages/course/pages/detail/index${qs({ id })}`,
  lesson: (course: string, lesson: string) => `/packages/course/pages/lesson/index${qs({ course, lesson })}`,
  /** 我的收藏 (policies, interpretations, videos; on the account) */
  favourites: '/packages/favourites/pages/list/index',
  /** 阅读记录 (on the device); 'favourites' goes on to 我的收藏 */
  reading: (tab: 'favourites' | 'history') => `/packages/interpretation/pages/reading/index${qs({ tab })}`,
  /** 明白卡 poster of an interpretation, for notice boards */
  poster: (id: string) => `/packages/interpretation/pages/poster/index${qs({ id })}`,
  /** 便民服务点: bind this device to a village */
  servicePoint: '/packages/service-point/pages/bind/index',
  quizDetail: (id: string) => `/packages/quiz/pages/detail/index${qs({ id })}`,
  quizAttempt: (id: string) => `/packages/quiz/pages/attempt/index${qs({ id })}`,
  quizResult: (id: string) => `/packages/quiz/pages/result/index${qs({ id })}`,
  quizLeaderboard: (id: string, scope?: string) => `/packages/quiz/pages/leaderboard/index${qs({ id, scope })}`,
  quizPractice: (p: { topic?: string; source?: 'mistakes'; policyId?: string } = {}) => `/packages/quiz/pages/practice/index${qs(p)}`,
  quizMistakes: '/packages/quiz/pages/mistakes/index',
  /** residents' sign-in (手机号 on H5, 微信 in the mini-program); `redirect`: the page to go back to */
  signIn: (redirect?: string) => `${RESIDENT_SIGN_IN_PATH}${qs({ redirect })}`,
}

/** 宣讲点单 (packages/lecture) */
export const lectureRoutes = {
  menu: (topic?: string) => `/packages/lecture/pages/menu/index${qs({ topic })}`,
  order: (topic?: string) => `/packages/lecture/pages/order/index${qs({ topic })}`,
  detail: (id: string) => `/packages/lecture/pages/detail/index${qs({ id })}`,
  mine: '/packages/lecture/pages/mine/index',
  dispatch: '/packages/lecture/pages/dispatch/index',
  lecturer: '/packages/lecture/pages/lecturer/index',
  signIn: (p: { id?: string; code?: string } = {}) => `/packages/lecture/pages/sign-in/index${qs(p)}`,
  calendar: '/packages/lecture/pages/calendar/index',
  messages: '/packages/lecture/pages/messages/index',
  privacy: '/packages/lecture/pages/privacy/index',
}

export const tabRoutes = [routes.home, routes.interpretations, routes.videos, routes.quiz, routes.mine]

/** 工作人员 (packages/staff): sign-in with username and password, 登录设备, 修改密码 */
export const staffRoutes = {
  login: '/packages/staff/pages/login/index',
  sessions: '/packages/staff/pages/sessions/index',
  password: '/packages/staff/pages/password/index',
}
