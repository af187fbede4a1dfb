import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import type { PolicyDraft } from '@common/contract'
import { mockFetch, named, policyDraft, summary } from '../../editorial/__tests__/support'
import { PolicyForm } from '../policy-form'

// antd forms and selects in jsdom on a shared 2-core machine take seconds per step
jest.setTimeout(60_000)

function Harness({
  initial,
  onDraft,
  fieldErrors,
  readOnly,
}: {
  initial: PolicyDraft
  onDraft: (d: PolicyDraft) => void
  fieldErrors?: Record<string, string>
  readOnly?: boolean
}) {
  const [value, setValue] = useState(initial)
  return (
    <PolicyForm
      value={value}
      onChange={(next) => {
        setValue(next)
        onDraft(next)
      }}
      fieldErrors={fieldErrors}
      readOnly={readOnly}
    />
  )
}

beforeEach(() => {
  mockFetch((call) =>
    call.path === '/admin/policies'
      ? { body: { items: [summary({ id: 'p9', title: '仙居县高龄老人补贴办法（2026 年修订）' })], total: 1, page: 1, pageSize: 20 } }
      : undefined,
  )
})

describe('the policy form', () => {
  it('shows a server field error on its field, nested ones included', async () => {
    render(
      <Harness
        initial={policyDraft()}
        onDraft={jest.fn()}
        fieldErrors={{ 'draft.docNumber': '文号格式不对', 'draft.sections[0].paragraphs[0]': '段落含有不当用语' }}
      />,
    )
    await waitFor(() => expect((screen.getByLabelText('文号') as HTMLElement).closest('.ant-form-item')).toHaveTextContent('文号格式不对'))
    expect(screen.getByLabelText('第 1 段').closest('.ant-form-item')).toHaveTextContent('段落含有不当用语')
  })

  it('asks for the new policy when 已修订 and for the date when 已废止, and drops what no longer applies', async () => {
    const drafts: PolicyDraft[] = []
    render(<Harness initial={policyDraft()} onDraft={(d) => drafts.push(d)} />)
    expect(screen.queryByText('修订后的政策')).toBeNull()

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '有效性' }))
    fireEvent.click(await screen.findByTitle('已修订'))
    expect(await screen.findByText('修订后的政策')).toBeInTheDocument()
    fireEvent.mouseDown(screen.getByRole('combobox', { name: '修订后的政策' }))
    fireEvent.click(await screen.findByTitle('仙居县高龄老人补贴办法（2026 年修订）'))
    await waitFor(() => expect(drafts.at(-1)).toMatchObject({ validity: 'revised', replacedBy: 'p9' }))

    fireEvent.mouseDown(screen.getByRole('combobox', { name: '有效性' }))
    fireEvent.click(await screen.findByTitle('已废止'))
    expect(await screen.findByText('废止日期')).toBeInTheDocument()
    expect(screen.queryByText('修订后的政策')).toBeNull()
    expect(drafts.at(-1)!.validity).toBe('repealed')
    expect(drafts.at(-1)).not.toHaveProperty('replacedBy')
  })

  it('adds, moves and removes sections and paragraphs', async () => {
    const drafts: PolicyDraft[] = []
    render(<Harness initial={policyDraft()} onDraft={(d) => drafts.push(d)} />)
    fireEvent.click(screen.getByRole('button', { name: /添加一节/ }))
    const headings = () => screen.getAllByLabelText('小标题') as HTMLInputElement[]
    await waitFor(() => expect(headings()).toHaveLength(2))
    fireEvent.change(headings()[1], { target: { value: '申领流程' } })
    fireEvent.click(screen.getByRole('button', { name: '第 2 节上移' }))
    await waitFor(() => expect(drafts.at(-1)!.sections.map((s) => s.heading)).toEqual(['申领流程', '补贴标准']))

    const second = screen.getByText('第 2 节').closest('.ant-card') as HTMLElement
    fireEvent.click(within(second).getByRole('button', { name: /添加段落/ }))
    await waitFor(() => expect(drafts.at(-1)!.sections[1].paragraphs).toHaveLength(2))
    fireEvent.click(screen.getByRole('button', { name: '删除第 1 节' }))
    await waitFor(() => expect(drafts.at(-1)!.sections.map((s) => s.heading)).toEqual(['补贴标准']))
  })

  it('takes an optional 截止日期 as YYYY-MM-DD, drops it when cleared, and shows the server rule on it', async () => {
    const drafts: PolicyDraft[] = []
    const { rerender } = render(<Harness initial={policyDraft({ publishedAt: '2026-03-25' })} onDraft={(d) => drafts.push(d)} />)
    const closes = screen.getByLabelText('截止日期') as HTMLInputElement
    expect(closes).toHaveValue('')
    fireEvent.mouseDown(closes)
    // the panel opens on 发布日期's month once a day in it is typed: days before 发布日期 cannot be picked
    fireEvent.change(closes, { target: { value: '2026-03-30' } })
    await waitFor(() => expect(document.querySelector('td[title="2026-03-24"]')).toHaveClass('ant-picker-cell-disabled'))
    expect(document.querySelector('td[title="2026-03-25"]')).not.toHaveClass('ant-picker-cell-disabled')
    fireEvent.change(closes, { target: { value: '2026-05-20' } })
    fireEvent.keyDown(closes, { key: 'Enter', code: 'Enter', keyCode: 13 })
    await waitFor(() => expect(drafts.at(-1)).toMatchObject({ closesAt: '2026-05-20', publishedAt: '2026-03-25' }))

    fireEvent.mouseDown(closes.closest('.ant-picker')!.querySelector('.ant-picker-clear')!)
    fireEvent.mouseUp(closes.closest('.ant-picker')!.querySelector('.ant-picker-clear')!)
    fireEvent.click(closes.closest('.ant-picker')!.querySelector('.ant-picker-clear')!)
    await waitFor(() => expect(drafts.at(-1)).not.toHaveProperty('closesAt'))

    rerender(<Harness initial={policyDraft()} onDraft={jest.fn()} fieldErrors={{ 'draft.closesAt': '截止日期不能早于发布日期' }} />)
    await waitFor(() => expect(screen.getByLabelText('截止日期').closest('.ant-form-item')).toHaveTextContent('截止日期不能早于发布日期'))
  })

  it('keeps dates as YYYY-MM-DD and is read-only when asked', async () => {
    render(<Harness initial={policyDraft({ effectiveFrom: '2026-04-01', closesAt: '2026-06-30' })} onDraft={jest.fn()} readOnly />)
    expect(screen.getByLabelText('施行日期')).toHaveValue('2026-04-01')
    expect(screen.getByLabelText('截止日期')).toHaveValue('2026-06-30')
    expect(screen.getByLabelText('截止日期')).toBeDisabled()
    expect(screen.getByLabelText('标题')).toBeDisabled()
    expect(screen.queryByRole('button', { name: /添加一节/ })).toBeNull()
    expect(screen.queryByRole('button', { name: named('保存') })).toBeNull()
    // the topic and the region are named (not shown as codes) once their lists have answered
    expect(await screen.findByText('养老服务', { selector: '.ant-select-selection-item' })).toBeInTheDocument()
    expect(await screen.findByText('仙居县', { selector: '.ant-select-selection-item' })).toBeInTheDocument()
  })
})

describe('the PDF attachment', () => {
  it('uploads a PDF and puts its address and file name into the draft', async () => {
    const calls = mockFetch((call) =>
      call.path === '/uploads' ? { status: 201, body: { url: '/media/uploads/yuanwen.pdf', type: 'application/pdf', size: 9 } } : undefined,
    )
    const drafts: PolicyDraft[] = []
    const { container } = render(<Harness initial={policyDraft()} onDraft={(d) => drafts.push(d)} />)
    const input = container.querySelector('input[type="file"]') as HTMLInputElement
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.7\n%%EOF\n'], '政策原文.pdf', { type: 'application/pdf' })] } })
    await waitFor(() => expect(drafts.at(-1)?.attachment).toEqual({ url: '/media/uploads/yuanwen.pdf', name: '政策原文.pdf' }))
    expect(calls.find((c) => c.path === '/uploads')!.body).toBeInstanceOf(FormData)
  })

  it('refuses a file that is not a PDF before sending it', async () => {
    const calls = mockFetch(() => undefined)
    const { container } = render(<Harness initial={policyDraft()} onDraft={jest.fn()} />)
    const input = container.querySelector('input[type="file"]') as HTMLInputElement
    fireEvent.change(input, { target: { files: [new File(['x'], 'a.docx', { type: 'application/msword' })] } })
    expect(await screen.findByText('请选择 PDF 文件')).toBeInTheDocument()
    expect(calls.filter((c) => c.path === '/uploads')).toHaveLength(0)
  })
})
