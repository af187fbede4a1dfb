import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { QaGap } from '@common/contract'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'

jest.setTimeout(120_000)

const gap: QaGap = {
  id: 'g-1',
  org: { code: '331000', name: '台州市' },
  status: 'open',
  wording: '养猫有补贴吗',
  count: 7,
  searchCount: 3,
  firstSeen: '2026-11-01T02:00:00.000Z',
  lastSeen: '2026-11-03T02:00:00.000Z',
  samples: [
    { wording: '养猫有补贴吗', count: 5 },
    { wording: '<b>我叫张*丰</b>，养猫有没有补贴', count: 2 },
  ],
}
const page = (items: QaGap[], total = items.length) => ({ body: { items, total, page: 1, pageSize: 10 } })
const TOPICS = [{ id: 'zwgk', name: '政务公开', icon: '' }]

describe('问答缺口', () => {
  it('lists groups with counts and sample wordings (as text), and filters on the server', async () => {
    const calls = fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'GET /admin/qa-gaps': page([gap], 31) })
    const { container } = renderConsole('/qa-gaps', { user: staff('editor') })
    expect(await screen.findByText('养猫有补贴吗')).toBeInTheDocument()
    expect(screen.getByText('7')).toBeInTheDocument()
    // where it was asked: 4 times in 智能问答, 3 in 一站搜索
    expect(screen.getByLabelText('智能问答提问 4 次')).toHaveTextContent('问答 4')
    expect(screen.getByLabelText('一站搜索 3 次')).toHaveTextContent('搜索 3')
    expect(screen.getByText('<b>我叫张*丰</b>，养猫有没有补贴（2 次）')).toBeInTheDocument()
    expect(container.querySelector('td b')).toBeNull()
    expect(screen.getByText('共 31 组')).toBeInTheDocument()

    fireEvent.change(screen.getByLabelText('搜索问法'), { target: { value: '养猫' } })
    fireEvent.keyDown(screen.getByLabelText('搜索问法'), { key: 'Enter', code: 'Enter', keyCode: 13 })
    await waitFor(() => expect(calls.filter((c) => c.path === '/admin/qa-gaps')).toHaveLength(2))
    expect(Object.fromEntries(calls.filter((c) => c.path === '/admin/qa-gaps')[1].query)).toEqual({ q: '养猫', page: '1', pageSize: '10' })
  })

  it('turns a group into a FAQ draft, prefilled with its wording, with one key for retries', async () => {
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /topics': { body: TOPICS },
      'GET /admin/qa-gaps': page([gap]),
      'POST /admin/qa-gaps/g-1/faq': { body: { gap: { ...gap, status: 'faq' }, itemId: 'f-new' } },
    })
    renderConsole('/qa-gaps', { user: staff('editor') })
    fireEvent.click(await screen.findByText('转为问答'))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByLabelText('问题')).toHaveValue('养猫有补贴吗')
    fireEvent.change(within(dialog).getByLabelText(/回答/), { target: { value: '暂无此项补贴。' } })
    fireEvent.click(within(dialog).getByRole('button', { name: /创建问答草稿/ }))
    await waitFor(() => expect(calls.some((c) => c.method === 'POST')).toBe(true))
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.path).toBe('/admin/qa-gaps/g-1/faq')
    expect(post.body).toEqual({ question: '养猫有补贴吗', answer: '暂无此项补贴。' })
    expect(post.headers['Idempotency-Key']).toBeTruthy()
    expect(await screen.findByText(/已创建问答草稿/)).toBeInTheDocument()
    await waitFor(() => expect(calls.filter((c) => c.path === '/admin/qa-gaps')).toHaveLength(2))
  })

  it('adds a group to a FAQ found by search as its 相似问法, and shows the server’s refusals', async () => {
    let refusal = { status: 409, body: { error: { code: 'conflict', message: '当前状态为待审核，不能修改：请在审核结束后再并入' } } }
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/qa-gaps': page([gap]),
      'GET /admin/faqs': { body: { items: [{ id: 'f001', title: '饲养宠物有哪些规定？', status: 'in_review' }], total: 1, page: 1, pageSize: 20 } },
      'POST /admin/qa-gaps/g-1/attach': () => refusal,
    })
    renderConsole('/qa-gaps', { user: staff('editor') })
    fireEvent.click(await screen.findByText('并入已有问答'))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText(/将作为所选问答的相似问法（最多 10 条，每条不超过 60 字）/)).toBeInTheDocument()
    fireEvent.mouseDown(within(dialog).getByRole('combobox'))
    fireEvent.click(await screen.findByText('饲养宠物有哪些规定？（待审核）'))
    fireEvent.click(within(dialog).getByRole('button', { name: /并\s*入/ }))
    expect(await within(dialog).findByText('当前状态为待审核，不能修改：请在审核结束后再并入')).toBeInTheDocument()
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ faqId: 'f001' })
    refusal = { status: 400, body: { error: { code: 'bad_request', message: '该问答已有 10 条相似问法，不能再并入；请先在问答编辑页删减相似问法' } } }
    fireEvent.click(within(dialog).getByRole('button', { name: /并\s*入/ }))
    expect(await within(dialog).findByText('该问答已有 10 条相似问法，不能再并入；请先在问答编辑页删减相似问法')).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(2)
  })

  it('ignores a group after confirmation', async () => {
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/qa-gaps': page([gap]),
      'POST /admin/qa-gaps/g-1/ignore': { body: { gap: { ...gap, status: 'ignored' } } },
    })
    renderConsole('/qa-gaps', { user: staff('editor') })
    fireEvent.click(await screen.findByText(/^忽\s?略$/))
    await screen.findByText('忽略这组问题？')
    const buttons = screen.getAllByText(/^忽\s?略$/)
    fireEvent.click(buttons[buttons.length - 1])
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.path === '/admin/qa-gaps/g-1/ignore')).toBe(true))
  })

  it('shows no actions to a reviewer, an empty state, and an error with 重试', async () => {
    let fail = true
    fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/qa-gaps': () => (fail ? { status: 500, body: { error: { code: 'internal', message: '服务暂时不可用' } } } : page([])),
    })
    renderConsole('/qa-gaps', { user: staff('reviewer') })
    expect(await screen.findByText('服务暂时不可用')).toBeInTheDocument()
    fail = false
    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }))
    expect(await screen.findByText('暂无问答缺口：居民的问题都得到了回答')).toBeInTheDocument()
    expect(screen.queryByText('操作')).toBeNull()
  })
})
