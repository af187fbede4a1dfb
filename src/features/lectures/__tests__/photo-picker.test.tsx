/**
 * 现场照片 on H5 against the real routes (SQLite in memory): the lecturer picks photos with the
 * file input, each is uploaded (POST /uploads, multipart) and shown from its /media/uploads URL;
 * a text file is refused with the server's Chinese message and can be removed; the completion
 * report carries only the uploaded URLs, which the server accepts.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { useSessionStore } from '@/api'
import type { LectureOrder } from '@common/contract'
import { setUploadTransport } from '../api/upload-photo'
import { PhotoPicker } from '../components/photo-picker'
import { OrderActions } from '../components/order-actions'

const api = setupFixtureApi()
beforeAll(() => setUploadTransport(api.upload))
jest.setTimeout(30000)

const JPEG = readFileSync(path.resolve(__dirname, '../../../../mock/media/covers/c001.jpg'))

async function signIn(role: 'lecturer' | 'resident' | 'dispatcher', name: string) {
  const session = await api.client.call('POST /auth/dev', { body: { role, name } })
  act(() => useSessionStore.getState().signIn(session))
  return session
}

function choose(...files: File[]) {
  const input = screen.getByLabelText('选择照片') as HTMLInputElement
  expect(input.type).toBe('file')
  expect(input.accept).toBe('image/*')
  fireEvent.change(input, { target: { files } })
}

it('uploads picked photos, shows them, refuses a text file in Chinese, and removes one', async () => {
  await signIn('lecturer', '陈海燕')
  const changes: string[][] = []
  render(<PhotoPicker onChange={(urls) => changes.push(urls)} />)

  choose(new File([new Uint8Array(JPEG)], 'IMG_0001.jpg', { type: 'image/jpeg' }), new File(['只是文字'], 'fake.jpg', { type: 'image/jpeg' }))
  const list = screen.getByRole('list', { name: '现场照片' })
  await waitFor(() => expect(within(list).getByText(/仅支持 JPG、PNG、WebP 图片/)).toBeInTheDocument())
  const first = within(list).getByLabelText('第1张照片')
  expect(first.querySelector('img')?.getAttribute('src') ?? first.getAttribute('src')).toMatch(/\/media\/uploads\/[0-9a-f]{32}\.jpg$/)
  expect(changes.at(-1)).toEqual([expect.stringMatching(/^\/media\/uploads\/[0-9a-f]{32}\.jpg$/)])
  expect(api.requests.filter((r) => r === 'POST /api/v1/uploads')).toHaveLength(2)

  fireEvent.click(screen.getByRole('button', { name: '删除第2张照片' }))
  expect(within(list).getAllByRole('listitem')).toHaveLength(1)
  fireEvent.click(screen.getByRole('button', { name: '删除第1张照片' }))
  await waitFor(() => expect(changes.at(-1)).toEqual([]))
})

it('keeps to the limit, says so, and hides the add button when full', async () => {
  await signIn('lecturer', '陈海燕')
  render(<PhotoPicker onChange={() => undefined} max={2} />)
  const photo = () => new File([new Uint8Array(JPEG)], 'a.jpg', { type: 'image/jpeg' })
  choose(photo(), photo(), photo())
  expect(await screen.findByRole('alert')).toHaveTextContent('最多2张照片，多出的未添加')
  await waitFor(() => expect(screen.getAllByRole('listitem')).toHaveLength(2))
  await waitFor(() => expect(screen.queryByText(/上传中/)).toBeNull())
  expect(screen.queryByRole('button', { name: /添加照片/ })).toBeNull()
})

it('the completion report sends the uploaded photos, and the order shows them', async () => {
  // an order driven to 已排期 through the real routes
  const resident = await signIn('resident', '照片测试居民')
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  const plus = (d: number) => new Date(Date.parse(today) + d * 86_400_000).toISOString().slice(0, 10)
  const order = await api.client.call('POST /lecture-orders', {
    body: {
      topicId: 'lt01',
      villageCode: '331002001003',
      placeName: '城隍浦社区文化家园',
      dateFrom: plus(5),
      dateTo: plus(12),
      timeOfDay: 'afternoon',
      audienceSize: 60,
      contactName: '林晓燕',
      contactPhone: '13912345678',
    },
    idempotencyKey: 'photo-order',
  })
  void resident
  await signIn('dispatcher', '派单员甲')
  await api.client.call('POST /lecture-orders/:id/dispatch', { params: { id: order.id }, body: { lecturerId: 'u-lec-01' } })
  await signIn('lecturer', '陈海燕')
  await api.client.call('POST /lecture-orders/:id/accept', { params: { id: order.id }, body: {} })
  const scheduled = await api.client.call('POST /lecture-orders/:id/schedule', {
    params: { id: order.id },
    body: { date: plus(6), time: '14:30', place: '城隍浦社区文化礼堂' },
  })

  let done: LectureOrder | undefined
  render(<OrderActions order={scheduled} onChanged={(o) => (done = o)} />)
  fireEvent.click(screen.getByRole('button', { name: '填写完成报告' }))
  fireEvent(screen.getByLabelText('到场人数'), new CustomEvent('input', { bubbles: true, detail: { value: '40' } }))
  fireEvent(screen.getByLabelText('宣讲小结'), new CustomEvent('input', { bubbles: true, detail: { value: '讲解了缴费档次和待遇领取。' } }))
  choose(new File([new Uint8Array(JPEG)], 'scene.jpg', { type: 'image/jpeg' }))
  await waitFor(() => expect(screen.queryByText(/上传中/)).toBeNull())
  fireEvent.click(screen.getByRole('button', { name: '提交完成报告' }))
  await waitFor(() => expect(done?.status).toBe('delivered'))
  expect(done!.report!.photos).toEqual([expect.stringMatching(/^\/media\/uploads\/[0-9a-f]{32}\.jpg$/)])
})
