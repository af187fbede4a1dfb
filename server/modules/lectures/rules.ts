/**
 * The 宣讲点单 workflow as data: for each action, who may take it, from which states, and the
 * state it leads to. Everything that changes an order goes through `decide`; the stores call it
 * inside their write transaction, the routes turn a refusal into a 409 with its message, and the
 * client only shows the actions `allowedActions` lists. Pure: no store, no clock (the timing rules
 * below take `now` as an argument).
 */
import {
  LECTURE_ACTIONS,
  type LectureAction,
  type LectureOrderStatus,
  lectureStatusLabel,
  type Role,
  type TimeOfDay,
  timeOfDayLabel,
} from '../../../common/contract'
import { addDays, inShanghai } from '../../../common/shanghai-date'

/**
 * How the caller stands to one order. `orderer` is whoever submitted it (a resident, or staff
 * ordering for their village); the assigned lecturer is the one the order names now.
 */
export type LectureActor =
  | 'orderer'
  | 'dispatcher'
  | 'assigned-lecturer'
  | 'other-lecturer'
  | 'resident'
  | 'staff'
  | 'responder'
  | 'admin'
  | 'editor'
  | 'reviewer'
  | 'foia_officer'
  | 'legal_reviewer'

export const LECTURE_ACTORS: readonly LectureActor[] = [
  'orderer',
  'dispatcher',
  'assigned-lecturer',
  'other-lecturer',
  'resident',
  'staff',
  'responder',
  'admin',
  'editor',
  'reviewer',
  'foia_officer',
  'legal_reviewer',
]

export interface Transition {
  actor: LectureActor
  from: readonly LectureOrderStatus[]
  to: LectureOrderStatus
  /** 派单, 接单 … as the refusal messages say it */
  verb: string
  /** the refusal when someone else tries */
  notYours: string
}

export const TRANSITIONS: Record<LectureAction, Transition> = {
  // re-dispatch: a dispatched or accepted order can go to another lecturer until it is scheduled
  dispatch: { actor: 'dispatcher', from: ['submitted', 'dispatched', 'accepted'], to: 'dispatched', verb: '派单', notYours: '只有宣讲派单员可以派单' },
  reject: { actor: 'dispatcher', from: ['submitted', 'dispatched'], to: 'rejected', verb: '驳回', notYours: '只有宣讲派单员可以驳回点单' },
  accept: { actor: 'assigned-lecturer', from: ['dispatched'], to: 'accepted', verb: '接单', notYours: '只有被指派的宣讲员可以接单' },
  // declining hands the order back to the dispatcher: it is waiting for a lecturer again
  decline: { actor: 'assigned-lecturer', from: ['dispatched', 'accepted'], to: 'submitted', verb: '退回', notYours: '只有被指派的宣讲员可以退回点单' },
  schedule: { actor: 'assigned-lecturer', from: ['accepted', 'scheduled'], to: 'scheduled', verb: '排期', notYours: '只有被指派的宣讲员可以排期' },
  complete: { actor: 'assigned-lecturer', from: ['scheduled'], to: 'delivered', verb: '提交完成报告', notYours: '只有被指派的宣讲员可以提交完成报告' },
  cancel: { actor: 'orderer', from: ['submitted', 'dispatched', 'accepted'], to: 'cancelled', verb: '取消', notYours: '只有点单人可以取消点单' },
  rate: { actor: 'orderer', from: ['delivered'], to: 'rated', verb: '评价', notYours: '只有点单人可以评价' },
}

export type Decision = { ok: true; to: LectureOrderStatus } | { ok: false; message: string }

/** why an action is refused in a state its actor may not take it from */
function stateMessage(action: LectureAction, status: LectureOrderStatus): string {
  if (action === 'cancel' && (status === 'scheduled' || status === 'delivered' || status === 'rated')) {
    return '宣讲已排期，不能再取消；如有变化请联系宣讲员'
  }
  if (action === 'rate' && status === 'rated') return '您已评价过，每个点单只能评价一次'
  if (action === 'rate') return '宣讲完成后才能评价'
  if (status === 'cancelled' || status === 'rejected') return `该点单${lectureStatusLabel[status]}，不能再${TRANSITIONS[action].verb}`
  return `该点单当前为「${lectureStatusLabel[status]}」，不能${TRANSITIONS[action].verb}`
}

export function decide(action: LectureAction, actor: LectureActor, status: LectureOrderStatus): Decision {
  const t = TRANSITIONS[action]
  if (actor !== t.actor) return { ok: false, message: t.notYours }
  if (!t.from.includes(status)) return { ok: false, message: stateMessage(action, status) }
  return { ok: true, to: t.to }
}

export function allowedActions(actor: LectureActor, status: LectureOrderStatus): LectureAction[] {
  return LECTURE_ACTIONS.filter((a) => decide(a, actor, status).ok)
}

/** who may submit an order: residents, and service-point staff for their village */
export const ORDERING_ROLES: readonly Role[] = ['resident', 'staff']

export interface OrderParties {
  userId: string
  lecturerId?: string
}

export interface Caller {
  id: string
  role: Role
  /** the lecturer profile this account speaks for (role lecturer only) */
  lecturerId?: string
}

export function actorOf(order: OrderParties, caller: Caller): LectureActor {
  if (caller.id === order.userId) return 'orderer'
  switch (caller.role) {
    case 'lecturer':
      return caller.lecturerId !== undefined && caller.lecturerId === order.lecturerId ? 'assigned-lecturer' : 'other-lecturer'
    default:
      return caller.role
  }
}

/** who may open an order at all (others get 404, as if it did not exist) */
export function canView(actor: LectureActor): boolean {
  return actor === 'orderer' || actor === 'dispatcher' || actor === 'assigned-lecturer' || actor === 'admin'
}

/** who sees the contact's full number */
export function seesFullPhone(actor: LectureActor): boolean {
  return actor === 'dispatcher' || actor === 'assigned-lecturer'
}

/**
 * 提前预约 and no time in the past, for ordering and for scheduling. Pure: `now` is passed in
 * (the routes pass the store's clock, which e2e moves with POST /dev/clock).
 */
export interface Timing {
  /** Beijing calendar date and minutes since midnight of now */
  today: string
  minuteOfDay: number
}

export function timingOf(now: Date): Timing {
  const t = inShanghai(now)
  return { today: t.format('YYYY-MM-DD'), minuteOfDay: t.hour() * 60 + t.minute() }
}

/** when each 时段 is over (minutes since midnight): an order for today 上午 at 16:22 is in the past */
const TIME_OF_DAY_ENDS: Record<TimeOfDay, number> = { morning: 12 * 60, afternoon: 18 * 60, evening: 21 * 60 }

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

/** the first date an order may ask for */
export const earliestOrderDate = (today: string, leadDays: number): string => addDays(today, leadDays)

/** why an order's wished dates are refused, or undefined */
export function orderTimingProblem(order: { dateFrom: string; dateTo: string; timeOfDay: TimeOfDay }, timing: Timing, leadDays: number): string | undefined {
  const { dateFrom, dateTo, timeOfDay } = order
  if (dateFrom < timing.today || dateTo < timing.today) return '不能选择已经过去的日期'
  const earliest = earliestOrderDate(timing.today, leadDays)
  if (dateFrom < earliest) return `宣讲需至少提前${leadDays}天预约，最早可选${monthDay(earliest)}`
  if (dateTo === timing.today && timing.minuteOfDay >= TIME_OF_DAY_ENDS[timeOfDay]) return `今天${timeOfDayLabel[timeOfDay]}已经过去，请选择以后的时间`
  return undefined
}

/** why a lecture's 排期 (date and HH:mm) is refused, or undefined: never a time already past */
export function scheduleTimingProblem(slot: { date: string; time: string }, timing: Timing): string | undefined {
  if (slot.date < timing.today) return '不能选择已经过去的日期'
  if (slot.date === timing.today) {
    const [h, m] = slot.time.split(':').map(Number)
    if (h * 60 + m <= timing.minuteOfDay) return '宣讲时间已经过去，请选择以后的时间'
  }
  return undefined
}
