import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { outbox, readCache, useSessionStore } from '@/api'
import { useThemeStore } from '@/features/elder-mode/stores/theme-store'
import { useFavouriteStore } from '@/features/favourites/stores/favourite-store'
import { useReadingStore } from '@/features/interpretations/stores/reading-store'
import { useAttemptStore } from '@/features/quiz/stores/attempt-store'
import BindServicePointPage from '@/packages/service-point/pages/bind/index'
import ConsultPage from '@/packages/qa/pages/consult/index'
import HomePage from '@/pages/index/index'
import { switchParticipant } from '@/pages/switch-participant'
import { useServicePointStore } from '../stores/service-point-store'
import { useIdleReturn } from '../use-idle-return'

const api = setupFixtureApi()

const point = {
  villageCode: '331002003201',
  villageName: '星光村',
  place: '椒江区 · 葭沚街道 · 星光村',
  staffName: '服务点小陈',
  boundAt: '2026-11-28T08:00:00Z',
}

async function signIn(role: 'resident' | 'staff', name: string) {
  const s = await api.client.call('POST /auth/dev', { body: { role, name } })
  act(() => useSessionStore.getState().signIn(s))
  return s
}

afterEach(() => {
  act(() => {
    useServicePointStore.setState({ point: undefined, idleSeconds: 120 })
    useSessionStore.getState().signOut()
  })
})

describe('换人 (switch participant)', () => {
  it('clears the last person from memory and storage, keeps the device settings and their queued writes', async () => {
    act(() => useServicePointStore.getState().bind(point))
    act(() => useThemeStore.getState().setChoice('elder'))
    const s = await signIn('resident', '王阿姨')
    act(() => {
      useFavouriteStore.getState().set(`${s.user.id}|interpretation|i001`, true)
      useReadingStore.getState().recordRead({ id: 'i002', title: '惠农补贴', cover: '/media/covers/i002.jpg' } as never)
      useAttemptStore.getState().choose('a1', 'qq001', ['B'])
    })
    taroMock.storage.set('zct-draft:consult', '我想问高龄津贴')
    taroMock.storage.set('zct-privacy-agreed', 'yes')
    readCache.set('/api/v1/consultations/mine', s.user.id, [{ question: '王阿姨的问题' }])
    readCache.set('/api/v1/topics', 'anon', [])
    api.failNext(1, /consultations/)
    expect(
      (await outbox.submit('POST /consultations', { body: { topic: 'yanglao', question: '高龄津贴每月能领多少钱？', regionCode: '331002' }, label: '咨询' }))
        .status,
    ).toBe('queued')
    expect([...taroMock.storage.keys()]).toEqual(expect.arrayContaining(['zct-session', 'zct-reading', 'zct-quiz-attempts']))

    act(() => switchParticipant())

    // memory
    expect(useSessionStore.getState().user).toBeUndefined()
    expect(useFavouriteStore.getState().known).toEqual({})
    expect(useReadingStore.getState().history).toEqual([])
    expect(useAttemptStore.getState().progress).toEqual({})
    // storage
    for (const key of ['zct-session', 'zct-reading', 'zct-quiz-attempts', 'zct-draft:consult', 'zct-privacy-agreed'])
      expect([key, taroMock.storage.has(key)]).toEqual([key, false])
    expect(readCache.get('/api/v1/consultations/mine', s.user.id)).toBeUndefined()
    expect(readCache.get('/api/v1/topics', 'anon')).toBeDefined()
    // the device stays a service point in elder mode; her question still goes out, as her
    expect(useServicePointStore.getState().point).toEqual(point)
    expect(useThemeStore.getState().choice).toBe('elder')
    expect(outbox.entries()).toMatchObject([{ userId: s.user.id, label: '咨询' }])
    // every page closed, back to 首页
    expect(taroMock.navigations.at(-1)).toEqual({ kind: 'reLaunch', url: '/pages/index/index' })
    await outbox.flush()
    expect(await api.client.call('GET /consultations/mine', { token: s.token })).toHaveLength(1)
  })
})

describe('service-point 首页', () => {
  it('shows five large tiles for the bound village, each opening its page, and 换人', async () => {
    act(() => useServicePointStore.getState().bind(point))
    render(<HomePage />)
    expect(screen.getByText('星光村便民服务点')).toBeInTheDocument()
    const tiles = ['看解读', '看视频', '问政策', '约宣讲', '来答题']
    for (const t of tiles) fireEvent.click(screen.getByRole('link', { name: new RegExp(t) }))
    expect(taroMock.navigations).toEqual([
      { kind: 'switchTab', url: '/pages/interpretations/index' },
      { kind: 'switchTab', url: '/pages/videos/index' },
      { kind: 'navigateTo', url: '/packages/qa/pages/ask/index' },
      { kind: 'navigateTo', url: '/packages/lecture/pages/menu/index' },
      { kind: 'switchTab', url: '/pages/quiz/index' },
    ])
    fireEvent.click(screen.getByRole('button', { name: /换人/ }))
    await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'reLaunch', url: '/pages/index/index' }))
    expect(taroMock.toasts).toContain('已清除，请下一位使用')
  })

  it('a staff member binds the device by picking county, township and village in the RegionPicker', async () => {
    render(<BindServicePointPage />)
    expect(await screen.findByText('需要便民服务点工作人员登录')).toBeInTheDocument()
    const s = await api.client.call('POST /auth/dev', { body: { role: 'staff', name: '小陈' } })
    // signing in draws the picker, whose lists load at once: awaited (no await in between) by finding 椒江区
    act(() => useSessionStore.getState().signIn(s))
    fireEvent.click(await screen.findByRole('button', { name: '椒江区' }))
    fireEvent.click(await screen.findByRole('button', { name: '葭沚街道' }))
    fireEvent.click(await screen.findByRole('button', { name: '星光村' }))
    await waitFor(() => expect(useServicePointStore.getState().point).toBeDefined())
    expect(useServicePointStore.getState().point).toMatchObject({
      villageCode: '331002003201',
      villageName: '星光村',
      place: '椒江区 · 葭沚街道 · 星光村',
      staffName: '小陈',
    })
    expect(screen.getByText('本机是 星光村 便民服务点')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('radio', { name: '5 分钟' }))
    expect(useServicePointStore.getState().idleSeconds).toBe(300)
  })

  it('asks the department on behalf of a resident: the village as region, marked as asked by the service point', async () => {
    act(() => useServicePointStore.getState().bind(point))
    const s = await signIn('staff', '小陈')
    taroMock.routerParams = { topic: 'yanglao', q: encodeURIComponent('村里八十岁老人高龄津贴怎么领？') }
    render(<ConsultPage />)
    const name = await screen.findByLabelText('居民称呼')
    fireEvent(name, new CustomEvent('input', { bubbles: true, detail: { value: '王大伯' } }))
    fireEvent.click(screen.getByRole('button', { name: '提交咨询' }))
    await waitFor(() => expect(taroMock.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: '/packages/qa/pages/mine/index' }))
    const [stored] = await api.client.call('GET /consultations/mine', { token: s.token })
    expect(stored.question).toBe('【星光村便民服务点代王大伯咨询】村里八十岁老人高龄津贴怎么领？')
    expect(stored.regionCode).toBe('331002003201')
  })
})

describe('kiosk idle return (H5)', () => {
  it('runs after the idle time without a touch, and a touch starts the wait again', () => {
    const env = process.env.TARO_ENV
    process.env.TARO_ENV = 'h5'
    jest.useFakeTimers()
    try {
      act(() => useServicePointStore.setState({ point, idleSeconds: 60 }))
      const onIdle = jest.fn()
      function Kiosk() {
        useIdleReturn(onIdle)
        return null
      }
      render(<Kiosk />)
      act(() => jest.advanceTimersByTime(50_000))
      window.dispatchEvent(new Event('pointerdown'))
      act(() => jest.advanceTimersByTime(50_000))
      expect(onIdle).not.toHaveBeenCalled()
      act(() => jest.advanceTimersByTime(11_000))
      expect(onIdle).toHaveBeenCalledTimes(1)
      // not a service point: never
      act(() => useServicePointStore.setState({ point: undefined }))
      act(() => jest.advanceTimersByTime(600_000))
      expect(onIdle).toHaveBeenCalledTimes(1)
    } finally {
      jest.useRealTimers()
      process.env.TARO_ENV = env
    }
  })
})
