import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import type { FaqDraft } from '@common/contract'
import { mockFetch } from '../../editorial/__tests__/support'
import { FaqForm } from '../faq-form'

// antd forms and selects in jsdom on a shared 2-core machine take seconds per step
jest.setTimeout(30_000)

function Harness({ initial, onDraft }: { initial: FaqDraft; onDraft: (d: FaqDraft) => void }) {
  const [value, setValue] = useState(initial)
  return (
    <FaqForm
      value={value}
      onChange={(next) => {
        setValue(next)
        onDraft(next)
      }}
      fieldErrors={{ 'draft.answer': '回答含有不当用语' }}
    />
  )
}

/** the console's lists the form looks things up in (policies, interpretations) answer empty */
function answerAdminListsEmpty() {
  mockFetch((call) =>
    call.path.startsWith('/admin/') && call.method === 'GET' && !call.path.includes('orgs')
      ? { body: { items: [], total: 0, page: 1, pageSize: 20 } }
      : undefined,
  )
}

describe('the FAQ form', () => {
  it('takes keywords as tags and shows a server error on the answer', async () => {
    answerAdminListsEmpty()
    const drafts: FaqDraft[] = []
    render(
      <Harness initial={{ question: '养老金怎么领？', answer: '到社保窗口办理。', topic: 'yanglao', keywords: ['养老金'] }} onDraft={(d) => drafts.push(d)} />,
    )
    expect(screen.getByText('养老金')).toBeInTheDocument()
    const input = screen.getByRole('combobox', { name: '关键词' })
    fireEvent.change(input, { target: { value: '补贴' } })
    fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 })
    await waitFor(() => expect(drafts.at(-1)?.keywords).toEqual(['养老金', '补贴']))
    await waitFor(() => expect(screen.getByLabelText('回答').closest('.ant-form-item')).toHaveTextContent('回答含有不当用语'))
  })

  it("takes 相似问法 one per line, warns before saving past 10 or 60 characters, and shows the server's error on the box", async () => {
    answerAdminListsEmpty()
    const drafts: FaqDraft[] = []
    render(
      <FaqForm
        value={{ question: '养老金怎么领？', answer: '到社保窗口办理。', topic: 'yanglao', keywords: [], similar: ['退休金去哪领'] }}
        onChange={(d) => drafts.push(d)}
        fieldErrors={{ 'draft.similar[1]': '相似问法含有不当用语' }}
      />,
    )
    const box = screen.getByLabelText('相似问法')
    expect(box).toHaveValue('退休金去哪领')
    await waitFor(() => expect(box.closest('.ant-form-item')).toHaveTextContent('相似问法含有不当用语'))
    fireEvent.change(box, { target: { value: '退休金去哪领\n养老金每月几号发' } })
    await waitFor(() => expect(drafts.at(-1)?.similar).toEqual(['退休金去哪领', '养老金每月几号发']))
    fireEvent.change(box, { target: { value: '问'.repeat(61) } })
    await waitFor(() => expect(box.closest('.ant-form-item')).toHaveTextContent('第 1 条相似问法超过 60 个字'))
    fireEvent.change(box, { target: { value: Array.from({ length: 11 }, (_, i) => `问法${i}`).join('\n') } })
    await waitFor(() => expect(box.closest('.ant-form-item')).toHaveTextContent('相似问法不能超过 10 条'))
  })
})
