/**
 * The submit load of `bench:quiz` and `pg-submit-stats.ts`: autocannon's connections spread
 * round-robin over the instances, each request a different running attempt (its resident's
 * session, its own Idempotency-Key), taken in order across the runs of one data set.
 */
import autocannon from 'autocannon'
import type { Running } from './bulk-load'

export interface SubmitRunner {
  /** `duration` seconds of submits at `connections`, spread over the instances at `urls` */
  run(urls: string[], duration: number): Promise<autocannon.Result>
  /** how many running attempts have been taken so far (more than loaded: the rest replayed) */
  taken(): number
}

export function submitRunner(running: Running[], body: string, connections: number): SubmitRunner {
  let next = 0
  return {
    run: (urls, duration) =>
      autocannon({
        // several URLs: autocannon spreads its connections over them round-robin (its types say one)
        url: urls as unknown as string,
        connections,
        duration,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => {
              const p = running[next++ % running.length]
              return {
                ...req,
                path: `/api/v1/attempts/${p.attemptId}/submit`,
                headers: { 'content-type': 'application/json', authorization: `Bearer ${p.token}`, 'idempotency-key': `bench-${p.attemptId}` },
                body,
              }
            },
          },
        ],
      }),
    taken: () => next,
  }
}
