import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { EditorialListPage } from '../editorial-list-page'
import { ReviewQueuePage } from '../review-queue-page'
import { type Call, mockFetch, renderAt, summary } from './support'

// antd tables and selects in jsdom on a shared 2-core machine take seconds per step
jest.setTimeout(30_000)

const listCalls = (calls: Call[]) => calls.filter((c) => c.method === 'GET' && c.path === '/admin/policies')
const last = (calls: Call[]) => listCalls(calls).at(-1)!.query

function serveList() {
  return mockFetch((call) => {
    if (call.path !== '/admin/policies') return undefined
    return {
      body: {
        items: [
          summary({ id: 'p1', title: '高龄老人补贴办法', status: 'in_review', closesAt: '2026-12-31' }),
          summary({ id: 'p2', title: '医疗救助实施细则', status: 'draft', live: true, publishedVersion: 1, version: 2, closesAt: '2025-06-30', closed: true }),
        ],
        total: 25,
        page: Number(call.query.get('page')),
        pageSize: Number(call.query.get('pageSize')),
      },
    }
  })
}

const routes = [
  { path: '/policies', element: <EditorialListPage type='policy' /> },
  { path: '/policies/:id', element: <p>编辑页</p> },
]

describe('the list page', () => {
  it('asks the server for the first page, newest first, and shows the rows with Chinese statuses', async () => {
    const calls = serveList()
    renderAt('/policies', routes)
    expect(await screen.findByText('高龄老人补贴办法')).toBeInTheDocument()
    const query = last(calls)
    expect(Object.fromEntries(query)).toEqual({ page: '1', pageSize: '10', sort: 'updatedAt', order: 'desc' })
    expect(screen.getByText('待审核')).toBeInTheDocument()
    // a published item being reworked: both what residents see and the new draft
    expect(screen.getByText('已发布 · 有新草稿')).toBeInTheDocument()
    expect(screen.getByText('已上线 v1')).toBeInTheDocument()
    expect(screen.getByText('共 25 条')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /新\s?建/ })).toBeInTheDocument()
    // 截止日期, and 已截止 on the one the server says has passed
    const open = screen.getByText('高龄老人补贴办法').closest('tr') as HTMLElement
    const closed = screen.getByText('医疗救助实施细则').closest('tr') as HTMLElement
    expect(open).toHaveTextContent('2026-12-31')
    expect(within(open).queryByText('已截止')).toBeNull()
    expect(closed).toHaveTextContent('2025-06-30')
    expect(within(closed).getByText('已截止')).toBeInTheDocument()
  })

  it('sends the search, the status filter, the sorting and the page to the server', async () => {
    const calls = serveList()
    renderAt('/policies', routes)
    await screen.findByText('高龄老人补贴办法')

    fireEvent.change(screen.getByPlaceholderText('搜索标题'), { target: { value: '补贴' } })
    fireEvent.keyDown(screen.getByPlaceholderText('搜索标题'), { key: 'Enter', code: 'Enter', keyCode: 13 })
    await waitFor(() => expect(last(calls).get('q')).toBe('补贴'))

    fireEvent.mouseDown(within(screen.getByRole('search')).getAllByRole('combobox')[0])
    fireEvent.click(await screen.findByTitle('已退回'))
    await waitFor(() => expect(last(calls).get('status')).toBe('rejected'))
    expect(last(calls).get('q')).toBe('补贴')

    fireEvent.click(screen.getByText('标题', { selector: '.ant-table-column-title' }))
    await waitFor(() => expect(last(calls).get('sort')).toBe('title'))
    expect(last(calls).get('order')).toBe('asc')

    fireEvent.click(screen.getByTitle('3'))
    await waitFor(() => expect(last(calls).get('page')).toBe('3'))
    expect(last(calls).get('status')).toBe('rejected')
  })

  it('opens the editor when a row is clicked', async () => {
    serveList()
    const { location } = renderAt('/policies', routes)
    fireEvent.click((await screen.findByText('医疗救助实施细则')).closest('tr')!)
    await waitFor(() => expect(location.pathname).toBe('/policies/p2'))
  })

  it('says when there is nothing, and offers 重试 after an error', async () => {
    let fail = true
    mockFetch((call) => {
      if (call.path !== '/admin/policies') return undefined
      return fail
        ? { status: 503, body: { error: { code: 'unavailable', message: '服务暂不可用' } } }
        : { body: { items: [], total: 0, page: 1, pageSize: 10 } }
    })
    renderAt('/policies', routes)
    expect(await screen.findByText('服务暂不可用')).toBeInTheDocument()
    fail = false
    fireEvent.click(screen.getByRole('button', { name: /重\s?试/ }))
    expect(await screen.findByText('暂无内容')).toBeInTheDocument()
  })

  it('hides 新建 from reviewers', async () => {
    serveList()
    renderAt('/policies', routes, 'reviewer')
    await screen.findByText('高龄老人补贴办法')
    expect(screen.queryByRole('button', { name: /新\s?建/ })).toBeNull()
  })
})

describe('the review queue', () => {
  it('lists what waits with its type, organisation, author and submission time, and opens it', async () => {
    const calls = mockFetch((call) =>
      call.path === '/admin/review-queue'
        ? {
            body: {
              items: [
                summary({
                  id: 'f9',
                  type: 'faq',
                  title: '养老金怎么领？',
                  status: 'in_review',
                  author: { id: 'u7', name: '李四' },
                  submittedAt: '2026-03-02T01:30:00.000Z',
                }),
              ],
              total: 1,
              page: 1,
              pageSize: 10,
            },
          }
        : undefined,
    )
    const { location } = renderAt('/review', [
      { path: '/review', element: <ReviewQueuePage /> },
      { path: '/faqs/:id', element: <p>编辑页</p> },
    ])
    expect(await screen.findByText('养老金怎么领？')).toBeInTheDocument()
    expect(screen.getByText('简明问答')).toBeInTheDocument()
    expect(screen.getByText('李四')).toBeInTheDocument()
    expect(screen.getByText('2026-03-02 09:30')).toBeInTheDocument()
    expect(calls.find((c) => c.path === '/admin/review-queue')!.query.get('page')).toBe('1')
    fireEvent.click(screen.getByText('养老金怎么领？').closest('tr')!)
    await waitFor(() => expect(location.pathname).toBe('/faqs/f9'))
  })
})
