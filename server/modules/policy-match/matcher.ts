/**
 * 政策找人's job: a policy published with a rule (policy_rules.matched_at null) is matched against
 * every stored situation, in batches by user id; each resident it now fits (可以享受, nothing
 * undecided) who was never told about it gets one 我的消息 entry (and a WeChat message where
 * configured). The push record's primary key is what makes a second run, a restart or a second
 * instance tell nobody twice: only the rows this run inserted get a message, in the same transaction.
 */
import type { FastifyBaseLogger } from 'fastify'
import { sql } from 'kysely'
import { assess, evaluate, type EligibilityRule, formatAmount, yearMonthOf } from '../../../common/eligibility'
import { shanghaiToday } from '../../../common/shanghai-date'
import type { Db } from '../../db/database'
import type { MessagesService } from '../messages/service'
import { clip } from '../../wechat/subscribe-message'
import { SITUATION_COLUMNS, situationFromRow } from './repository'

export const MATCH_BATCH = 20_000
const INSERT_ROWS = 500

export interface MatchRun {
  policyId: string
  /** residents the policy fits now */
  matched: number
  /** of them, told this run */
  pushed: number
  ms: number
}

export interface MatcherDeps {
  db: Db
  now: () => Date
  messages: MessagesService
  log: FastifyBaseLogger
  /** the WeChat template is configured: each push also goes through the outbox, one by one */
  wechat?: boolean
}

export class PolicyMatcher {
  private running: Promise<void> = Promise.resolve()
  private queued = false

  constructor(private readonly deps: MatcherDeps) {}

  /** runs the pending matches after whatever run is going on; many kicks make one run */
  kick(): Promise<void> {
    if (this.queued) return this.running
    this.queued = true
    this.running = this.running.then(async () => {
      this.queued = false
      try {
        await this.runPending()
      } catch (err) {
        this.deps.log.error({ err }, '政策找人匹配失败')
      }
    })
    return this.running
  }

  /** resolves when no run is going on (tests, shutdown) */
  idle(): Promise<void> {
    return this.running
  }

  async runPending(): Promise<MatchRun[]> {
    const k = this.deps.db.kysely
    const pending = await k.selectFrom('policy_rules').select('policy_id').where('matched_at', 'is', null).orderBy('updated_at').execute()
    const runs: MatchRun[] = []
    for (const p of pending) {
      const run = await this.matchPolicy(p.policy_id)
      if (run) runs.push(run)
    }
    return runs
  }

  /** one policy against every situation; undefined when it has no published rule */
  async matchPolicy(policyId: string): Promise<MatchRun | undefined> {
    const started = performance.now()
    const k = this.deps.db.kysely
    const row = await k
      .selectFrom('policy_rules as r')
      .leftJoin('policies as p', 'p.id', 'r.policy_id')
      .select(['r.rule', 'r.updated_at', 'p.title'])
      .where('r.policy_id', '=', policyId)
      .executeTakeFirst()
    if (!row) return undefined
    const rule = JSON.parse(row.rule) as EligibilityRule
    const now = this.deps.now()
    const at = now.toISOString()
    const month = yearMonthOf(shanghaiToday(now))
    const matchedBy = new Map<string, number>()
    const pushedBy = new Map<string, number>()
    let matched = 0
    let pushed = 0
    if (row.title) {
      let after = ''
      for (;;) {
        const batch = await k
          .selectFrom('situations as s')
          .leftJoin('policy_match_pushes as m', (j) => j.onRef('m.user_id', '=', 's.user_id').on('m.policy_id', '=', policyId))
          .select(['s.user_id', ...SITUATION_COLUMNS.map((c) => `s.${c}` as const), 'm.user_id as told'])
          .where('s.user_id', '>', after)
          .orderBy('s.user_id')
          .limit(MATCH_BATCH)
          .execute()
        if (batch.length === 0) break
        after = batch[batch.length - 1].user_id
        const fresh: { userId: string; county: string; body: string }[] = []
        for (const r of batch) {
          const situation = situationFromRow(r)
          if (evaluate(rule.when, situation, month).truth !== 'yes') continue
          const county = situation.county ?? ''
          matched++
          matchedBy.set(county, (matchedBy.get(county) ?? 0) + 1)
          if (r.told !== null) continue
          const amount = assess(rule, situation, month).amount
          const body = `根据您填写的“我的情况”，您符合这项政策的条件${amount ? `，标准${formatAmount(amount)}` : ''}。${rule.note ?? ''}`
          fresh.push({ userId: r.user_id, county, body: clip(body, 120) })
        }
        if (fresh.length) {
          const told = await this.push(policyId, clip(row.title, 60), fresh, at)
          pushed += told.length
          for (const f of told) pushedBy.set(f.county, (pushedBy.get(f.county) ?? 0) + 1)
        }
        if (batch.length < MATCH_BATCH) break
      }
    }
    await k.transaction().execute(async (trx) => {
      await trx.deleteFrom('policy_match_counts').where('policy_id', '=', policyId).where('pushed', '=', 0).execute()
      await trx.updateTable('policy_match_counts').set({ matched: 0, matched_at: at }).where('policy_id', '=', policyId).execute()
      for (const county of new Set([...matchedBy.keys(), ...pushedBy.keys()])) {
        const m = matchedBy.get(county) ?? 0
        const p = pushedBy.get(county) ?? 0
        await trx
          .insertInto('policy_match_counts')
          .values({ policy_id: policyId, county, matched: m, pushed: p, matched_at: at })
          .onConflict((oc) => oc.columns(['policy_id', 'county']).doUpdateSet({ matched: m, pushed: sql`policy_match_counts.pushed + ${p}`, matched_at: at }))
          .execute()
      }
      // a rule published again meanwhile stays pending for the next run
      await trx.updateTable('policy_rules').set({ matched_at: at }).where('policy_id', '=', policyId).where('updated_at', '=', row.updated_at).execute()
    })
    if (pushed) this.deps.messages.afterCommit()
    const ms = Math.round(performance.now() - started)
    this.deps.log.info({ policyId, matched, pushed, ms }, '政策找人匹配完成')
    return { policyId, matched, pushed, ms }
  }

  /** records and tells, in one transaction, those of `fresh` nobody recorded first; returns them */
  private async push<T extends { userId: string; county: string; body: string }>(policyId: string, title: string, fresh: T[], at: string): Promise<T[]> {
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const told: T[] = []
      for (let i = 0; i < fresh.length; i += INSERT_ROWS) {
        const chunk = fresh.slice(i, i + INSERT_ROWS)
        const inserted = await trx
          .insertInto('policy_match_pushes')
          .values(chunk.map((f) => ({ policy_id: policyId, user_id: f.userId, pushed_at: at })))
          .onConflict((oc) => oc.columns(['policy_id', 'user_id']).doNothing())
          .returning('user_id')
          .execute()
        const ids = new Set(inserted.map((r) => r.user_id))
        const now = chunk.filter((f) => ids.has(f.userId))
        told.push(...now)
        if (this.deps.wechat)
          for (const f of now) await this.deps.messages.policyMatched(trx, { userId: f.userId, policyId, policyTitle: title, body: f.body }, at)
        else
          await this.deps.messages.repository.insertMany(
            trx,
            now.map((f) => ({ userId: f.userId, kind: 'policy_match' as const, targetId: policyId, title, body: f.body })),
            at,
          )
      }
      return told
    })
  }
}
