import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { EditorialVersion } from '@common/contract'
import { DraftDiff, diffRows } from '../draft-diff'
import { draftText, fieldLabel } from '../draft-text'
import { VersionsDrawer } from '../versions-drawer'
import { type Call, mockFetch, policyDraft } from './support'

// antd drawers and selects in jsdom on a shared 2-core machine take seconds per step
jest.setTimeout(30_000)

const version = (n: number, draft = policyDraft(), live = false): EditorialVersion<'policy'> => ({
  version: n,
  createdAt: `2026-03-0${n}T02:00:00.000Z`,
  author: { id: 'u1', name: '王编辑' },
  draft,
  live,
})

describe('drafts as text', () => {
  it('renders one line per field, sections one line per part, in the form’s words', () => {
    const text = draftText('policy', policyDraft({ validity: 'repealed', repealedAt: '2026-06-01' }))
    expect(text).toContain('标题：仙居县高龄老人补贴办法\n')
    expect(text).toContain('原文[1].heading：补贴标准\n')
    expect(text).toContain('原文[1].paragraphs[1]：80 至 89 周岁每人每月 100 元。\n')
    expect(text).toContain('有效性：已废止\n')
    expect(text).toContain('废止日期：2026-06-01\n')
  })

  it('shows a changed 截止日期 in the diff, in its place after 施行日期', () => {
    const before = draftText('policy', policyDraft({ effectiveFrom: '2026-04-01' }))
    const after = draftText('policy', policyDraft({ effectiveFrom: '2026-04-01', closesAt: '2026-06-30' }))
    expect(after).toContain('施行日期：2026-04-01\n截止日期：2026-06-30\n')
    expect(diffRows(before, after).filter((r) => r.kind !== 'same')).toEqual([{ kind: 'added', right: '截止日期：2026-06-30' }])
  })

  it('names the fields the checks point at', () => {
    expect(fieldLabel('interpretation', 'blocks[3].alt')).toBe('内容块 · 第 4 项 · alt')
    expect(fieldLabel('policy', 'title')).toBe('标题')
  })
})

describe('the side-by-side diff', () => {
  it('pairs a changed line and marks removed and added lines with − and +', () => {
    expect(diffRows('a\nb\nc\n', 'a\nB\nc\nd\n').map((r) => r.kind)).toEqual(['same', 'changed', 'same', 'added'])
    render(<DraftDiff before={'标题：旧\n摘要：不变\n文号：一号\n'} after={'标题：新\n摘要：不变\n'} beforeTitle='v1' afterTitle='v2' />)
    const table = screen.getByRole('table', { name: '版本对比' })
    const rows = [...table.querySelectorAll('tbody tr')]
    expect(rows.map((r) => r.getAttribute('data-kind'))).toEqual(['changed', 'same', 'removed'])
    expect(rows[0]).toHaveTextContent('−标题：旧+标题：新')
    expect(rows[1]).toHaveTextContent(/^摘要：不变摘要：不变$/)
    expect(rows[2]).toHaveTextContent('−文号：一号')
    expect(within(rows[2] as HTMLElement).getByLabelText('删除')).toHaveTextContent('−')
    expect(screen.getByText('共 2 处不同')).toBeInTheDocument()
  })

  it('shows content as text, never as HTML', () => {
    render(<DraftDiff before={'标题：<b>加粗</b>\n'} after={'标题：<img src=x onerror=alert(1)>\n'} beforeTitle='v1' afterTitle='v2' />)
    expect(document.querySelector('img')).toBeNull()
    expect(document.querySelector('b')).toBeNull()
    expect(screen.getByRole('table')).toHaveTextContent('<img src=x onerror=alert(1)>')
  })
})

describe('版本记录', () => {
  it('loads the versions, compares the latest two, and any two picked', async () => {
    const calls: Call[] = mockFetch((call) =>
      call.path === '/admin/policies/p1/versions'
        ? {
            body: [
              version(1, policyDraft({ summary: '第一版摘要' }), true),
              version(2, policyDraft({ summary: '第二版摘要' })),
              version(3, policyDraft({ summary: '第二版摘要', title: '第三版标题' })),
            ],
          }
        : undefined,
    )
    render(<VersionsDrawer type='policy' id='p1' open onClose={jest.fn()} />)
    const table = await screen.findByRole('table', { name: '版本对比' })
    expect(calls.map((c) => c.path)).toContain('/admin/policies/p1/versions')
    // v2 against v3: only the title changed
    expect(table.querySelectorAll('tr[data-kind="changed"]')).toHaveLength(1)
    expect(table.querySelector('tr[data-kind="changed"]')).toHaveTextContent('第三版标题')

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '旧版本' }))
    fireEvent.click(await screen.findByTitle('v1 · 王编辑 · 2026-03-01 10:00 · 线上'))
    await waitFor(() => expect(screen.getByRole('table', { name: '版本对比' }).querySelectorAll('tr[data-kind="changed"]')).toHaveLength(2))
    const changed = screen.getByRole('table', { name: '版本对比' }).querySelectorAll('tr[data-kind="changed"]')
    expect([...changed].map((r) => r.textContent).join()).toContain('第一版摘要')
  })
})
