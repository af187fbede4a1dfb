import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { EditorialItem } from '@common/contract'
import { EditorialEditPage } from '../editorial-edit-page'
import { type Call, mockFetch, named, policyDraft, policyItem, renderAt } from './support'

// the whole policy form renders after every step: under a load of 10 on the shared 2-core
// machine one test of this file has taken over 30 s
jest.setTimeout(90_000)

const routes = [
  { path: '/policies/:id', element: <EditorialEditPage type='policy' /> },
  { path: '/policies', element: <p>列表</p> },
]
const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET' && c.path.startsWith('/admin/'))

function serveItem(item: () => EditorialItem<'policy'>, onWrite: (call: Call) => { status?: number; body?: unknown } | undefined) {
  return mockFetch((call) => {
    if (call.method === 'GET' && call.path === '/admin/policies/p1') return { body: item() }
    if (call.path.startsWith('/admin/policies/p1')) return onWrite(call)
    return undefined
  })
}

const titleInput = () => screen.getByLabelText('标题') as HTMLInputElement

describe('the edit page', () => {
  it('shows the server’s field errors on their fields', async () => {
    const calls = serveItem(
      () => policyItem(),
      (call) =>
        call.method === 'PUT'
          ? {
              status: 400,
              body: {
                error: {
                  code: 'bad_request',
                  message: '请检查标红的内容',
                  fields: { 'draft.title': '标题含有不当用语', 'draft.sections[0].heading': '小标题不能超过 60 字' },
                },
              },
            }
          : undefined,
    )
    renderAt('/policies/p1', routes)
    await waitFor(() => expect(titleInput().value).toBe('仙居县高龄老人补贴办法'))
    fireEvent.change(titleInput(), { target: { value: '仙居县高龄老人补贴办法（修订）' } })
    fireEvent.click(screen.getByRole('button', { name: named('保存') }))
    expect(await screen.findByText('标题含有不当用语')).toBeInTheDocument()
    expect(screen.getByText('小标题不能超过 60 字')).toBeInTheDocument()
    expect(screen.getByText('请检查标红的内容')).toBeInTheDocument()
    // the message sits under its own field
    expect(titleInput().closest('.ant-form-item')).toHaveTextContent('标题含有不当用语')
    expect(writes(calls)[0].body).toEqual({ revision: 1, draft: { ...policyDraft(), title: '仙居县高龄老人补贴办法（修订）' } })
  })

  it('shows the findings of a refused 送审 and leaves the status as it was', async () => {
    const calls = serveItem(
      () => policyItem({ status: 'draft' }),
      (call) =>
        call.path.endsWith('/submit')
          ? {
              status: 400,
              body: {
                error: {
                  code: 'bad_request',
                  message: '检查未通过，请修改后再送审',
                  checks: [
                    { level: 'error', code: 'sensitive_word', field: 'title', message: '含有敏感词「某某」' },
                    { level: 'warning', code: 'no_interpretation', message: '这份政策还没有解读' },
                  ],
                },
              },
            }
          : undefined,
    )
    renderAt('/policies/p1', routes)
    fireEvent.click(await screen.findByRole('button', { name: named('送审') }))
    const findings = await screen.findByRole('region', { name: '检查结果' })
    expect(within(findings).getByText('含有敏感词「某某」')).toBeInTheDocument()
    expect(within(findings).getByText('这份政策还没有解读')).toBeInTheDocument()
    expect(findings.querySelector('[data-level="error"]')).toHaveTextContent('错误标题含有敏感词「某某」')
    expect(findings.querySelector('[data-level="warning"]')).toHaveTextContent('提醒')
    // the error is on its field too
    await waitFor(() => expect(titleInput().closest('.ant-form-item')).toHaveTextContent('含有敏感词「某某」'))
    expect(screen.getByRole('toolbar')).toHaveTextContent('草稿')
    expect(writes(calls).map((c) => c.path)).toEqual(['/admin/policies/p1/submit'])
    expect(writes(calls)[0].body).toEqual({ revision: 1 })
  })

  it('submits, reloads the item and shows the warnings that let it through', async () => {
    let status: EditorialItem['status'] = 'draft'
    const warning = { level: 'warning' as const, code: 'no_interpretation', message: '这份政策还没有解读' }
    serveItem(
      () => policyItem({ status, revision: status === 'draft' ? 1 : 2, checks: status === 'draft' ? [] : [warning] }),
      (call) => {
        if (!call.path.endsWith('/submit')) return undefined
        status = 'in_review'
        return { body: policyItem({ status, revision: 2, checks: [warning] }) }
      },
    )
    renderAt('/policies/p1', routes)
    fireEvent.click(await screen.findByRole('button', { name: named('送审') }))
    expect(await screen.findByText('送审成功')).toBeInTheDocument()
    expect(screen.getByText('这份政策还没有解读')).toBeInTheDocument()
    expect(screen.getByRole('toolbar')).toHaveTextContent('待审核')
    // in review the form is read-only
    expect(titleInput()).toBeDisabled()
  })

  it('runs the checks on demand without submitting', async () => {
    const calls = serveItem(
      () => policyItem({ status: 'draft' }),
      (call) =>
        call.path.endsWith('/check') ? { body: [{ level: 'warning', code: 'broken_link', field: 'sourceUrl', message: '原文链接无法打开' }] } : undefined,
    )
    renderAt('/policies/p1', routes)
    fireEvent.click(await screen.findByRole('button', { name: named('检查') }))
    const findings = await screen.findByRole('region', { name: '检查结果' })
    expect(findings).toHaveTextContent('提醒原文链接原文链接无法打开')
    expect(writes(calls).map((c) => c.path)).toEqual(['/admin/policies/p1/check'])
    expect(screen.getByRole('toolbar')).toHaveTextContent('草稿')
  })

  it('requires a reason to 退回, then sends it', async () => {
    const calls = serveItem(
      () => policyItem({ status: 'in_review', revision: 4 }),
      (call) =>
        call.path.endsWith('/reject')
          ? { body: policyItem({ status: 'rejected', revision: 5, rejectReason: (call.body as { reason: string }).reason }) }
          : undefined,
    )
    renderAt('/policies/p1', routes, 'reviewer')
    fireEvent.click(await screen.findByRole('button', { name: named('退回') }))
    const dialog = await screen.findByRole('dialog')
    fireEvent.click(within(dialog).getByRole('button', { name: named('退回') }))
    expect(await within(dialog).findByText('请填写退回理由')).toBeInTheDocument()
    expect(writes(calls)).toHaveLength(0)

    fireEvent.change(within(dialog).getByLabelText('退回理由'), { target: { value: '补贴标准与原文不符' } })
    fireEvent.click(within(dialog).getByRole('button', { name: named('退回') }))
    await waitFor(() => expect(writes(calls)).toHaveLength(1))
    expect(writes(calls)[0]).toMatchObject({ path: '/admin/policies/p1/reject', body: { revision: 4, reason: '补贴标准与原文不符' } })
  })

  it('shows the reason of a rejected item', async () => {
    serveItem(
      () => policyItem({ status: 'rejected', rejectReason: '补贴标准与原文不符', reviewer: { id: 'r1', name: '赵审核' } }),
      () => undefined,
    )
    renderAt('/policies/p1', routes)
    expect(await screen.findByText('退回理由：补贴标准与原文不符')).toBeInTheDocument()
    expect(screen.getByText('已退回（赵审核）')).toBeInTheDocument()
  })

  it('on 409 shows who changed it, compares both drafts and reloads theirs — never overwriting', async () => {
    let current = policyItem({ revision: 1 })
    const calls = serveItem(
      () => current,
      (call) => {
        if (call.method !== 'PUT') return undefined
        // someone else saved first
        current = policyItem({
          revision: 2,
          version: 2,
          updatedBy: { id: 'u2', name: '陈编辑' },
          draft: policyDraft({ summary: '80 周岁以上老人每月领取 150 元' }),
        })
        return { status: 409, body: { error: { code: 'conflict', message: '已被他人修改' } } }
      },
    )
    renderAt('/policies/p1', routes)
    await waitFor(() => expect(titleInput().value).toBe('仙居县高龄老人补贴办法'))
    fireEvent.change(titleInput(), { target: { value: '我的标题' } })
    fireEvent.click(screen.getByRole('button', { name: named('保存') }))

    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByText('该内容已被他人修改')).toBeInTheDocument()
    expect(await within(dialog).findByText(/陈编辑 在你打开之后保存了新的内容/)).toBeInTheDocument()

    fireEvent.click(within(dialog).getByRole('button', { name: named('对比') }))
    const diff = within(dialog).getByRole('table', { name: '版本对比' })
    expect(diff.querySelector('[data-side="before"]')).not.toBeNull()
    const changed = [...diff.querySelectorAll('tr[data-kind="changed"]')].map((row) => row.textContent)
    expect(changed.some((text) => text?.includes('仙居县高龄老人补贴办法') && text.includes('我的标题'))).toBe(true)
    expect(changed.some((text) => text?.includes('150 元'))).toBe(true)

    fireEvent.click(within(dialog).getByRole('button', { name: /重新加载/ }))
    await waitFor(() => expect(titleInput().value).toBe('仙居县高龄老人补贴办法'))
    expect((screen.getByLabelText('摘要') as HTMLTextAreaElement).value).toBe('80 周岁以上老人每月领取 150 元')
    expect(writes(calls)).toHaveLength(1)

    // saving again now carries their revision
    fireEvent.change(titleInput(), { target: { value: '合并后的标题' } })
    current = { ...current }
    fireEvent.click(screen.getByRole('button', { name: named('保存') }))
    await waitFor(() => expect(writes(calls)).toHaveLength(2))
    expect(writes(calls)[1].body).toMatchObject({ revision: 2 })
  })

  it('publishes now, or at a later time', async () => {
    const calls = serveItem(
      () => policyItem({ status: 'approved', revision: 7 }),
      (call) => (call.path.endsWith('/publish') ? { body: policyItem({ status: 'published', revision: 8, live: true, publishedVersion: 1 }) } : undefined),
    )
    renderAt('/policies/p1', routes, 'reviewer')
    fireEvent.click(await screen.findByRole('button', { name: named('发布') }))
    let dialog = await screen.findByRole('dialog')
    fireEvent.click(within(dialog).getByRole('button', { name: named('发布') }))
    await waitFor(() => expect(writes(calls)).toHaveLength(1))
    expect(writes(calls)[0]).toMatchObject({ path: '/admin/policies/p1/publish', body: { revision: 7 } })
    expect(writes(calls)[0].body).not.toHaveProperty('at')

    await screen.findByText('发布成功')
    fireEvent.click(await screen.findByRole('button', { name: named('发布') }))
    dialog = (await screen.findAllByRole('dialog')).at(-1)!
    fireEvent.click(within(dialog).getByLabelText('定时发布'))
    // no time picked: nothing is sent
    fireEvent.click(within(dialog).getByRole('button', { name: named('发布') }))
    expect(await within(dialog).findByText('请选择发布时间')).toBeInTheDocument()
    expect(writes(calls)).toHaveLength(1)
  })

  it('withdraws only after a confirmation', async () => {
    const calls = serveItem(
      () => policyItem({ status: 'published', live: true, publishedVersion: 1, revision: 3 }),
      (call) => (call.path.endsWith('/withdraw') ? { body: policyItem({ status: 'withdrawn', revision: 4 }) } : undefined),
    )
    renderAt('/policies/p1', routes, 'reviewer')
    fireEvent.click(await screen.findByRole('button', { name: named('撤回') }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveTextContent('撤回后居民将看不到这条内容')
    expect(writes(calls)).toHaveLength(0)
    fireEvent.click(within(dialog).getByRole('button', { name: named('撤回') }))
    await waitFor(() => expect(writes(calls)).toHaveLength(1))
    expect(writes(calls)[0]).toMatchObject({ path: '/admin/policies/p1/withdraw', body: { revision: 3 } })
  })

  it('shows the server’s refusal of a reviewer approving their own draft', async () => {
    serveItem(
      () => policyItem({ status: 'in_review' }),
      (call) => (call.path.endsWith('/approve') ? { status: 403, body: { error: { code: 'forbidden', message: '不能审核自己提交的内容' } } } : undefined),
    )
    renderAt('/policies/p1', routes, 'admin')
    fireEvent.click(await screen.findByRole('button', { name: named('审核通过') }))
    expect(await screen.findByText('不能审核自己提交的内容')).toBeInTheDocument()
    expect(screen.getByRole('toolbar')).toHaveTextContent('待审核')
  })
})

describe('a new item', () => {
  it('is created for the account’s organisation and then opened at its address', async () => {
    const calls = mockFetch((call) => {
      if (call.method === 'POST' && call.path === '/admin/faqs')
        return { status: 201, body: { ...policyItem(), id: 'f1', type: 'faq', draft: (call.body as { draft: unknown }).draft } }
      if (call.method === 'GET' && call.path === '/admin/faqs/f1')
        return { body: { ...policyItem(), id: 'f1', type: 'faq', draft: { question: '养老金怎么领？', answer: '', topic: '', keywords: [] } } }
      return call.path.startsWith('/admin/') && call.method === 'GET' && call.path !== '/admin/orgs'
        ? { body: { items: [], total: 0, page: 1, pageSize: 20 } }
        : undefined
    })
    const { location } = renderAt('/faqs/new', [
      { path: '/faqs/new', element: <EditorialEditPage type='faq' /> },
      { path: '/faqs/:id', element: <EditorialEditPage type='faq' /> },
    ])
    expect(screen.getByRole('heading', { name: '新建简明问答' })).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('问题'), { target: { value: '养老金怎么领？' } })
    fireEvent.click(screen.getByRole('button', { name: named('保存') }))
    await waitFor(() => expect(location.pathname).toBe('/faqs/f1'))
    const post = calls.find((c) => c.method === 'POST')!
    expect(post.body).toEqual({ orgCode: '331024', draft: { question: '养老金怎么领？', answer: '', topic: '', keywords: [] } })
    expect(await screen.findByRole('button', { name: named('送审') })).toBeInTheDocument()
  })
})
