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

describe('the FAQ form', () => {
  it('takes keywords as tags and shows a server error on the answer', async () => {
    mockFetch((call) =>
      call.path.startsWith('/admin/') && call.method === 'GET' && !call.path.includes('orgs')
        ? { body: { items: [], total: 0, page: 1, pageSize: 20 } }
        : undefined,
    )
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
})
