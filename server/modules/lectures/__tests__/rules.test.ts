/**
 * The workflow, exhaustively: every action × every kind of caller × every state is either the
 * one transition the issue names or a refusal with a Chinese message. The expectation below is
 * written from the text, independently of the table in rules.ts.
 */
import { LECTURE_ACTIONS, LECTURE_STATUSES, type LectureAction, type LectureOrderStatus } from '../../../../common/contract'
import { actorOf, allowedActions, canView, decide, LECTURE_ACTORS, type LectureActor, seesFullPhone } from '../rules'

type Allowed = [LectureAction, LectureActor, LectureOrderStatus[], LectureOrderStatus]

const ALLOWED: Allowed[] = [
  ['dispatch', 'dispatcher', ['submitted', 'dispatched', 'accepted'], 'dispatched'],
  ['reject', 'dispatcher', ['submitted', 'dispatched'], 'rejected'],
  ['accept', 'assigned-lecturer', ['dispatched'], 'accepted'],
  ['decline', 'assigned-lecturer', ['dispatched', 'accepted'], 'submitted'],
  ['schedule', 'assigned-lecturer', ['accepted', 'scheduled'], 'scheduled'],
  ['complete', 'assigned-lecturer', ['scheduled'], 'delivered'],
  ['cancel', 'orderer', ['submitted', 'dispatched', 'accepted'], 'cancelled'],
  ['rate', 'orderer', ['delivered'], 'rated'],
]

function expected(action: LectureAction, actor: LectureActor, status: LectureOrderStatus): LectureOrderStatus | undefined {
  const row = ALLOWED.find(([a, who, from]) => a === action && who === actor && from.includes(status))
  return row?.[3]
}

const cases = LECTURE_ACTIONS.flatMap((action) => LECTURE_ACTORS.flatMap((actor) => LECTURE_STATUSES.map((status) => [action, actor, status] as const)))

describe('decide: every action × caller × state', () => {
  it('covers 8 actions × 12 callers (信息公开专员 and 法律审核 among them) × 8 states', () => {
    expect(cases).toHaveLength(768)
  })

  it.each(cases)('%s by %s from %s', (action, actor, status) => {
    const want = expected(action, actor, status)
    const got = decide(action, actor, status)
    if (want) {
      expect(got).toEqual({ ok: true, to: want })
    } else {
      expect(got.ok).toBe(false)
      // a sentence in Chinese the user can act on
      expect(got.ok ? '' : got.message).toMatch(/[\u4e00-\u9fff]{4,}/)
    }
  })

  it('allows exactly the transitions of the issue, 15 in all', () => {
    const allowed = cases.filter(([a, who, s]) => decide(a, who, s).ok)
    expect(allowed).toHaveLength(ALLOWED.reduce((n, [, , from]) => n + from.length, 0))
    expect(allowed).toHaveLength(15)
  })

  it('ends nowhere from a closed order', () => {
    for (const status of ['rated', 'cancelled', 'rejected'] as const) {
      for (const actor of LECTURE_ACTORS) expect(allowedActions(actor, status)).toEqual([])
    }
  })
})

describe('refusal messages', () => {
  it('names the role for someone else', () => {
    expect(decide('dispatch', 'resident', 'submitted')).toEqual({ ok: false, message: '只有宣讲派单员可以派单' })
    expect(decide('accept', 'other-lecturer', 'dispatched')).toEqual({ ok: false, message: '只有被指派的宣讲员可以接单' })
    expect(decide('cancel', 'dispatcher', 'submitted')).toEqual({ ok: false, message: '只有点单人可以取消点单' })
    expect(decide('rate', 'admin', 'delivered')).toEqual({ ok: false, message: '只有点单人可以评价' })
  })

  it('names the state for the right role at the wrong time', () => {
    expect(decide('cancel', 'orderer', 'scheduled')).toEqual({ ok: false, message: '宣讲已排期，不能再取消；如有变化请联系宣讲员' })
    expect(decide('rate', 'orderer', 'rated')).toEqual({ ok: false, message: '您已评价过，每个点单只能评价一次' })
    expect(decide('rate', 'orderer', 'scheduled')).toEqual({ ok: false, message: '宣讲完成后才能评价' })
    expect(decide('accept', 'assigned-lecturer', 'accepted')).toEqual({ ok: false, message: '该点单当前为「已接单」，不能接单' })
    expect(decide('dispatch', 'dispatcher', 'cancelled')).toEqual({ ok: false, message: '该点单已取消，不能再派单' })
    expect(decide('complete', 'assigned-lecturer', 'accepted')).toEqual({ ok: false, message: '该点单当前为「已接单」，不能提交完成报告' })
  })
})

describe('allowedActions', () => {
  it('lists what each party may do next', () => {
    expect(allowedActions('dispatcher', 'submitted')).toEqual(['dispatch', 'reject'])
    expect(allowedActions('assigned-lecturer', 'dispatched')).toEqual(['accept', 'decline'])
    expect(allowedActions('assigned-lecturer', 'accepted')).toEqual(['decline', 'schedule'])
    expect(allowedActions('orderer', 'accepted')).toEqual(['cancel'])
    expect(allowedActions('orderer', 'delivered')).toEqual(['rate'])
    expect(allowedActions('resident', 'submitted')).toEqual([])
  })
})

describe('actorOf', () => {
  const order = { userId: 'u-res', lecturerId: 'u-lec-01' }
  it('is the orderer whatever the role (resident, or staff ordering for a village)', () => {
    expect(actorOf(order, { id: 'u-res', role: 'resident' })).toBe('orderer')
    expect(actorOf({ userId: 'u-staff' }, { id: 'u-staff', role: 'staff' })).toBe('orderer')
  })
  it('tells the assigned lecturer from any other', () => {
    expect(actorOf(order, { id: 'x', role: 'lecturer', lecturerId: 'u-lec-01' })).toBe('assigned-lecturer')
    expect(actorOf(order, { id: 'y', role: 'lecturer', lecturerId: 'u-lec-02' })).toBe('other-lecturer')
    expect(actorOf(order, { id: 'z', role: 'lecturer' })).toBe('other-lecturer')
    expect(actorOf({ userId: 'u-res' }, { id: 'z', role: 'lecturer' })).toBe('other-lecturer')
  })
  it('is the role for everyone else', () => {
    expect(actorOf(order, { id: 'd', role: 'dispatcher' })).toBe('dispatcher')
    expect(actorOf(order, { id: 'r2', role: 'resident' })).toBe('resident')
    expect(actorOf(order, { id: 's', role: 'staff' })).toBe('staff')
    expect(actorOf(order, { id: 'a', role: 'admin' })).toBe('admin')
    expect(actorOf(order, { id: 'q', role: 'responder' })).toBe('responder')
  })
})

describe('who sees what', () => {
  it('opens an order for its parties and admins only', () => {
    expect(LECTURE_ACTORS.filter(canView)).toEqual(['orderer', 'dispatcher', 'assigned-lecturer', 'admin'])
  })
  it('shows the full phone to the dispatcher and the assigned lecturer only', () => {
    expect(LECTURE_ACTORS.filter(seesFullPhone)).toEqual(['dispatcher', 'assigned-lecturer'])
  })
})
