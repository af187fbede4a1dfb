/**
 * Mock mode only: slow every API response down and fail a share of them with 503, so the
 * client's loading, retry and error states can be seen. Routes with `config.faults: false`
 * (health) are exempt.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import { unavailable } from '../errors'

export interface Faults {
  latencyMs: number
  /** 0..1: the share of requests answered with 503 */
  errorRate: number
}

export const SIMULATED_FAILURE_MESSAGE = '服务繁忙，请稍后重试（模拟故障）'

export function setupFaultInjection(api: FastifyInstance, faults: Faults, random = Math.random): void {
  if (faults.latencyMs <= 0 && faults.errorRate <= 0) return
  api.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.faults === false) return
    if (faults.latencyMs > 0) await sleep(faults.latencyMs)
    if (faults.errorRate > 0 && random() < faults.errorRate) throw unavailable(SIMULATED_FAILURE_MESSAGE)
  })
}
