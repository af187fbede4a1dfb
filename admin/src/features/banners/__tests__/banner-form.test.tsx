import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import type { BannerDraft } from '@common/contract'
import { type Call, mockFetch } from '../../editorial/__tests__/support'
import { BannerForm } from '../banner-form'

// antd forms in jsdom on a shared 2-core machine take seconds per step
jest.setTimeout(30_000)

const banner = (over: Partial<BannerDraft> = {}): BannerDraft => ({
  title: '敬老月',
  image: '',
  alt: '',
  link: '',
  startsAt: '2026-10-01',
  endsAt: '2026-10-31',
  position: 0,
  ...over,
})

function Harness({ initial, onDraft }: { initial: BannerDraft; onDraft: (d: BannerDraft) => void }) {
  const [value, setValue] = useState(initial)
  return (
    <BannerForm
      value={value}
      onChange={(next) => {
        setValue(next)
        onDraft(next)
      }}
    />
  )
}

describe('the banner form', () => {
  it('uploads the picture and fills its address', async () => {
    const calls: Call[] = mockFetch((call) =>
      call.path === '/uploads' ? { status: 201, body: { url: '/media/uploads/abc.png', type: 'image/png', size: 3 } } : undefined,
    )
    const drafts: BannerDraft[] = []
    const { container } = render(<Harness initial={banner()} onDraft={(d) => drafts.push(d)} />)
    const input = container.querySelector('input[type="file"]') as HTMLInputElement
    fireEvent.change(input, { target: { files: [new File([new Uint8Array([1, 2, 3])], 'a.png', { type: 'image/png' })] } })
    await waitFor(() => expect(drafts.at(-1)?.image).toBe('/media/uploads/abc.png'))
    expect(calls.find((c) => c.path === '/uploads')!.body).toBeInstanceOf(FormData)
    // the preview says what is missing until the description is written
    expect(screen.getByRole('img', { name: '（请填写图片说明）' })).toBeInTheDocument()
  })

  it('refuses a file that is not a picture before sending it', async () => {
    const calls = mockFetch(() => undefined)
    const { container } = render(<Harness initial={banner()} onDraft={jest.fn()} />)
    const input = container.querySelector('input[type="file"]') as HTMLInputElement
    fireEvent.change(input, { target: { files: [new File(['%PDF'], 'a.pdf', { type: 'application/pdf' })] } })
    expect(await screen.findByText('仅支持 JPG、PNG、WebP 图片')).toBeInTheDocument()
    expect(calls.filter((c) => c.path === '/uploads')).toHaveLength(0)
  })

  it('requires the picture’s description and a link the app can open, and an end not before the start', async () => {
    mockFetch(() => undefined)
    render(<Harness initial={banner({ alt: '老人', link: '/pages/x', endsAt: '2026-09-01' })} onDraft={jest.fn()} />)
    fireEvent.change(screen.getByLabelText('图片说明'), { target: { value: ' ' } })
    fireEvent.change(screen.getByLabelText('链接'), { target: { value: 'http://example.com' } })
    expect(await screen.findByText('请填写图片说明（供视障人士读屏使用）')).toBeInTheDocument()
    expect(await screen.findByText(/请填写小程序页面路径/)).toBeInTheDocument()
  })
})
