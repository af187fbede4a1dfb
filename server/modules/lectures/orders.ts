/**
 * Lecture orders as the repository keeps them, and the pure steps on them: a new order, a command
 * applied through the rules (rules.ts), the notice the orderer gets, and the view a caller sees
 * (phone masked unless they are the dispatcher or the assigned lecturer).
 */
import { randomUUID } from 'node:crypto'
import type {
  LectureAction,
  LectureFormat,
  LectureNotification,
  LectureOrder,
  LectureOrderEvent,
  LectureOrderStatus,
  Role,
  TimeOfDay,
} from '../../../common/contract'
import { maskMobile } from '../identity/mobile'
import { requestHash } from '../idempotency'
import { actorOf, allowedActions, type Caller, decide, seesFullPhone } from './rules'

export interface LectureEventRecord extends LectureOrderEvent {
  byUserId: string
}

/** what the route has checked and resolved before an order is made */
export interface NewOrderFields {
  topicId: string
  topicTitle: string
  format: LectureFormat
  villageCode: string
  countyCode: string
  townshipCode: string
  regionName: string
  placeName: string
  dateFrom: string
  dateTo: string
  timeOfDay: TimeOfDay
  audienceSize: number
  contactName: string
  /** the full number: only views for the dispatcher and the assigned lecturer carry it */
  contactPhone: string
  notes?: string
}

/** an order as the repository keeps it: what was asked, who asked, and how far it has gone */
export interface LectureOrderRecord extends NewOrderFields {
  id: string
  userId: string
  ordererName: string
  ordererRole: Role
  onBehalf: boolean
  status: LectureOrderStatus
  lecturerId?: string
  lecturerName?: string
  schedule?: { date: string; time: string; place: string }
  report?: { attendance: number; summary: string; photos: string[]; signedIn: number }
  rating?: { stars: number; comment?: string; at: string }
  createdAt: string
  updatedAt: string
  timeline: LectureEventRecord[]
}

/** the signed-in user acting on an order */
export interface LectureCaller extends Caller {
  name: string
}

export type LectureCommand =
  | { action: 'dispatch'; lecturerId: string; lecturerName: string; note?: string }
  | { action: 'accept' }
  | { action: 'decline'; reason: string }
  | { action: 'schedule'; date: string; time: string; place: string }
  | { action: 'complete'; attendance: number; summary: string; photos: string[] }
  | { action: 'cancel'; reason?: string }
  | { action: 'reject'; reason: string }
  | { action: 'rate'; stars: number; comment?: string }

/** a step the rules refuse: the route answers 409 with the message */
export class LectureRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LectureRefusal'
  }
}

export function newOrderRecord(caller: LectureCaller, fields: NewOrderFields, now: Date): LectureOrderRecord {
  const at = now.toISOString()
  return {
    id: randomUUID(),
    userId: caller.id,
    ordererName: caller.name,
    ordererRole: caller.role,
    onBehalf: caller.role === 'staff',
    ...fields,
    status: 'submitted',
    createdAt: at,
    updatedAt: at,
    timeline: [
      {
        action: 'submit',
        status: 'submitted',
        byUserId: caller.id,
        byRole: caller.role,
        byName: caller.name,
        at,
        ...(caller.role === 'staff' ? { note: `代${fields.regionName.split(' ').pop()}点单` } : {}),
      },
    ],
  }
}

function eventNote(command: LectureCommand): string | undefined {
  switch (command.action) {
    case 'dispatch':
      return `派给宣讲员${command.lecturerName}${command.note ? `：${command.note}` : ''}`
    case 'decline':
    case 'reject':
      return `原因：${command.reason}`
    case 'cancel':
      return command.reason ? `原因：${command.reason}` : undefined
    case 'schedule':
      return `${command.date} ${command.time} · ${command.place}`
    case 'complete':
      return `到场${command.attendance}人`
    case 'rate':
      return `${command.stars}星${command.comment ? `：${command.comment}` : ''}`
    case 'accept':
      return undefined
  }
}

/**
 * The order after `command` by `caller`, or a LectureRefusal. `signedIn` is the number of
 * attendees who signed in, for a completion report.
 */
export function applyCommand(
  record: LectureOrderRecord,
  command: LectureCommand,
  caller: LectureCaller,
  now: Date,
  signedIn = 0,
): { record: LectureOrderRecord; event: LectureEventRecord } {
  const decision = decide(command.action, actorOf(record, caller), record.status)
  if (!decision.ok) throw new LectureRefusal(decision.message)
  const at = now.toISOString()
  const next: LectureOrderRecord = { ...record, status: decision.to, updatedAt: at }
  switch (command.action) {
    case 'dispatch':
      next.lecturerId = command.lecturerId
      next.lecturerName = command.lecturerName
      break
    case 'decline':
      delete next.lecturerId
      delete next.lecturerName
      delete next.schedule
      break
    case 'schedule':
      next.schedule = { date: command.date, time: command.time, place: command.place }
      break
    case 'complete':
      next.report = { attendance: command.attendance, summary: command.summary, photos: [...command.photos], signedIn }
      break
    case 'rate':
      next.rating = { stars: command.stars, ...(command.comment ? { comment: command.comment } : {}), at }
      break
    default:
      break
  }
  const note = eventNote(command)
  const event: LectureEventRecord = {
    action: command.action,
    status: decision.to,
    byUserId: caller.id,
    byRole: caller.role,
    byName: caller.name,
    at,
    ...(note ? { note } : {}),
  }
  next.timeline = [...record.timeline, event]
  return { record: next, event }
}

/** the order as `caller` sees it */
export function toOrderView(r: LectureOrderRecord, caller: Caller): LectureOrder {
  const actor = actorOf(r, caller)
  return {
    id: r.id,
    topicId: r.topicId,
    topicTitle: r.topicTitle,
    format: r.format,
    villageCode: r.villageCode,
    regionName: r.regionName,
    countyCode: r.countyCode,
    townshipCode: r.townshipCode,
    placeName: r.placeName,
    dateFrom: r.dateFrom,
    dateTo: r.dateTo,
    timeOfDay: r.timeOfDay,
    audienceSize: r.audienceSize,
    contactName: r.contactName,
    contactPhone: seesFullPhone(actor) ? r.contactPhone : maskMobile(r.contactPhone),
    ...(r.notes ? { notes: r.notes } : {}),
    orderer: { name: r.ordererName, role: r.ordererRole },
    onBehalf: r.onBehalf,
    status: r.status,
    ...(r.lecturerId ? { lecturerId: r.lecturerId, lecturerName: r.lecturerName } : {}),
    ...(r.schedule ? { schedule: { ...r.schedule } } : {}),
    ...(r.report ? { report: { ...r.report, photos: [...r.report.photos] } } : {}),
    ...(r.rating ? { rating: { ...r.rating } } : {}),
    timeline: r.timeline.map(({ byUserId: _, ...e }) => e),
    actions: allowedActions(actor, r.status),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }
}

/** the orderer's 我的消息 entry for a step */
export function noticeFor(r: LectureOrderRecord, action: 'submit' | LectureAction): { title: string; body: string } {
  const topic = `「${r.topicTitle}」`
  const reason = r.timeline[r.timeline.length - 1]?.note?.replace(/^原因：/, '')
  switch (action) {
    case 'submit':
      return { title: '点单已提交', body: `${topic}已提交，等待派单员安排宣讲员` }
    case 'dispatch':
      return { title: '已派单', body: `${topic}已派给宣讲员${r.lecturerName}，等待接单` }
    case 'accept':
      return { title: '宣讲员已接单', body: `宣讲员${r.lecturerName}已接下${topic}，将与您约定时间地点` }
    case 'decline':
      return { title: '宣讲员未能接单', body: `${topic}的宣讲员未能接单（${reason}），派单员将重新安排` }
    case 'schedule':
      return { title: '宣讲已排期', body: `${topic}定于${r.schedule!.date} ${r.schedule!.time}在${r.schedule!.place}开讲` }
    case 'complete':
      return { title: '宣讲已完成', body: `${topic}已完成，共${r.report!.attendance}人参加，欢迎您评价` }
    case 'cancel':
      return { title: '点单已取消', body: `您已取消${topic}的点单` }
    case 'reject':
      return { title: '点单未通过', body: `${topic}的点单被驳回：${reason}` }
    case 'rate':
      return { title: '感谢您的评价', body: `您为${topic}打了${r.rating!.stars}星` }
  }
}

export interface NotificationRecord extends LectureNotification {
  userId: string
}

export function newNotification(r: LectureOrderRecord, action: 'submit' | LectureAction, wechat: LectureNotification['wechat'], now: Date): NotificationRecord {
  return {
    id: randomUUID(),
    userId: r.userId,
    orderId: r.id,
    ...noticeFor(r, action),
    status: r.status,
    createdAt: now.toISOString(),
    read: false,
    wechat,
  }
}

export function toNotification({ userId: _, ...n }: NotificationRecord): LectureNotification {
  return n
}

export function orderInputHash(fields: NewOrderFields): string {
  return requestHash(fields)
}

export function commandHash(orderId: string, command: LectureCommand): string {
  return requestHash({ orderId, ...command })
}

/** the scope of an idempotent lecture write, as in the contract's Endpoints */
export function lectureScope(action: 'submit' | LectureAction): string {
  return action === 'submit' ? 'POST /lecture-orders' : `POST /lecture-orders/:id/${action}`
}

/** a six-digit sign-in code (crypto.randomInt; the lock on wrong codes is in sign-in.ts) */
export { newSignInCode } from './sign-in'
