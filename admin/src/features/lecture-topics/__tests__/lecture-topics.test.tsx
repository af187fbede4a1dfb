import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { DeskTopic } from '@common/contract'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'

jest.setTimeout(120_000)

const topic: DeskTopic = {
  id: 'lt01',
  title: '城乡居民养老保险政策解读',
  summary: '讲解参保缴费。',
  department: '台州市人力资源和社会保障局',
  topic: 'yanglao',
  durationMin: 60,
  formats: ['onsite'],
  policyIds: [],
  orgCode: '331000',
  active: false,
  lecturers: [{ id: 'u-lec-01', name: '陈海燕' }],
}

it('lists the topics with lecturers and state, filtered on the server', async () => {
  const calls = fakeApi({
    'GET /admin/orgs': { body: ORG_TREE },
    'GET /admin/lecture-topics': { body: { items: [topic], total: 1, page: 1, pageSize: 20 } },
  })
  renderConsole('/lecture-topics', { user: staff('admin', { code: '331000', name: '台州市' }) })
  expect(await screen.findByText('城乡居民养老保险政策解读')).toBeInTheDocument()
  expect(screen.getByText('陈海燕')).toBeInTheDocument()
  expect(screen.getByText('下架')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: '新增专题' })).toBeInTheDocument()
  fireEvent.change(screen.getByLabelText('搜索'), { target: { value: '养老' } })
  fireEvent.click(screen.getByRole('button', { name: /查\s*询/ }))
  await waitFor(() => expect(calls.filter((c) => c.path === '/admin/lecture-topics')).toHaveLength(2))
  expect(Object.fromEntries(calls.filter((c) => c.path === '/admin/lecture-topics')[1].query)).toEqual({ q: '养老', page: '1', pageSize: '20' })
})
