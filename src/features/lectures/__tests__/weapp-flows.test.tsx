/**
 * The mini-program-only paths of the order form: the privacy authorisation answered through
 * onNeedPrivacyAuthorization's resolve, and the subscription request made at the tap of 提交
 * with the template ids from TARO_APP_LECTURE_TEMPLATE_IDS.
 */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fixtures } from '../../../../mock/fixtures'
import { taroMock } from '../../../../test/mocks/taro'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { OrderForm } from '../components/order-form'
import { PRIVACY_AGREE_BUTTON_ID } from '../components/privacy-popup'
import { lectureTemplateIds } from '../config'

setupFixtureApi()

type Listener = (resolve: (o: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void
const taro = Taro as unknown as Record<string, unknown>
let listener: Listener | undefined
const subscribe = jest.fn(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' }))
const env = { ...process.env }

beforeEach(() => {
  taroMock.reset()
  listener = undefined
  subscribe.mockClear()
  process.env.TARO_ENV = 'weapp'
  process.env.TARO_APP_LECTURE_TEMPLATE_IDS = 'tmpl-lecture-status, tmpl-lecture-reminder'
  taro.onNeedPrivacyAuthorization = (fn: Listener) => {
    listener = fn
  }
  taro.requestSubscribeMessage = subscribe
})
afterEach(() => {
  process.env = { ...env }
  delete taro.onNeedPrivacyAuthorization
  delete taro.requestSubscribeMessage
})

const form = () => render(<OrderForm topics={fixtures.lectureTopics} role='resident' initialTopic='lt01' onSubmitted={() => undefined} />)

it('reads the template ids from the build-time config', () => {
  expect(lectureTemplateIds()).toEqual(['tmpl-lecture-status', 'tmpl-lecture-reminder'])
  delete process.env.TARO_APP_LECTURE_TEMPLATE_IDS
  expect(lectureTemplateIds()).toEqual([])
})

it('asks for the subscription at the tap of 提交, before anything else', async () => {
  form()
  fireEvent.click(await screen.findByRole('button', { name: '提交点单' }))
  expect(subscribe).toHaveBeenCalledTimes(1)
  expect(subscribe).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-lecture-status', 'tmpl-lecture-reminder'] }))
  // the form's own check still runs (and nothing is sent)
  expect(await screen.findByRole('alert')).toHaveTextContent('请选择宣讲所在的村（社区）')
})

it('answers the base library: the popup shows on its request; 不同意 resolves disagree, the agree button is the one named', async () => {
  form()
  await screen.findByRole('button', { name: '提交点单' })
  expect(listener).toBeDefined()
  // on weapp focusing the phone field does not open it: the base library asks
  fireEvent.focus(screen.getByLabelText('联系电话'))
  expect(screen.queryByRole('dialog')).toBeNull()

  const resolve = jest.fn()
  act(() => listener!(resolve, { referrer: 'input' }))
  const dialog = await screen.findByRole('dialog', { name: '隐私保护提示' })
  expect(resolve).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
  const agree = within(dialog).getByRole('button', { name: '同意并继续' })
  expect(agree.id).toBe(PRIVACY_AGREE_BUTTON_ID)
  expect(agree.getAttribute('open-type') ?? agree.getAttribute('opentype') ?? (agree as unknown as { openType?: string }).openType).toBe(
    'agreePrivacyAuthorization',
  )
  fireEvent.click(within(dialog).getByRole('button', { name: '不同意' }))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })

  const again = jest.fn()
  act(() => listener!(again, { referrer: 'input' }))
  const second = await screen.findByRole('dialog', { name: '隐私保护提示' })
  fireEvent(within(second).getByRole('button', { name: '同意并继续' }), new CustomEvent('agreeprivacyauthorization', { bubbles: true, detail: {} }))
  await waitFor(() => expect(again).toHaveBeenLastCalledWith({ event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID }))
})
