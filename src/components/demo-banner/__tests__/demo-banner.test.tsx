import { act, render, renderHook, screen } from '@testing-library/react'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { ApiClient, setApi, useNetworkStore } from '@/api'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { askDemoMode, DemoBanner, useDemoModeCheck, useDemoStore } from '..'

const fixture = setupFixtureApi()
afterEach(() => {
  act(() => useDemoStore.setState({ demo: false, answered: false }))
  setApi(fixture.client)
})

function serverSaying(answer: () => boolean | 'down') {
  const asked: string[] = []
  setApi(
    new ApiClient({
      baseUrl: '',
      sleep: async () => undefined,
      transport: async (req) => {
        asked.push(req.url)
        const demo = answer()
        if (demo === 'down') throw new Error('offline')
        return { statusCode: 200, data: { demo } }
      },
    }),
  )
  return asked
}

it('every page (ThemePage) says 演示模式 when the server runs the demo with dev login on', async () => {
  // the fixture API is the demo server (dev login on)
  render(<ThemePage>内容</ThemePage>)
  expect(screen.queryByRole('region', { name: '演示模式' })).toBeNull()
  await act(() => askDemoMode())
  expect(fixture.requests).toContain('GET /api/v1/app-config')
  expect(screen.getByRole('region', { name: '演示模式' })).toHaveTextContent('可任选身份登录')
})

it('says nothing when dev login is off, and asks once', async () => {
  const asked = serverSaying(() => false)
  render(<DemoBanner />)
  await act(() => askDemoMode())
  await act(() => askDemoMode())
  expect(screen.queryByRole('region', { name: '演示模式' })).toBeNull()
  expect(asked).toEqual(['/api/v1/app-config'])
})

it('asks at launch, and again when the server is back if it could not answer', async () => {
  let answer: boolean | 'down' = 'down'
  const asked = serverSaying(() => answer)
  render(<DemoBanner />)
  renderHook(() => useDemoModeCheck())
  await act(async () => {
    await new Promise((r) => setTimeout(r, 10))
  })
  expect(asked).toHaveLength(1)
  expect(screen.queryByRole('region', { name: '演示模式' })).toBeNull()
  answer = true
  act(() => useNetworkStore.getState().setReachable(false))
  act(() => useNetworkStore.getState().setReachable(true))
  expect(await screen.findByRole('region', { name: '演示模式' })).toBeInTheDocument()
  expect(asked).toHaveLength(2)
})

it('the dev role picker shows only in the demo', async () => {
  const { RoleLogin } = await import('@/features/profile/components/role-login')
  serverSaying(() => false)
  const off = render(<RoleLogin />)
  await act(() => askDemoMode())
  expect(screen.queryByRole('button', { name: '居民' })).toBeNull()
  off.unmount()
  act(() => useDemoStore.setState({ demo: false, answered: false }))
  setApi(fixture.client)
  render(<RoleLogin />)
  await act(() => askDemoMode())
  expect(screen.getByRole('button', { name: '居民' })).toBeInTheDocument()
})

it('H5: starts from the answer that came with the page, whose first screen shows the banner, so the page draws it from its first frame', () => {
  const holder = globalThis as Record<string, unknown>
  const storeWith = (given: unknown) => {
    holder.__zctFirstScreen = given
    let state: unknown
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh store, made as the page loads
      state = (require('..') as { useDemoStore: typeof useDemoStore }).useDemoStore.getState()
    })
    return state
  }
  try {
    // still asks (answered false), which takes the same answer from the page's preload
    expect(storeWith({ '/api/v1/app-config': { demo: true, lectureLeadDays: 3 } })).toEqual({ demo: true, answered: false })
    expect(storeWith({ '/api/v1/app-config': { demo: false, lectureLeadDays: 3 } })).toEqual({ demo: false, answered: false })
    expect(storeWith({ '/api/v1/home': {} })).toEqual({ demo: false, answered: false })
    expect(storeWith(undefined)).toEqual({ demo: false, answered: false })
  } finally {
    delete holder.__zctFirstScreen
  }
})
