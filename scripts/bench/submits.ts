/**
 * POST /attempts/:id/submit for the API benchmark: before the server starts, `count` residents
 * each get a session and a running attempt of campaign q001 in its database (the bulk loader,
 * scripts/bench/bulk-load.ts); each benchmark request submits a different one with its own
 * Idempotency-Key. `sample` makes one real submit, whose answer the bare route then repeats.
 */
import type { Request } from 'autocannon'
import { fixtures } from '../../mock/fixtures'
import type { Region } from '../../common/contract'
import { openStore } from '../../server/store/open-store'
import { bulkLoadAttempts, campaignTemplate, type Running } from './bulk-load'

const CAMPAIGN = 'q001'

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

/** the database: a SQLite file, or a PostgreSQL database's URL */
export type Target = { kind: 'sqlite'; file: string } | { kind: 'postgres'; databaseUrl: string }

export async function prepareSubmits(target: Target, count: number): Promise<SubmitPlan> {
  const store = await openStore({ ...target, fixtures })
  const template = await campaignTemplate(store, CAMPAIGN)
  const { running } = await bulkLoadAttempts(store.database, {
    campaignId: CAMPAIGN,
    scoreCounts: template.scoreCounts,
    attempts: 0,
    perUser: 1,
    regions: villages(store.regionTree()),
    questions: template.questions,
    running: count,
    prefix: 'api-bench-',
  })
  await store.close()

  let next = 0
  const headers = (p: Running) => ({ 'content-type': 'application/json', authorization: `Bearer ${p.token}`, 'idempotency-key': `bench-${p.attemptId}` })
  return {
    prepared: count,
    async sample(baseUrl) {
      const p = running[next++]
      const res = await fetch(`${baseUrl}/api/v1/attempts/${p.attemptId}/submit`, { method: 'POST', headers: headers(p), body: template.submitBody })
      if (res.status !== 200 && res.status !== 201) throw new Error(`submit: ${res.status} ${await res.text()}`)
      return res.json()
    },
    request: () => ({
      method: 'POST',
      setupRequest: (req) => {
        const p = running[next++ % running.length]
        return { ...req, path: `/api/v1/attempts/${p.attemptId}/submit`, headers: headers(p), body: template.submitBody }
      },
    }),
    reused: () => Math.max(0, next - running.length),
  }
}
