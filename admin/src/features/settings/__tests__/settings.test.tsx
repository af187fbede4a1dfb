import { fireEvent, screen, waitFor } from '@testing-library/react'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'

jest.setTimeout(120_000)

describe('单位设置', () => {
  it('turns on review of consultation replies for the organisation and shows the saved state', async () => {
    let reviewReplies = false
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/orgs/331024/settings': { body: { orgCode: '331024', allowSelfReview: false } },
      'GET /admin/consultations/settings/331024': () => ({ body: { orgCode: '331024', reviewReplies } }),
      'PUT /admin/consultations/settings/331024': (call) => {
        reviewReplies = (call.body as { reviewReplies: boolean }).reviewReplies
        return { body: { orgCode: '331024', reviewReplies } }
      },
    })
    renderConsole('/settings', { user: staff('admin') })
    const toggle = await screen.findByRole('switch', { name: '咨询答复须经审核' })
    expect(toggle).toHaveAttribute('aria-checked', 'false')
    fireEvent.click(toggle)
    expect(await screen.findByText('咨询答复须经审核后发布')).toBeInTheDocument()
    expect(calls.find((c) => c.method === 'PUT' && c.path === '/admin/consultations/settings/331024')?.body).toEqual({ reviewReplies: true })
    await waitFor(() => expect(screen.getByRole('switch', { name: '咨询答复须经审核' })).toHaveAttribute('aria-checked', 'true'))
  })

  it('says so in Chinese when the setting cannot be read', async () => {
    fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/orgs/331024/settings': { body: { orgCode: '331024', allowSelfReview: false } },
      'GET /admin/consultations/settings/331024': { status: 500, body: { error: { code: 'internal', message: '服务暂时不可用' } } },
    })
    renderConsole('/settings', { user: staff('admin') })
    expect(await screen.findByText('加载失败')).toBeInTheDocument()
    expect(screen.getByRole('switch', { name: '允许自审' })).toBeInTheDocument()
  })
})
