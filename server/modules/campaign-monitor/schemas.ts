/** The live monitor's answers (common/contract/campaign-monitor.ts), as response schemas. */
import { Type } from '@sinclair/typebox'
import { PAGE_SIZE_MAX } from '../../../common/contract'
import { PageQuery, StringEnum } from '../../schemas/common'

const RegionRow = Type.Object({
  rank: Type.Integer(),
  name: Type.String(),
  regionCode: Type.Optional(Type.String()),
  score: Type.Number(),
  participants: Type.Optional(Type.Integer()),
  residents: Type.Optional(Type.Integer()),
  participationPer10k: Type.Optional(Type.Number()),
  averageScore: Type.Optional(Type.Number()),
})

export const CampaignMonitor = Type.Object({
  campaign: Type.Object({
    id: Type.String(),
    title: Type.String(),
    status: StringEnum(['upcoming', 'ongoing', 'ended'] as const),
    startsAt: Type.String(),
    endsAt: Type.String(),
  }),
  scope: Type.Object({ code: Type.String(), name: Type.String() }),
  kpis: Type.Object({
    participants: Type.Integer(),
    submittedAttempts: Type.Integer(),
    activeAttempts: Type.Integer(),
    averageScore: Type.Number(),
    riskFlagged: Type.Integer(),
  }),
  counties: Type.Array(RegionRow),
  townships: Type.Array(RegionRow),
  scoreBuckets: Type.Array(Type.Object({ label: Type.String(), from: Type.Integer(), to: Type.Integer(), participants: Type.Integer() })),
  attemptsOverTime: Type.Array(Type.Object({ hour: Type.String(), attempts: Type.Integer() })),
  readAt: Type.String(),
})

/** a county or township of the caller's organisation to narrow to (default: the whole organisation) */
const Region = Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3})?$' }))

export const MonitorQuery = Type.Object({ region: Region })

export const SuspicionKind = StringEnum(['too-fast', 'same-timing', 'risk-rank'] as const)

export const SuspiciousQuery = Type.Object({
  page: PageQuery.properties.page,
  pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20 }),
  kind: Type.Optional(SuspicionKind),
  region: Region,
})

export const SuspiciousPage = Type.Object({
  items: Type.Array(
    Type.Object({
      attemptId: Type.String(),
      name: Type.String(),
      mobile: Type.Optional(Type.String()),
      regionName: Type.Optional(Type.String()),
      score: Type.Integer(),
      timeUsedSec: Type.Number(),
      submittedAt: Type.String(),
      riskRank: Type.Optional(Type.Integer()),
      reasons: Type.Array(Type.Object({ kind: SuspicionKind, text: Type.String(), group: Type.Optional(Type.String()) })),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  counts: Type.Object({ 'too-fast': Type.Integer(), 'same-timing': Type.Integer(), 'risk-rank': Type.Integer() }),
  checked: Type.Integer(),
})

export const ResultsQuery = Type.Object({
  /** 1: names and mobile numbers in full (admins only; the export is audited either way) */
  full: Type.Optional(StringEnum(['0', '1'] as const)),
  region: Region,
})

/** per-question times with a submit: question id → ms (bounded like the answers) */
export const QuestionTimings = Type.Record(Type.String({ maxLength: 64 }), Type.Integer({ minimum: 0, maximum: 3_600_000 }), { maxProperties: 100 })
