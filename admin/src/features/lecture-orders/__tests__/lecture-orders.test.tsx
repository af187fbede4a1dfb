import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { DeskOrderSummary, LecturerCandidate, LectureOrder } from '@common/contract'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'

jest.setTimeout(120_000)

const JIAOJIANG = { code: '331002', name: '椒江区' }

const summary: DeskOrderSummary = {
  id: 'o1',
  topicId: 'lt01',
  topicTitle: '城乡居民养老保险政策解读',
  countyCode: '331002',
  regionName: '椒江区 海门街道 城隍浦社区',
  placeName: '城隍浦社区文化家园',
  dateFrom: '2026-12-11',
  dateTo: '2026-12-18',
  timeOfDay: 'afternoon',
  audienceSize: 80,
  contactName: '林*燕',
  contactPhone: '139****5678',
  status: 'submitted',
  photos: 0,
  createdAt: '2026-12-04T01:00:00Z',
}

const order: LectureOrder = {
  ...summary,
  format: 'onsite',
  villageCode: '331002001003',
  townshipCode: '331002001',
  contactName: '林晓燕',
  contactPhone: '13912345678',
  notes: '<img src=x onerror=alert(1)>',
  orderer: { name: '林居民', role: 'resident' },
  onBehalf: false,
  timeline: [{ action: 'submit', status: 'submitted', byRole: 'resident', byName: '林居民', at: '2026-12-04T01:00:00Z' }],
  actions: ['dispatch', 'reject'],
  updatedAt: '2026-12-04T01:00:00Z',
} as LectureOrder

const candidates: LecturerCandidate[] = [
  { id: 'lec-1', name: '椒江宣讲员', title: '区委宣讲团成员', orgCode: '331002', available: true, freeDates: ['2026-12-15', '2026-12-17'], notes: [] },
  { id: 'lec-2', name: '请假宣讲员', title: '街道社工', orgCode: '331002', available: false, freeDates: [], notes: ['点单时段内该宣讲员均已请假或不可安排'] },
]

const routes = (extra = {}) => ({
  'GET /admin/orgs': { body: ORG_TREE },
  'GET /admin/lecture-orders': { body: { items: [summary], total: 1, page: 1, pageSize: 20 } },
  'GET /admin/lecture-orders/o1': { body: order },
  'GET /admin/lecture-orders/o1/candidates': { body: candidates },
  ...extra,
})

describe('宣讲派单台', () => {
  it('lists the orders with masked contacts and asks the server again with the filters', async () => {
    const calls = fakeApi(routes())
    renderConsole('/lecture-orders', { user: staff('dispatcher', JIAOJIANG) })
    expect(await screen.findByText('城乡居民养老保险政策解读')).toBeInTheDocument()
    expect(screen.getByText('林*燕 139****5678')).toBeInTheDocument()
    expect(screen.getByText('共 1 单')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('搜索'), { target: { value: ' 东山 ' } })
    fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }))
    await waitFor(() => expect(calls.filter((c) => c.path === '/admin/lecture-orders')).toHaveLength(2))
    expect(Object.fromEntries(calls.filter((c) => c.path === '/admin/lecture-orders')[1].query)).toEqual({ q: '东山', page: '1', pageSize: '20' })
  })

  it('shows the empty and error states', async () => {
    fakeApi(routes({ 'GET /admin/lecture-orders': { body: { items: [], total: 0, page: 1, pageSize: 20 } } }))
    const view = renderConsole('/lecture-orders', { user: staff('dispatcher', JIAOJIANG) })
    expect(await screen.findByText('没有符合条件的宣讲点单')).toBeInTheDocument()
    view.unmount()
    fakeApi(routes({ 'GET /admin/lecture-orders': { status: 403, body: { error: { code: 'forbidden', message: '不能查看或处理其他单位的宣讲点单' } } } }))
    renderConsole('/lecture-orders', { user: staff('dispatcher', JIAOJIANG) })
    expect(await screen.findByText('不能查看或处理其他单位的宣讲点单')).toBeInTheDocument()
  })

  it('opens an order, shows user text as text, and assigns an available lecturer once with one key', async () => {
    let assigned = 0
    const calls = fakeApi(
      routes({
        'POST /admin/lecture-orders/o1/assign': () => {
          assigned++
          return { body: { ...order, status: 'dispatched', lecturerId: 'lec-1', lecturerName: '椒江宣讲员', actions: ['dispatch', 'reject'] } }
        },
      }),
    )
    renderConsole('/lecture-orders', { user: staff('dispatcher', JIAOJIANG) })
    fireEvent.click(await screen.findByRole('button', { name: '查看 城乡居民养老保险政策解读' }))
    const drawer = await screen.findByRole('dialog')
    expect(await within(drawer).findByText('林晓燕 13912345678')).toBeInTheDocument()
    expect(within(drawer).getByText('<img src=x onerror=alert(1)>')).toBeInTheDocument()
    expect(document.querySelector('img[src="x"]')).toBeNull()

    fireEvent.click(within(drawer).getByRole('button', { name: /派\s*单/ }))
    const unavailable = await screen.findByRole('radio', { name: '请假宣讲员' })
    expect(unavailable).toBeDisabled()
    expect(screen.getByText('点单时段内该宣讲员均已请假或不可安排')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('radio', { name: '椒江宣讲员' }))
    fireEvent.change(screen.getByLabelText('派单说明'), { target: { value: '请尽快联系' } })
    fireEvent.click(screen.getByRole('button', { name: '确定派单' }))
    await waitFor(() => expect(assigned).toBe(1))
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({ lecturerId: 'lec-1', note: '请尽快联系' })
    expect(post.headers['Idempotency-Key']).toBeTruthy()
    expect(await screen.findByText('已派给椒江宣讲员')).toBeInTheDocument()
  })

  it('shows a refusal of the server in Chinese and keeps the dialog', async () => {
    fakeApi(
      routes({
        'POST /admin/lecture-orders/o1/assign': {
          status: 409,
          body: { error: { code: 'conflict', message: '椒江宣讲员在点单时段内无法安排：点单时段内该宣讲员均已排有其他宣讲' } },
        },
      }),
    )
    renderConsole('/lecture-orders', { user: staff('dispatcher', JIAOJIANG) })
    fireEvent.click(await screen.findByRole('button', { name: '查看 城乡居民养老保险政策解读' }))
    fireEvent.click(await within(await screen.findByRole('dialog')).findByRole('button', { name: /派\s*单/ }))
    fireEvent.click(await screen.findByRole('radio', { name: '椒江宣讲员' }))
    fireEvent.click(screen.getByRole('button', { name: '确定派单' }))
    expect(await screen.findByText(/无法安排/)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '确定派单' })).toBeInTheDocument()
  })

  it('shows a delivered lecture’s report photos to an admin, who sees no 派单', async () => {
    const delivered = {
      ...order,
      status: 'delivered',
      actions: [],
      lecturerName: '椒江宣讲员',
      schedule: { date: '2026-12-15', time: '14:30', place: '文化礼堂' },
      report: { attendance: 60, summary: '讲解缴费档次。', photos: ['/api/v1/uploads/a.jpg'], signedIn: 42 },
    }
    fakeApi(routes({ 'GET /admin/lecture-orders/o1': { body: delivered } }))
    renderConsole('/lecture-orders', { user: staff('admin', JIAOJIANG) })
    fireEvent.click(await screen.findByRole('button', { name: '查看 城乡居民养老保险政策解读' }))
    expect(await screen.findByAltText('现场照片1')).toHaveAttribute('src', '/api/v1/uploads/a.jpg')
    expect(screen.getByText('到场 60 人，扫码签到 42 人')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '补充现场照片' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /派\s*单/ })).toBeNull()
  })
})
