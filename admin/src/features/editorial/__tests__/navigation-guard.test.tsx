import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createMemoryRouter, RouterProvider } from 'react-router-dom'
import { PROVIDER_FUTURE, ROUTER_FUTURE } from '../../../app/router-future'
import { CurrentUserContext } from '../current-user'
import { EditorialEditPage } from '../editorial-edit-page'
import { mockFetch, named, user } from './support'

// a data router's navigation under load on the shared 2-core machine
jest.setTimeout(60_000)

const faq = {
  id: 'f1',
  type: 'faq',
  title: '养老金怎么领？',
  org: { code: '331024', name: '仙居县' },
  status: 'draft',
  live: false,
  version: 1,
  revision: 1,
  author: { id: 'u1', name: '王编辑' },
  updatedBy: { id: 'u1', name: '王编辑' },
  updatedAt: '2026-03-02T02:00:00.000Z',
  draft: { question: '养老金怎么领？', answer: '到社保窗口办理。', topic: 'yanglao', keywords: [] },
  checks: [],
}

describe('unsaved changes', () => {
  it('asks before leaving the editor, and stays when asked to', async () => {
    mockFetch((call) => {
      if (call.path === '/admin/faqs/f1') return { body: faq }
      return call.method === 'GET' && call.path.startsWith('/admin/') && call.path !== '/admin/orgs'
        ? { body: { items: [], total: 0, page: 1, pageSize: 20 } }
        : undefined
    })
    const router = createMemoryRouter(
      [
        { path: '/faqs/:id', element: <EditorialEditPage type='faq' /> },
        { path: '/faqs', element: <p>问答列表</p> },
      ],
      { initialEntries: ['/faqs/f1'], future: ROUTER_FUTURE },
    )
    render(
      <CurrentUserContext.Provider value={user('editor')}>
        <RouterProvider router={router} future={PROVIDER_FUTURE} />
      </CurrentUserContext.Provider>,
    )
    const question = (await screen.findByLabelText('问题')) as HTMLInputElement
    await waitFor(() => expect(question.value).toBe('养老金怎么领？'))

    // nothing changed: leaving asks nothing
    fireEvent.click(screen.getByRole('link', { name: '简明问答' }))
    expect(await screen.findByText('问答列表')).toBeInTheDocument()
    await act(() => router.navigate('/faqs/f1'))

    fireEvent.change(await screen.findByLabelText('问题'), { target: { value: '养老金在哪里领？' } })
    fireEvent.click(screen.getByRole('link', { name: '简明问答' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveTextContent('离开后未保存的修改将丢失')
    fireEvent.click(within(dialog).getByRole('button', { name: named('留下') }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/faqs/f1'))
    expect((screen.getByLabelText('问题') as HTMLInputElement).value).toBe('养老金在哪里领？')

    fireEvent.click(screen.getByRole('link', { name: '简明问答' }))
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: named('离开') }))
    expect(await screen.findByText('问答列表')).toBeInTheDocument()
  })
})
