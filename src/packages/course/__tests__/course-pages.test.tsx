import { act, fireEvent, render, screen } from '@testing-library/react'
import { useSessionStore } from '@/api'
import { fixtures } from '../../../../mock/fixtures'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import CourseDetailPage from '../pages/detail/index'
import CourseListPage from '../pages/list/index'
import LessonPage from '../pages/lesson/index'

const api = setupFixtureApi()
const c001 = fixtures.courses.find((c) => c.id === 'c001')!

afterEach(() => act(() => useSessionStore.getState().signOut()))

function playerEvent(type: string, detail: Record<string, unknown>) {
  const host = document.querySelector('.lesson__video') as HTMLElement
  act(() => {
    host.dispatchEvent(new CustomEvent(type, { bubbles: true, detail }))
  })
}

describe('网络课堂', () => {
  it('lists courses with lesson counts and opens one', async () => {
    render(<CourseListPage />)
    await screen.findByText(c001.title)
    expect(screen.getAllByText(new RegExp(`${c001.lessonCount} 课时`)).length).toBeGreaterThan(0)
    fireEvent.click(screen.getByRole('link', { name: c001.title }))
    expect(taroMock.navigations.at(-1)?.url).toBe('/packages/course/pages/detail/index?id=c001')
  })

  it('saves the position while a lesson plays, shows it in the course, and resumes there', async () => {
    const session = await api.client.call('POST /auth/dev', { body: { role: 'resident', name: '课堂学员' } })
    act(() => useSessionStore.getState().signIn(session))
    const lesson = c001.lessons[0]
    taroMock.routerParams = { course: 'c001', lesson: lesson.id }
    const first = render(<LessonPage />)
    await screen.findByRole('heading', { name: lesson.title })
    playerEvent('timeupdate', { currentTime: 1 })
    playerEvent('timeupdate', { currentTime: 12 })
    playerEvent('pause', {})
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50))
    })
    first.unmount()
    const saves = api.requests.filter((r) => r === 'PUT /api/v1/courses/c001/progress')
    // not one save per time update: the first tick and the pause, coalesced when they overlap
    expect(saves.length).toBeGreaterThanOrEqual(1)
    expect(saves.length).toBeLessThanOrEqual(2)

    taroMock.routerParams = { id: 'c001' }
    const detail = render(<CourseDetailPage />)
    await screen.findByText('已学完 0/' + c001.lessonCount + ' 课时')
    expect(screen.getByText(/学到 0:12/)).toBeInTheDocument()
    detail.unmount()

    taroMock.routerParams = { course: 'c001', lesson: lesson.id }
    render(<LessonPage />)
    await screen.findByText('已从上次的 0:12 处继续播放')
    expect(document.querySelector('.lesson__video')?.getAttribute('initial-time')).toBe('12')
  })

  it('marks a lesson 已学完 after watching 90 %', async () => {
    const session = await api.client.call('POST /auth/dev', { body: { role: 'resident', name: '学完的人' } })
    act(() => useSessionStore.getState().signIn(session))
    const lesson = c001.lessons[1]
    taroMock.routerParams = { course: 'c001', lesson: lesson.id }
    const page = render(<LessonPage />)
    await screen.findByRole('heading', { name: lesson.title })
    playerEvent('ended', {})
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50))
    })
    page.unmount()
    taroMock.routerParams = { id: 'c001' }
    render(<CourseDetailPage />)
    await screen.findByText('已学完 1/' + c001.lessonCount + ' 课时')
    expect(screen.getByText('已学完')).toBeInTheDocument()
  })
})
