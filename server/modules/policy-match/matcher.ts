/**
 * 政策找人's job: a policy published with a rule (policy_rules.matched_at null) is matched against
 * every stored situation, in batches by user id; each resident it now fits (可以享受, nothing
 * undecided) who was never told about it gets one 我的消息 entry (and a WeChat message where
 * configured). The push record's primary key is what makes a second run, a restart or a second
 * instance tell nobody twice: only the rows this run inserted get a message, in the same transaction.
 */
import { randomBytes } from 'node:crypto'
import type { FastifyBaseLogger } from 'fastify'
import { sql, type SqlBool } from 'kysely'
import { assess, evaluate, type EligibilityRule, type FactName, factsOf, formatAmount, yearMonthOf } from '../../../common/eligibility'
import { shanghaiToday } from '../../../common/shanghai-date'
import type { Db } from '../../db/database'
import type { MessagesService } from '../messages/service'
import { clip } from '../../wechat/subscribe-message'
import { prefilter } from './prefilter'
import { ENTRIES, situationFromRow } from './repository'

export const MATCH_BATCH = 50_000
const INSERT_ROWS = 500

/**
 * message ids for one run, in order (UUID version 7's layout: the time, then a counter, then a
 * random tail per run): 240,000 messages appended to the id index's end rather than scattered
 * over it — the random UUIDs made writing them the largest part of a run
 */
function orderedIds(): () => string {
  let time = ''
  let tail = ''
  let n = 0x1000000
  return () => {
    // a fresh time and tail every 16,777,216 ids: the counter's 24 bits never overflow
    if (n === 0x1000000) {
      time = Date.now().toString(16).padStart(12, '0').slice(-12)
      const bytes = randomBytes(7).toString('hex')
      tail = `${(8 + (parseInt(bytes[0], 16) & 3)).toString(16)}${bytes.slice(1, 13)}`
      n = 0
    }
    const c = (n++).toString(16).padStart(6, '0')
    return `${time.slice(0, 8)}-${time.slice(8)}-7${c.slice(0, 3)}-${tail[0]}${c.slice(3)}-${tail.slice(1)}`
  }
}

interface Fresh {
  userId: string
  county: string
  body: string
}

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
    // only the columns the rule (and its amount) reads, and the county for the counts
    const facts = factsOf(rule.when, new Set<FactName>(['county']))
    for (const band of rule.amount?.bands ?? []) {
      if (band.when) factsOf(band.when, facts)
      if (band.per) facts.add(band.per)
      if (band.step) facts.add(band.step.fact)
    }
    const entries = ENTRIES.filter(([fact]) => facts.has(fact))
    // only the rows the rule can fit: its plain prerequisites checked by the database
    const where = (prefilter(rule.when, month) ?? sql`1 = 1`).$castTo<SqlBool>()
    const matchedBy = new Map<string, number>()
    const pushedBy = new Map<string, number>()
    let matched = 0
    let pushed = 0
    if (row.title) {
      const title = clip(row.title, 60)
      const pending: Fresh[] = []
      const consider = (r: Record<string, unknown>, told: unknown) => {
        const situation = situationFromRow(r, entries)
        if (evaluate(rule.when, situation, month).truth !== 'yes') return
        const county = situation.county ?? ''
        matched++
        matchedBy.set(county, (matchedBy.get(county) ?? 0) + 1)
        if (told !== null && told !== undefined) return
        const amount = assess(rule, situation, month).amount
        const body = `根据您填写的“我的情况”，您符合这项政策的条件${amount ? `，标准${formatAmount(amount)}` : ''}。${rule.note ?? ''}`
        pending.push({ userId: r.user_id as string, county, body: clip(body, 120) })
      }
      const flush = async () => {
        if (!pending.length) return
        const told = await this.push(policyId, title, pending.splice(0), at)
        pushed += told.length
        for (const f of told) pushedBy.set(f.county, (pushedBy.get(f.county) ?? 0) + 1)
      }
      const sqlite = this.deps.db.sqlite
      if (sqlite) {
        // SQLite: one pass over a prepared statement, columns as arrays (the connection is busy
        // while it iterates, so the pushes are written after)
        const names = ['user_id', ...entries.map(([, c]) => c)]
        const query = sql`SELECT ${sql.join(names.map((n) => sql.ref(n)))} FROM situations WHERE ${where}`.compile(k)
        const scan = sqlite.prepare(query.sql).raw(true)
        const params = query.parameters as unknown[]
        const r: Record<string, unknown> = {}
        // the connection held meanwhile: no transaction of a request (nor a group-commit batch) is open around the raw statements
        await this.deps.db.withSqlite!(() => {
          // who was told already, as a set (one range of the primary key), rather than a join per row
          const told = new Set(sqlite.prepare('SELECT user_id FROM policy_match_pushes WHERE policy_id = ?').pluck().all(policyId) as string[])
          for (const values of scan.iterate(...params) as Iterable<unknown[]>) {
            for (let i = 0; i < names.length; i++) r[names[i]] = values[i]
            consider(r, told.has(values[0] as string) ? true : null)
          }
        })
        await flush()
      } else {
        let after = ''
        for (;;) {
          const batch = await k
            .selectFrom('situations as s')
            .leftJoin('policy_match_pushes as m', (j) => j.onRef('m.user_id', '=', 's.user_id').on('m.policy_id', '=', policyId))
            .select(['s.user_id', ...entries.map(([, c]) => `s.${c}` as const), 'm.user_id as told'])
            .where('s.user_id', '>', after)
            .where(where)
            .orderBy('s.user_id')
            .limit(MATCH_BATCH)
            .execute()
          if (batch.length === 0) break
          after = batch[batch.length - 1].user_id
          for (const r of batch) consider(r, r.told)
          await flush()
          if (batch.length < MATCH_BATCH) break
        }
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
  private async push(policyId: string, title: string, fresh: Fresh[], at: string): Promise<Fresh[]> {
    const sqlite = this.deps.db.sqlite
    if (sqlite && !this.deps.wechat) {
      // SQLite: prepared statements in one transaction; a push row already there means told before
      const record = sqlite.prepare('INSERT INTO policy_match_pushes (policy_id, user_id, pushed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      const message = sqlite.prepare(
        "INSERT INTO messages (id, user_id, kind, target_id, title, body, created_at, read_at) VALUES (?, ?, 'policy_match', ?, ?, ?, ?, NULL)",
      )
      const nextId = orderedIds()
      const write = sqlite.transaction(() => {
        const told: Fresh[] = []
        for (const f of fresh) {
          if (record.run(policyId, f.userId, at).changes !== 1) continue
          message.run(nextId(), f.userId, policyId, title, f.body, at)
          told.push(f)
        }
        return told
      })
      return this.deps.db.withSqlite!(() => {
        // a page cache of 64 MB while a run writes its hundreds of thousands of rows (the default
        // 2 MB spills them to the WAL many times over), the usual one again after
        const cache = sqlite.pragma('cache_size', { simple: true }) as number
        sqlite.pragma('cache_size = -65536')
        try {
          return write()
        } finally {
          sqlite.pragma(`cache_size = ${Number(cache)}`)
        }
      })
    }
    return this.deps.db.kysely.transaction().execute(async (trx) => {
      const told: Fresh[] = []
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
