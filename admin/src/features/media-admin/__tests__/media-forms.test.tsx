import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { useState } from 'react'
import type { CourseDraft, VideoDraft } from '@common/contract'
import { mockFetch } from '../../editorial/__tests__/support'
import { CourseForm, moveLesson } from '../course-form'
import { durationText } from '../media-api'
import { VideoForm } from '../video-form'

// antd forms in jsdom on a shared, loaded 2-core machine take seconds per step
jest.setTimeout(120_000)

/** XMLHttpRequest as the video upload uses it: progress, then the server's answer */
class FakeXhr {
  static last: FakeXhr | undefined
  static answer: { status: number; body: unknown } = { status: 201, body: {} }
  upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {}
  onload?: () => void
  onerror?: () => void
  onabort?: () => void
  status = 0
  responseText = ''
  headers: Record<string, string> = {}
  url = ''
  body: unknown
  open(_method: string, url: string) {
    this.url = url
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value
  }
  send(body: unknown) {
    this.body = body
    FakeXhr.last = this
  }
  abort() {}
  /** the test moves the upload on */
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total })
  }
  finish() {
    this.status = FakeXhr.answer.status
    this.responseText = JSON.stringify(FakeXhr.answer.body)
    this.onload?.()
  }
}

beforeAll(() => {
  Object.assign(globalThis, { XMLHttpRequest: FakeXhr })
  if (!globalThis.crypto?.randomUUID) Object.assign(globalThis, { crypto: { randomUUID: () => 'uuid' } })
})

const video = (over: Partial<VideoDraft> = {}): VideoDraft => ({
  title: '养老金怎么算',
  topic: 'yanglao',
  src: '',
  poster: '',
  captions: '',
  durationSec: 0,
  ...over,
})

function VideoHarness({ initial, onDraft }: { initial: VideoDraft; onDraft: (d: VideoDraft) => void }) {
  const [value, setValue] = useState(initial)
  return <VideoForm value={value} onChange={(next) => (setValue(next), onDraft(next))} />
}

const fileInputs = (container: HTMLElement) => [...container.querySelectorAll('input[type="file"]')] as HTMLInputElement[]

describe('the video form', () => {
  it('uploads the mp4 with its progress and shows the length and size read from it, and the preview', async () => {
    mockFetch(() => undefined)
    const drafts: VideoDraft[] = []
    const { container } = render(<VideoHarness initial={video()} onDraft={(d) => drafts.push(d)} />)
    const [mp4Input] = fileInputs(container).filter((i) => i.accept.includes('mp4'))
    fireEvent.change(mp4Input, { target: { files: [new File([new Uint8Array(8)], 'a.mp4', { type: 'video/mp4' })] } })
    await waitFor(() => expect(FakeXhr.last).toBeDefined())
    const xhr = FakeXhr.last!
    expect(xhr.url).toBe('/api/v1/admin/videos/files')
    expect(xhr.headers['Idempotency-Key']).toBeTruthy()
    act(() => xhr.progress(40, 100))
    expect(await screen.findByRole('progressbar', { name: '视频上传进度' })).toHaveAttribute('aria-valuenow', '40')
    FakeXhr.answer = {
      status: 201,
      body: { url: '/media/uploads/aa.mp4', size: 3 * 1024 * 1024, durationSec: 125, width: 1280, height: 720, probedWith: 'mp4' },
    }
    act(() => xhr.finish())
    await waitFor(() => expect(drafts.at(-1)).toMatchObject({ src: '/media/uploads/aa.mp4', durationSec: 125, width: 1280, height: 720 }))
    const facts = screen.getByLabelText('视频信息')
    expect(within(facts).getByText('2分05秒')).toBeInTheDocument()
    expect(within(facts).getByText('1280×720')).toBeInTheDocument()
    expect(within(facts).getByText('3.0 MB')).toBeInTheDocument()
    expect(screen.getByLabelText('视频预览').tagName).toBe('VIDEO')
  })

  it('shows the server’s refusal of a file that is no mp4', async () => {
    mockFetch(() => undefined)
    const { container } = render(<VideoHarness initial={video()} onDraft={jest.fn()} />)
    FakeXhr.last = undefined
    FakeXhr.answer = { status: 400, body: { error: { code: 'bad_request', message: '仅支持 MP4 视频文件' } } }
    const [mp4Input] = fileInputs(container).filter((i) => i.accept.includes('mp4'))
    fireEvent.change(mp4Input, { target: { files: [new File(['png'], 'a.mp4', { type: 'video/mp4' })] } })
    await waitFor(() => expect(FakeXhr.last).toBeDefined())
    act(() => FakeXhr.last!.finish())
    expect(await screen.findByText('仅支持 MP4 视频文件')).toBeInTheDocument()
  })

  it('lists each caption problem with its line, and takes captions that pass', async () => {
    let refuse = true
    const calls = mockFetch((call) => {
      if (call.path !== '/admin/videos/captions') return undefined
      if (refuse) {
        return {
          status: 400,
          body: {
            error: {
              code: 'bad_request',
              message: '字幕有 2 处问题：第 3 行：结束时间超出视频时长（00:00:12）',
              checks: [
                { level: 'error', code: 'captions', field: 'line:3', message: '第 3 行：结束时间超出视频时长（00:00:12）' },
                { level: 'error', code: 'captions', field: 'line:4', message: '第 4 行：字幕文字不能包含标签、HTML 或脚本' },
              ],
            },
          },
        }
      }
      return { status: 201, body: { url: '/media/uploads/bb.vtt', cues: 4 } }
    })
    const drafts: VideoDraft[] = []
    const { container } = render(<VideoHarness initial={video({ src: '/media/uploads/aa.mp4', durationSec: 12 })} onDraft={(d) => drafts.push(d)} />)
    const [vttInput] = fileInputs(container).filter((i) => i.accept.includes('vtt'))
    const vtt = new File(['WEBVTT\n\n00:00:01.000 --> 00:00:20.000\n<b>x</b>\n'], 'a.vtt', { type: 'text/vtt' })
    fireEvent.change(vttInput, { target: { files: [vtt] } })
    expect(await screen.findByText('第 4 行：字幕文字不能包含标签、HTML 或脚本')).toBeInTheDocument()
    // the markup in the message is text, never rendered
    expect(container.querySelector('b')).toBeNull()
    expect(calls.find((c) => c.path === '/admin/videos/captions')!.body).toMatchObject({ durationSec: 12 })
    refuse = false
    // (antd's Upload puts a new input in after each choice)
    const [again] = fileInputs(container).filter((i) => i.accept.includes('vtt'))
    fireEvent.change(again, { target: { files: [new File(['WEBVTT\n'], 'b.vtt', { type: 'text/vtt' })] } })
    await waitFor(() => expect(drafts.at(-1)?.captions).toBe('/media/uploads/bb.vtt'))
    expect(container.querySelector('track[kind="captions"]')).not.toBeNull()
  })
})

function CourseHarness({ initial, onDraft }: { initial: CourseDraft; onDraft: (d: CourseDraft) => void }) {
  const [value, setValue] = useState(initial)
  return <CourseForm value={value} onChange={(next) => (setValue(next), onDraft(next))} />
}

describe('the course form', () => {
  const course: CourseDraft = {
    title: '养老保险入门',
    topic: 'yanglao',
    department: '椒江区人力社保局',
    cover: '',
    summary: '三节课',
    lessons: [
      { videoId: 'v-a', title: '第一课' },
      { videoId: 'v-b', title: '第二课' },
      { videoId: 'v-c', title: '' },
    ],
  }

  it('reorders lessons with the up and down buttons', async () => {
    mockFetch((call) => (call.path === '/admin/videos' ? { body: { items: [], total: 0, page: 1, pageSize: 20 } } : undefined))
    const drafts: CourseDraft[] = []
    render(<CourseHarness initial={course} onDraft={(d) => drafts.push(d)} />)
    expect(screen.getByRole('button', { name: '第 1 课时上移' })).toBeDisabled()
    fireEvent.click(screen.getByRole('button', { name: '第 3 课时上移' }))
    await waitFor(() => expect(drafts.at(-1)?.lessons.map((l) => l.videoId)).toEqual(['v-a', 'v-c', 'v-b']))
    fireEvent.click(screen.getByRole('button', { name: '第 1 课时下移' }))
    await waitFor(() => expect(drafts.at(-1)?.lessons.map((l) => l.videoId)).toEqual(['v-c', 'v-a', 'v-b']))
    fireEvent.click(screen.getByRole('button', { name: '删除第 3 课时' }))
    await waitFor(() => expect(drafts.at(-1)?.lessons.map((l) => l.videoId)).toEqual(['v-c', 'v-a']))
    expect(screen.getByText('课时（2）')).toBeInTheDocument()
  })

  it('moves a lesson and leaves the list as it was for a move off its ends', () => {
    expect(moveLesson(course.lessons, 0, 2).map((l) => l.videoId)).toEqual(['v-b', 'v-c', 'v-a'])
    expect(moveLesson(course.lessons, 0, -1)).toEqual(course.lessons)
    expect(durationText(3725)).toBe('1小时02分05秒')
  })
})
