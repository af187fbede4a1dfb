/**
 * The abuse limits on writes (issue 12), one table so they are read and changed in one place.
 * Each is an `app.limit` rule: per user (the IP when anonymous) and per IP, so one account cannot
 * flood, and neither can many accounts from one address; the per-IP figures leave room for a
 * 便民服务点 or a village network where many residents share one address. Sign-in, SMS and
 * practice answers have their own rules beside their routes.
 */
import type { LimitRule } from '../../plugins/rate-limit'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export const WRITE_LIMITS = {
  consultationPerUserHour: { name: 'consultation-user-hour', max: 5, windowMs: HOUR, per: 'user', message: '咨询提交过于频繁，每小时最多 5 条' },
  consultationPerUserDay: { name: 'consultation-user-day', max: 20, windowMs: DAY, per: 'user', message: '今天的咨询已达 20 条上限' },
  consultationPerIp: { name: 'consultation-ip', max: 30, windowMs: HOUR, per: 'ip', message: '该网络提交咨询过于频繁' },

  lectureOrderPerUser: { name: 'lecture-order-user', max: 5, windowMs: DAY, per: 'user', message: '今天的宣讲点单已达 5 单上限' },
  lectureOrderPerIp: { name: 'lecture-order-ip', max: 20, windowMs: DAY, per: 'ip', message: '该网络今天的宣讲点单过多' },

  // besides the per-user counts of wrong codes in the database (server/modules/lectures/sign-in.ts): a room of attendees
  // behind one address signs in within minutes, one person needs a few tries at most
  lectureSignInPerUser: { name: 'lecture-sign-in-user', max: 20, windowMs: 10 * MINUTE, per: 'user', message: '签到尝试过于频繁' },
  lectureSignInPerIp: { name: 'lecture-sign-in-ip', max: 300, windowMs: 10 * MINUTE, per: 'ip', message: '该网络签到尝试过于频繁' },

  videoViewPerIp: { name: 'video-view-ip', max: 300, windowMs: HOUR, per: 'ip', message: '播放记录过于频繁' },
  videoLikePerUser: { name: 'video-like-user', max: 60, windowMs: HOUR, per: 'user', message: '点赞过于频繁' },
  videoLikePerIp: { name: 'video-like-ip', max: 600, windowMs: HOUR, per: 'ip', message: '该网络点赞过于频繁' },

  // 收藏: adding and removing, like 点赞 (a resident going through a list may tap many in a row)
  favouritePerUser: { name: 'favourite-user', max: 120, windowMs: HOUR, per: 'user', message: '收藏操作过于频繁，请稍后再试' },
  favouritePerIp: { name: 'favourite-ip', max: 1_200, windowMs: HOUR, per: 'ip', message: '该网络收藏操作过于频繁' },

  // a lesson saves its position every 10 s while it plays: 360 an hour for one viewer
  courseProgressPerUser: { name: 'course-progress-user', max: 1_200, windowMs: HOUR, per: 'user', message: '学习进度保存过于频繁' },
  courseProgressPerIp: { name: 'course-progress-ip', max: 12_000, windowMs: HOUR, per: 'ip', message: '该网络学习进度保存过于频繁' },

  quizAttemptPerUser: { name: 'quiz-attempt-user', max: 20, windowMs: HOUR, per: 'user', message: '开始答题过于频繁' },
  quizAttemptPerIp: { name: 'quiz-attempt-ip', max: 300, windowMs: HOUR, per: 'ip', message: '该网络开始答题过于频繁' },
  // a submit scores only a started attempt, once (starts are limited above); this bounds a session
  // that keeps sending them (retries of a lost answer included: a few a minute). Counted per session,
  // not per user: the submit reads its session with its first statement (issue 13), so no user is
  // known when the limit runs. No per-IP rule: a city-wide campaign's final minutes send hundreds
  // a second from a carrier's shared addresses.
  quizSubmitPerSession: { name: 'quiz-submit-session', max: 30, windowMs: MINUTE, per: 'session', message: '交卷过于频繁' },
} as const satisfies Record<string, LimitRule>
