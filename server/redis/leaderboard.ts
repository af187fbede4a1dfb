/**
 * The quiz's boards in Redis (REDIS_URL): what the person board and the regional totals read,
 * shared by every instance and fast at a million participants. The database stays the source of
 * truth: every counted standing is written there first (in the submit's transaction) and then
 * here, and `sync` merges the database's standings in on start, so a write lost between the two
 * (a crash after the commit) is healed by the next start.
 *
 * Board order (server/modules/quiz/standing.ts): score high first, then less time used, then the earlier
 * finish; equal on all three share a rank (1, 2, 2, 4). Per campaign:
 *   `lb:<campaign>:z`  sorted set, ascending = board order. The sorted-set score packs the first two
 *                      keys exactly into one double: (MAX_SCORE − score) · 2^TIME_BITS + timeUsedMs;
 *                      the member is `<finishedAt ms, 15 digits>:<userId>`, so members of an equal
 *                      score sort by finish time (Redis orders equal scores by member bytes).
 *   `lb:<campaign>:u`  hash userId → `<packed>|<finishedAt ms>|<score>|<county>|<township>`: the
 *                      member to replace, and the regional contributions to move
 *   `lb:<campaign>:r`  hash `<regionCode>:p` / `<regionCode>:s` → participants / sum of counted scores
 *   `lb:<campaign>:ready`  set once a full sync has completed (to a token of that sync): until then read
 *                      the database
 *   `lb:<campaign>:v`  counts the writes that changed the first TOP_TRACKED members (who, in what
 *                      order, with what regions): with the ready token, the version of the top that
 *                      an instance may keep (`board`'s `known`) instead of reading it again
 *
 * A write is one script that applies the campaign's rule itself (`best`: keep the better standing;
 * `latest`: keep the later finish), so two instances' writes for one participant may arrive in
 * either order and the board still ends as the database does; the regional totals move in the same
 * script, so they always equal the sums over the person board.
 */
import type Redis from 'ioredis'

/** scores are 0..MAX_SCORE (server/quiz/score.ts) */
export const MAX_SCORE = 100
/** time used in ms below 2^36 (≈ 795 days): with 7 bits of score, 43 bits, exact in a double */
export const TIME_BITS = 36
const TIME_SPAN = 2 ** TIME_BITS

export type ScoreCounts = 'best' | 'latest'

/** how far down the board the top's version (`lb:<campaign>:v`) follows changes: a kept top is at most this long */
export const TOP_TRACKED = 100

/** a participant's counted standing, as the quiz stores it */
export interface BoardStanding {
  userId: string
  score: number
  timeUsedMs: number
  /** ISO-8601 */
  finishedAt: string
  countyCode?: string
  townshipCode?: string
}

export interface RankedMember {
  userId: string
  score: number
  timeUsedMs: number
  finishedAt: string
  /** competition rank: one more than the number strictly ahead */
  rank: number
}

export interface RegionTotal {
  regionCode: string
  participants: number
  scoreSum: number
}

/** the packed sorted-set score: lower is better */
export function packScore(score: number, timeUsedMs: number): number {
  if (!Number.isInteger(score) || score < 0 || score > MAX_SCORE) throw new RangeError(`score out of range: ${score}`)
  if (!Number.isInteger(timeUsedMs) || timeUsedMs < 0 || timeUsedMs >= TIME_SPAN) throw new RangeError(`timeUsedMs out of range: ${timeUsedMs}`)
  return (MAX_SCORE - score) * TIME_SPAN + timeUsedMs
}

export function unpackScore(packed: number): { score: number; timeUsedMs: number } {
  const timeUsedMs = packed % TIME_SPAN
  return { score: MAX_SCORE - (packed - timeUsedMs) / TIME_SPAN, timeUsedMs }
}

const finishKey = (finishedAt: string) => {
  const ms = Date.parse(finishedAt)
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`finishedAt is not a time: ${finishedAt}`)
  return String(ms).padStart(15, '0')
}

/**
 * KEYS: z, u, r, v · ARGV: rule, then per standing: userId, packed, finish (15 digits), score, county, township.
 * Returns how many standings replaced what the board held. A replacement that takes a member out of
 * the first TOP_TRACKED or puts one in moves the top's version (v).
 */
const PUT = `
local changed = 0
local topMoved = false
local rule = ARGV[1]
for i = 2, #ARGV, 6 do
  local user, packedText, finish, scoreText = ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3]
  local packed, score = tonumber(packedText), tonumber(scoreText)
  local county, township = ARGV[i + 4], ARGV[i + 5]
  local old = redis.call('HGET', KEYS[2], user)
  local wins = true
  local o = nil
  if old then
    o = {}
    for part in string.gmatch(old .. '|', '([^|]*)|') do o[#o + 1] = part end
    local oPacked, oFinish = tonumber(o[1]), o[2]
    if rule == 'best' then
      wins = packed < oPacked or (packed == oPacked and finish < oFinish)
    else
      wins = finish >= oFinish and not (finish == oFinish and packed == oPacked)
    end
  end
  if wins then
    if o then
      local was = redis.call('ZRANK', KEYS[1], o[2] .. ':' .. user)
      if was and was < ${TOP_TRACKED} then topMoved = true end
      redis.call('ZREM', KEYS[1], o[2] .. ':' .. user)
      local oScore = tonumber(o[3])
      for j = 4, 5 do
        if o[j] ~= '' then
          redis.call('HINCRBY', KEYS[3], o[j] .. ':p', -1)
          redis.call('HINCRBY', KEYS[3], o[j] .. ':s', 0 - oScore)
        end
      end
    end
    redis.call('ZADD', KEYS[1], packedText, finish .. ':' .. user)
    if not topMoved and redis.call('ZRANK', KEYS[1], finish .. ':' .. user) < ${TOP_TRACKED} then topMoved = true end
    redis.call('HSET', KEYS[2], user, packedText .. '|' .. finish .. '|' .. scoreText .. '|' .. county .. '|' .. township)
    for _, code in ipairs({county, township}) do
      if code ~= '' then
        redis.call('HINCRBY', KEYS[3], code .. ':p', 1)
        redis.call('HINCRBY', KEYS[3], code .. ':s', score)
      end
    end
    changed = changed + 1
  end
end
if topMoved then redis.call('INCR', KEYS[4]) end
return changed
`

/**
 * KEYS: z, u, r, v · ARGV: userId. Takes a participant off the board (an account merged away): the
 * member, the held value and their regional contributions. Returns 1 when they were there.
 */
const REMOVE = `
local old = redis.call('HGET', KEYS[2], ARGV[1])
if not old then return 0 end
local o = {}
for part in string.gmatch(old .. '|', '([^|]*)|') do o[#o + 1] = part end
local was = redis.call('ZRANK', KEYS[1], o[2] .. ':' .. ARGV[1])
if was and was < ${TOP_TRACKED} then redis.call('INCR', KEYS[4]) end
redis.call('ZREM', KEYS[1], o[2] .. ':' .. ARGV[1])
local oScore = tonumber(o[3])
for j = 4, 5 do
  if o[j] ~= '' then
    redis.call('HINCRBY', KEYS[3], o[j] .. ':p', -1)
    redis.call('HINCRBY', KEYS[3], o[j] .. ':s', 0 - oScore)
  end
end
redis.call('HDEL', KEYS[2], ARGV[1])
return 1
`

/**
 * How many members rank strictly ahead of (packed, finish): every lower packed score, and those of
 * the same packed score that finished earlier (members of one packed score are in finish order, so
 * the walk stops at the first that did not). A Lua function the scripts below share.
 */
const AHEAD_FN = `
local function ahead_of(z, packed, finish)
  local ahead = redis.call('ZCOUNT', z, '-inf', '(' .. packed)
  local offset = 0
  while true do
    local page = redis.call('ZRANGE', z, packed, packed, 'BYSCORE', 'LIMIT', offset, 256)
    for _, m in ipairs(page) do
      if string.sub(m, 1, 15) < finish then ahead = ahead + 1 else return ahead end
    end
    if #page < 256 then return ahead end
    offset = offset + 256
  end
end
`

/** KEYS: z · ARGV: packed, finish */
const AHEAD = `${AHEAD_FN}
return ahead_of(KEYS[1], ARGV[1], ARGV[2])
`

/**
 * The person board in one round trip, or `{0}` while the board is not ready. KEYS: z, u, ready, v ·
 * ARGV: limit, userId ('' for none), the top's version the caller holds ('' for none). Returns {1,
 * top (member, packed, …), the top's held values, the user's held value or '', how many rank ahead
 * of the user (-1 without), participants, the top's version, 1 when the top was read (0: the
 * caller's version is current, the top is not sent)}.
 */
const BOARD = `${AHEAD_FN}
local ready = redis.call('GET', KEYS[3])
if not ready then return {0} end
local version = ready .. '/' .. (redis.call('GET', KEYS[4]) or '0')
local top = {}
local held = {}
local sent = 0
if version ~= ARGV[3] then
  sent = 1
  if tonumber(ARGV[1]) > 0 then top = redis.call('ZRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1, 'WITHSCORES') end
  local users = {}
  for i = 1, #top, 2 do users[#users + 1] = string.sub(top[i], 17) end
  if #users > 0 then held = redis.call('HMGET', KEYS[2], unpack(users)) end
end
local mine, ahead = '', -1
if ARGV[2] ~= '' then
  local h = redis.call('HGET', KEYS[2], ARGV[2])
  if h then
    mine = h
    local cut = string.find(h, '|', 1, true)
    ahead = ahead_of(KEYS[1], string.sub(h, 1, cut - 1), string.sub(h, cut + 1, cut + 15))
  end
end
return {1, top, held, mine, ahead, redis.call('ZCARD', KEYS[1]), version, sent}
`

/** a board member with the regions its standing counts for */
export interface BoardMember extends RankedMember {
  countyCode?: string
  townshipCode?: string
}

export interface BoardRead {
  /** absent when the caller's `known` version is current (the top is what the caller holds) */
  top?: BoardMember[]
  /** the user's standing and how many rank strictly ahead of it, when they have one */
  mine?: BoardStanding & { ahead: number }
  total: number
  /**
   * the version of the top (limit ≤ TOP_TRACKED): the same version, the same first members in the
   * same order with the same standings and regions
   */
  version: string
}

/** ZRANGE … WITHSCORES in board order → members with competition ranks */
function ranked(flat: readonly string[]): RankedMember[] {
  const out: RankedMember[] = []
  for (let i = 0; i < flat.length; i += 2) {
    const member = flat[i]
    const packed = Number(flat[i + 1])
    const { score, timeUsedMs } = unpackScore(packed)
    const finish = member.slice(0, 15)
    const prev = out[out.length - 1]
    const tied = prev !== undefined && prev.score === score && prev.timeUsedMs === timeUsedMs && Date.parse(prev.finishedAt) === Number(finish)
    out.push({
      userId: member.slice(16),
      score,
      timeUsedMs,
      finishedAt: new Date(Number(finish)).toISOString(),
      rank: tied ? prev.rank : out.length + 1,
    })
  }
  return out
}

/** the regions of a held value `<packed>|<finish>|<score>|<county>|<township>` */
function regionsOf(held: string | null | undefined): Pick<BoardStanding, 'countyCode' | 'townshipCode'> {
  if (!held) return {}
  const [, , , county, township] = held.split('|')
  return { ...(county ? { countyCode: county } : {}), ...(township ? { townshipCode: township } : {}) }
}

function heldStanding(userId: string, held: string): BoardStanding {
  const [packed, finish] = held.split('|')
  return { userId, ...unpackScore(Number(packed)), finishedAt: new Date(Number(finish)).toISOString(), ...regionsOf(held) }
}

function regionTotalsOf(flat: Record<string, string>): RegionTotal[] {
  const byCode = new Map<string, RegionTotal>()
  for (const [field, value] of Object.entries(flat)) {
    const cut = field.lastIndexOf(':')
    const code = field.slice(0, cut)
    const total = byCode.get(code) ?? { regionCode: code, participants: 0, scoreSum: 0 }
    if (field.endsWith(':p')) total.participants = Number(value)
    else total.scoreSum = Number(value)
    byCode.set(code, total)
  }
  return [...byCode.values()].filter((t) => t.participants > 0).sort((a, b) => (a.regionCode < b.regionCode ? -1 : a.regionCode > b.regionCode ? 1 : 0))
}

type Scripted = Redis & {
  zctBoardPut(z: string, u: string, r: string, v: string, ...args: (string | number)[]): Promise<number>
  zctBoardAhead(z: string, packed: string, finish: string): Promise<number>
  zctBoardRemove(z: string, u: string, r: string, v: string, userId: string): Promise<number>
  zctBoardRead(
    z: string,
    u: string,
    ready: string,
    v: string,
    limit: number,
    userId: string,
    known: string,
  ): Promise<[0] | [1, string[], (string | null)[], string, number, number, string, number]>
}

const SYNC_BATCH = 1_000

/** the boards of every campaign, over one ioredis client (keys take the client's REDIS_PREFIX) */
export class Leaderboards {
  private readonly redis: Scripted

  constructor(client: Redis) {
    this.redis = client as Scripted
    if (!this.redis.zctBoardPut) this.redis.defineCommand('zctBoardPut', { numberOfKeys: 4, lua: PUT })
    if (!this.redis.zctBoardAhead) this.redis.defineCommand('zctBoardAhead', { numberOfKeys: 1, lua: AHEAD })
    if (!this.redis.zctBoardRead) this.redis.defineCommand('zctBoardRead', { numberOfKeys: 4, lua: BOARD })
    if (!this.redis.zctBoardRemove) this.redis.defineCommand('zctBoardRemove', { numberOfKeys: 4, lua: REMOVE })
  }

  private keys(campaignId: string) {
    const base = `lb:${campaignId}:`
    return { z: `${base}z`, u: `${base}u`, r: `${base}r`, v: `${base}v`, ready: `${base}ready`, lock: `${base}sync` }
  }

  /**
   * Records counted standings (after the database committed them). The rule decides, as
   * countedStanding does, whether each replaces the one held: `best` keeps the better, `latest`
   * the later finish. Resolves to how many replaced.
   */
  async put(campaignId: string, rule: ScoreCounts, standings: readonly BoardStanding[]): Promise<number> {
    if (standings.length === 0) return 0
    const k = this.keys(campaignId)
    const args: (string | number)[] = [rule]
    for (const s of standings) {
      args.push(s.userId, packScore(s.score, s.timeUsedMs), finishKey(s.finishedAt), s.score, s.countyCode ?? '', s.townshipCode ?? '')
    }
    return this.redis.zctBoardPut(k.z, k.u, k.r, k.v, ...args)
  }

  /** takes a participant off a board with their regional contributions; true when they were on it */
  async remove(campaignId: string, userId: string): Promise<boolean> {
    const k = this.keys(campaignId)
    return (await this.redis.zctBoardRemove(k.z, k.u, k.r, k.v, userId)) === 1
  }

  /** the first `limit` of the board, with competition ranks */
  async top(campaignId: string, limit: number): Promise<RankedMember[]> {
    if (limit <= 0) return []
    return ranked(await this.redis.zrange(this.keys(campaignId).z, 0, limit - 1, 'WITHSCORES'))
  }

  /**
   * What the person board shows, in one round trip: the first `limit` with competition ranks and
   * their regions, the user's standing with how many rank ahead of it, the participants, and the
   * top's version. With `known` (a version read before, limit ≤ TOP_TRACKED) the top is left out
   * while that version is current: the caller holds it. Undefined while the board is not ready
   * (read the database then).
   */
  async board(campaignId: string, limit: number, userId?: string, known?: string): Promise<BoardRead | undefined> {
    const k = this.keys(campaignId)
    const since = known !== undefined && limit <= TOP_TRACKED ? known : ''
    const reply = await this.redis.zctBoardRead(k.z, k.u, k.ready, k.v, Math.max(limit, 0), userId ?? '', since)
    if (reply[0] !== 1) return undefined
    const [, flat, held, mine, ahead, total, version, sent] = reply
    return {
      ...(Number(sent) === 1 ? { top: ranked(flat).map((m, i) => ({ ...m, ...regionsOf(held[i]) })) } : {}),
      ...(userId && mine ? { mine: { ...heldStanding(userId, mine), ahead: Number(ahead) } } : {}),
      total: Number(total),
      version,
    }
  }

  /** how many rank strictly ahead of this standing (its rank is one more), whether or not it is on the board */
  async countAhead(campaignId: string, s: Pick<BoardStanding, 'score' | 'timeUsedMs' | 'finishedAt'>): Promise<number> {
    return this.redis.zctBoardAhead(this.keys(campaignId).z, String(packScore(s.score, s.timeUsedMs)), finishKey(s.finishedAt))
  }

  /** a participant's rank on the board, or undefined when they have no standing there */
  async rankOf(campaignId: string, userId: string): Promise<number | undefined> {
    const held = await this.redis.hget(this.keys(campaignId).u, userId)
    if (!held) return undefined
    const [packed, finish] = held.split('|')
    return 1 + (await this.redis.zctBoardAhead(this.keys(campaignId).z, packed, finish))
  }

  /** participants on the board */
  async count(campaignId: string): Promise<number> {
    return this.redis.zcard(this.keys(campaignId).z)
  }

  /** participants and score sums per county and township, the input of the per-capita boards (quiz/regions.ts) */
  async regionTotals(campaignId: string): Promise<RegionTotal[]> {
    return regionTotalsOf(await this.redis.hgetall(this.keys(campaignId).r))
  }

  /** the regional totals, or undefined while the board is not ready (one round trip) */
  async readyRegionTotals(campaignId: string): Promise<RegionTotal[] | undefined> {
    const k = this.keys(campaignId)
    const replies = await this.redis.multi().exists(k.ready).hgetall(k.r).exec()
    if (!replies) throw new Error('readyRegionTotals: transaction aborted')
    for (const [err] of replies) if (err) throw err
    if (replies[0][1] !== 1) return undefined
    return regionTotalsOf(replies[1][1] as Record<string, string>)
  }

  /** whether a full sync has completed: until it has, read the boards from the database */
  async isReady(campaignId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys(campaignId).ready)) === 1
  }

  /**
   * Merges the database's standings into the board (on start): batches of `put`, so writes of
   * other instances meanwhile are kept, whichever arrives last. One instance at a time syncs a
   * campaign (a lock with an expiry); another that finds the lock taken returns false and leaves
   * it to the holder. Marks the board ready when done.
   */
  async sync(campaignId: string, rule: ScoreCounts, standings: AsyncIterable<readonly BoardStanding[]> | Iterable<readonly BoardStanding[]>): Promise<boolean> {
    const k = this.keys(campaignId)
    const token = `${process.pid}:${Math.random()}`
    if ((await this.redis.set(k.lock, token, 'PX', 120_000, 'NX')) !== 'OK') return false
    try {
      for await (const batch of standings) {
        for (let i = 0; i < batch.length; i += SYNC_BATCH) await this.put(campaignId, rule, batch.slice(i, i + SYNC_BATCH))
      }
      // a token of this sync: a top kept under the board's earlier life (Redis emptied meanwhile) is not current
      await this.redis.set(k.ready, `${Date.now()}-${Math.random().toString(36).slice(2)}`)
      return true
    } finally {
      if ((await this.redis.get(k.lock)) === token) await this.redis.del(k.lock)
    }
  }

  /** forgets a campaign's board (tests, or a campaign removed) */
  async drop(campaignId: string): Promise<void> {
    const k = this.keys(campaignId)
    await this.redis.del(k.z, k.u, k.r, k.v, k.ready, k.lock)
  }
}
