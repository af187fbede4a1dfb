/**
 * POST /attempts/:id/submit for the API benchmark: before the server starts, PREPARED residents
 * each get a session and a running attempt of campaign q001 in the database file (through the quiz
 * service, as real traffic would); each benchmark request submits a different one with its own
 * Idempotency-Key. `sample` makes one real submit, whose answer the bare route then repeats.
 */
import type { Request } from 'autocannon'
import { fixtures } from '../../mock/fixtures'
import type { Region } from '../../common/contract'
import { startAttempt } from '../../server/modules/quiz/service'
import { openStore } from '../../server/store/open-store'
import { loadQuickly } from './batch'

const CAMPAIGN = 'q001'

interface Prepared {
  token: string
  attemptId: string
  body: string
}

export interface SubmitPlan {
  /** how many attempts are ready (more than a run uses: a reused one would only replay) */
  prepared: number
  /** submits the first prepared attempt and returns the server's answer (for the bare route) */
  sample(baseUrl: string): Promise<unknown>
  /** an autocannon request whose setupRequest takes the next prepared attempt */
  request(): Request
  /** requests that found no fresh attempt (0 unless the run outpaced `prepared`) */
  reused(): number
}

function villages(tree: Region[]): string[] {
  return tree.flatMap((c) => (c.children ?? []).flatMap((t) => (t.children?.length ? t.children.map((v) => v.code) : [t.code])))
}

export async function prepareSubmits(file: string, count: number): Promise<SubmitPlan> {
  const store = await openStore({ kind: 'sqlite', file, fixtures })
  const codes = villages(store.regionTree())
  const prepared: Prepared[] = []
  await loadQuickly(store.database.sqlite!, async () => {
    for (let i = 0; i < count; i++) {
      const user = await store.auth.upsertUser({ provider: 'dev', externalId: `resident:api-bench-${i}`, nickname: `答题者${i}`, role: 'resident' })
      const { token } = await store.auth.createSession({ userId: user.id })
      const { attempt } = await startAttempt(store, user, CAMPAIGN, { regionCode: codes[i % codes.length] }, Math.random)
      const answers = Object.fromEntries(attempt.questions.map((q) => [q.id, [q.options[i % q.options.length].key]]))
      prepared.push({ token, attemptId: attempt.id, body: JSON.stringify({ answers }) })
    }
  })
  await store.close()

  let next = 0
  const headers = (p: Prepared) => ({ 'content-type': 'application/json', authorization: `Bearer ${p.token}`, 'idempotency-key': `bench-${p.attemptId}` })
  return {
    prepared: count,
    async sample(baseUrl) {
      const p = prepared[next++]
      const res = await fetch(`${baseUrl}/api/v1/attempts/${p.attemptId}/submit`, { method: 'POST', headers: headers(p), body: p.body })
      if (res.status !== 200 && res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`)
      return res.json()
    },
    request: () => ({
      method: 'POST',
      setupRequest: (req) => {
        const p = prepared[next++ % prepared.length]
        return { ...req, path: `/api/v1/attempts/${p.attemptId}/submit`, headers: headers(p), body: p.body }
      },
    }),
    reused: () => Math.max(0, next - prepared.length),
  }
}
