/**
 * Group commit for quiz submits on PostgreSQL (issue 13; SQLite has its own, server/db/database.ts).
 * While a batch of submits is in flight on this instance, the submits that arrive queue; the next
 * batch takes them all (at most SUBMIT_BATCH_MAX, one per session token) and runs them as ONE
 * transaction of two round trips, whatever its size:
 *   1. one read (PG_SUBMIT_READ_BATCH, migration 027): the users of every member's session locked in
 *      user-id order (batches on two instances never deadlock over them), then every member's
 *      session and reads;
 *   2. each member settled by the same rules as a single submit (`settleSubmit`, service.ts): a
 *      replay, a refusal or an expiry gets its answer, a fresh submit its write;
 *   3. one write for all the fresh submits (PG_SUBMIT_WRITE_BATCH) with the score, second and region
 *      totals summed over the batch, COMMIT sent behind it; each member's rank as if the batch's
 *      submits had committed one after the other in batch order (`serialAheads`).
 * Nothing is answered before that COMMIT has answered. Two submits of one user never share a batch:
 * the later waits for the next. If the batch fails anywhere (a deadlock, a bad row, a lost
 * connection, a COMMIT answered ROLLBACK), every member runs again alone on the single-submit path
 * (`submitAttemptWithSession`): one bad submit never fails the others, and a batch that did commit
 * after all only makes its members replay their first results. The Redis board is told after the
 * commit, per submit, as a single submit does. `PG_SUBMIT_BATCH=0` turns it off (read once per store).
 */
import type { User } from '../../../common/contract'
import { ApiError, sessionEnded } from '../../errors'
import type { SessionKey } from '../auth/session-token'
import type { Store } from '../../store/store'
import type { RedisBoards } from './boards'
import type { SessionTouch, SubmitWrite } from './repository'
import { type BoardChange, settleSubmit, submitAttemptWithSession, type SubmitResult } from './service'

/** at most this many submits share one transaction */
export const SUBMIT_BATCH_MAX = 32

/** batching on PostgreSQL unless PG_SUBMIT_BATCH=0 (the switch is for measuring one against the other) */
export function submitBatchFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  return env.PG_SUBMIT_BATCH !== '0'
}

type Answer = SubmitResult & { user: User }

interface Member {
  token: string
  tokenHash: string
  attemptId: string
  rawAnswers: Record<string, string[]>
  boards?: RedisBoards
  resolve(answer: Answer): void
  reject(error: unknown): void
}

/** a member's outcome once its batch has committed */
interface Settled {
  member: Member
  user?: User
  outcome: SubmitResult | ApiError
  changed?: BoardChange
}

class SubmitBatcher {
  private readonly queue: Member[] = []
  private running = false

  constructor(
    private readonly store: Store,
    private readonly max: number,
  ) {}

  submit(session: SessionKey, attemptId: string, rawAnswers: Record<string, string[]>, boards?: RedisBoards): Promise<Answer> {
    return new Promise((resolve, reject) => {
      this.queue.push({ token: session.token, tokenHash: session.hash, attemptId, rawAnswers, boards, resolve, reject })
      this.pump()
    })
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return
    this.running = true
    const batch = this.take()
    void this.run(batch).finally(() => {
      this.running = false
      this.pump()
    })
  }

  /** the queue's first members, at most `max`, one per session token (the others wait, in order) */
  private take(): Member[] {
    const batch: Member[] = []
    const rest: Member[] = []
    const tokens = new Set<string>()
    for (const m of this.queue) {
      if (batch.length < this.max && !tokens.has(m.tokenHash)) {
        tokens.add(m.tokenHash)
        batch.push(m)
      } else rest.push(m)
    }
    this.queue.splice(0, this.queue.length, ...rest)
    return batch
  }

  /** never rejects: every member is answered, by the batch or alone */
  private async run(batch: Member[]): Promise<void> {
    let done: { settled: Settled[]; later: Member[] }
    try {
      done = await this.transaction(batch)
    } catch {
      // not committed (or its commit's fate unknown): each alone, as without batching
      await Promise.all(batch.map((m) => this.alone(m)))
      return
    }
    const { settled, later } = done
    // members whose user already had a submit in the batch: first in line for the next
    this.queue.unshift(...later)
    await Promise.all(settled.map((s) => this.answer(s)))
  }

  private async transaction(batch: Member[]): Promise<{ settled: Settled[]; later: Member[] }> {
    const { store } = this
    return store.quiz.transaction(async (tx) => {
      const settled: Settled[] = []
      const later: Member[] = []
      const fresh: { member: Member; user: User; answer(ahead: number): Promise<SubmitResult>; changed?: BoardChange }[] = []
      const writes: SubmitWrite[] = []
      const touches: SessionTouch[] = []
      const users = new Set<string>()
      const reads = await tx.batchSubmitReads(batch)
      for (const [i, member] of batch.entries()) {
        const read = reads[i]
        const found = read.session && (await store.auth.sessionWithTouch(member.token, read.session))
        if (!found) {
          settled.push({ member, outcome: sessionEnded() })
          continue
        }
        const { user } = found.session
        if (users.has(user.id)) {
          later.push(member)
          continue
        }
        users.add(user.id)
        if (found.touch) touches.push({ tokenHash: member.tokenHash, at: found.touch })
        let submit: Awaited<ReturnType<typeof settleSubmit>>
        try {
          submit = await settleSubmit(store, tx, user, read.reads, member.rawAnswers)
        } catch (error) {
          // the API's refusals (nothing written); anything else fails the batch
          if (!(error instanceof ApiError)) throw error
          settled.push({ member, user, outcome: error })
          continue
        }
        if ('outcome' in submit) settled.push({ member, user, outcome: submit.outcome })
        else {
          fresh.push({ member, user, answer: submit.answer, ...(submit.changed ? { changed: submit.changed } : {}) })
          writes.push(submit.write)
        }
      }
      // one statement, COMMIT behind it (without one, the transaction's own COMMIT keeps an expiry)
      if (writes.length > 0 || touches.length > 0) {
        const aheads = await tx.recordSubmits(writes, touches)
        for (const [i, f] of fresh.entries()) settled.push({ member: f.member, user: f.user, outcome: await f.answer(aheads[i]), changed: f.changed })
      }
      return { settled, later }
    })
  }

  /** after the commit: the Redis board, then the member's answer */
  private async answer({ member, user, outcome, changed }: Settled): Promise<void> {
    if (outcome instanceof ApiError) return member.reject(outcome)
    try {
      if (changed && member.boards) await member.boards.recorded(changed.rule, changed.standing)
      member.resolve({ ...outcome, user: user! })
    } catch (error) {
      member.reject(error)
    }
  }

  private async alone(m: Member): Promise<void> {
    try {
      m.resolve(await submitAttemptWithSession(this.store, { token: m.token, hash: m.tokenHash }, m.attemptId, m.rawAnswers, m.boards))
    } catch (error) {
      m.reject(error)
    }
  }
}

const batchers = new WeakMap<Store, SubmitBatcher | null>()

/**
 * The submit route's entry: on PostgreSQL with batching on, the submit joins the next batch;
 * otherwise `submitAttemptWithSession` as it is.
 */
export function submitWithSession(
  store: Store,
  session: SessionKey,
  attemptId: string,
  rawAnswers: Record<string, string[]>,
  boards?: RedisBoards,
): Promise<Answer> {
  let batcher = batchers.get(store)
  if (batcher === undefined) {
    batcher = store.quiz.db.dialect === 'postgres' && submitBatchFromEnv() ? new SubmitBatcher(store, SUBMIT_BATCH_MAX) : null
    batchers.set(store, batcher)
  }
  return batcher ? batcher.submit(session, attemptId, rawAnswers, boards) : submitAttemptWithSession(store, session, attemptId, rawAnswers, boards)
}
