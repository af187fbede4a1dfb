import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { DeskLecturer, LecturerCalendar } from '@common/contract'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'
import { slotsText } from '../slots'

jest.setTimeout(120_000)

const JIAOJIANG = { code: '331002', name: '椒江区' }
const lecturer: DeskLecturer = {
  id: 'lec-1',
  name: '椒江宣讲员',
  title: '区委宣讲团成员',
  orgCode: '331002',
  topicIds: ['lt01'],
  weeklySlots: [
    { weekday: 4, timeOfDay: 'afternoon' },
    { weekday: 2, timeOfDay: 'afternoon' },
  ],
  blockedDates: ['2026-12-09'],
  active: true,
  openOrders: 1,
}
const calendar: LecturerCalendar = {
  lecturerId: 'lec-1',
  from: '2026-12-01',
  to: '2026-12-31',
  entries: [
    {
      orderId: 'o1',
      topicTitle: '医保参保与报销',
      regionName: '城隍浦社区',
      status: 'scheduled',
      date: '2026-12-15',
      dateTo: '2026-12-15',
      timeOfDay: 'afternoon',
      time: '14:30',
    },
  ],
  blockedDates: ['2026-12-09'],
  weeklySlots: lecturer.weeklySlots,
}

it('says weekly slots in order, or 不限', () => {
  expect(slotsText(lecturer.weeklySlots)).toBe('周二下午、周四下午')
  expect(slotsText([])).toBe('不限')
})

describe('宣讲员', () => {
  it('lists lecturers with their slots, and shows a lecturer’s month with lectures and blocked days', async () => {
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/lecturers': { body: { items: [lecturer], total: 1, page: 1, pageSize: 20 } },
      'GET /admin/lecturers/lec-1/calendar': { body: calendar },
    })
    renderConsole('/lecturers', { user: staff('dispatcher', JIAOJIANG) })
    expect(await screen.findByText('椒江宣讲员')).toBeInTheDocument()
    expect(screen.getByText('周二下午、周四下午')).toBeInTheDocument()
    expect(screen.getByText('未绑定')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: '新增宣讲员' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '椒江宣讲员的日历' }))
    const drawer = await screen.findByRole('dialog')
    await waitFor(() => expect(calls.some((c) => c.path === '/admin/lecturers/lec-1/calendar')).toBe(true))
    const query = Object.fromEntries(calls.find((c) => c.path === '/admin/lecturers/lec-1/calendar')!.query)
    expect(query.from).toMatch(/^\d{4}-\d{2}-01$/)
    expect(within(drawer).getByText('每周可安排时段：周二下午、周四下午')).toBeInTheDocument()
  })

  it('lets an admin add a lecturer with slots, once per dialog key', async () => {
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/lecturers': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
      'GET /admin/lecture-topics': { body: { items: [], total: 0, page: 1, pageSize: 50 } },
      'POST /admin/lecturers': { status: 201, body: lecturer },
    })
    renderConsole('/lecturers', { user: staff('admin', JIAOJIANG) })
    expect(await screen.findByText('没有符合条件的宣讲员')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '新增宣讲员' }))
    fireEvent.change(await screen.findByLabelText('姓名'), { target: { value: ' 新宣讲员 ' } })
    fireEvent.change(screen.getByLabelText('职务或简介'), { target: { value: '街道社工' } })
    fireEvent.click(screen.getByLabelText('周二下午'))
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({
      name: '新宣讲员',
      title: '街道社工',
      orgCode: '331002',
      topicIds: [],
      weeklySlots: [{ weekday: 2, timeOfDay: 'afternoon' }],
      blockedDates: [],
      active: true,
    })
    expect(post.headers['Idempotency-Key']).toBeTruthy()
  })
})
