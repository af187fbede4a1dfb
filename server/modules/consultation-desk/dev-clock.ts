/**
 * A clock end-to-end runs can move, to see a consultation become overdue without waiting days:
 * POST /dev/clock {offsetDays} moves the server's clock (the store's `now`) by whole days from the
 * real time. It exists only where dev login does (mock mode, development, e2e: config.ts refuses
 * dev login in production, behind a proxy or on a non-loopback HOST) and, like POST /auth/dev,
 * answers only a request made straight from this machine; main.ts gives the store this clock only
 * then. Everything else (tests) injects its own clock instead.
 */
import { Type } from '@sinclair/typebox'
import { devLoginOnlyLocal } from '../dev-login/guard'
import { ErrorBody } from '../../schemas/common'
import type { RoutePlugin } from '../../type-provider'

const DAY_MS = 24 * 60 * 60 * 1000

export const devClock = { offsetMs: 0 }

/** the real time moved by the offset */
export const devClockNow = (): Date => new Date(Date.now() + devClock.offsetMs)

const ClockBody = Type.Object({ offsetDays: Type.Integer({ minimum: -400, maximum: 400 }) }, { additionalProperties: false })
const ClockState = Type.Object({ offsetDays: Type.Number(), now: Type.String() })

export function devClockRoutes(): RoutePlugin {
  return async (app) => {
    const state = () => ({ offsetDays: devClock.offsetMs / DAY_MS, now: app.store.now().toISOString() })
    app.get(
      '/dev/clock',
      { schema: { response: { 200: ClockState, 404: ErrorBody } }, config: { cache: 'no-store' }, onRequest: devLoginOnlyLocal },
      async () => state(),
    )
    app.post(
      '/dev/clock',
      {
        schema: { body: ClockBody, response: { 200: ClockState, 400: ErrorBody, 404: ErrorBody } },
        config: { validationMessages: { offsetDays: '请填写 -400 到 400 之间的整数天数' } },
        onRequest: devLoginOnlyLocal,
      },
      async (request) => {
        devClock.offsetMs = request.body.offsetDays * DAY_MS
        request.log.warn({ offsetDays: request.body.offsetDays }, 'dev clock moved')
        return state()
      },
    )
  }
}
