import { Type } from '@sinclair/typebox'
import { EDITORIAL_TYPES } from '../../../common/contract'
import { StringEnum } from '../../schemas/common'
import { Org } from '../auth/session-schemas'
import { EditorialSummary } from '../editorial/schemas'

const DAY = '^(\\d{4}-\\d{2}-\\d{2})?$'

export const DashboardQuery = Type.Object({
  org: Type.Optional(Type.String({ pattern: '^(\\d{6}(\\d{3})?)?$' })),
  from: Type.Optional(Type.String({ pattern: DAY })),
  to: Type.Optional(Type.String({ pattern: DAY })),
})

export const dashboardMessages = {
  org: '单位代码应为 6 位或 9 位数字',
  from: '开始日期格式应为 YYYY-MM-DD',
  to: '结束日期格式应为 YYYY-MM-DD',
}

const StaffRef = Type.Object({ id: Type.String(), name: Type.String() })

const CoverageRow = Type.Object({
  org: Org,
  policies: Type.Integer(),
  interpreted: Type.Integer(),
  rate: Type.Number(),
  synced: Type.Integer(),
  syncRate: Type.Number(),
})

export const Dashboard = Type.Object({
  org: Org,
  from: Type.Optional(Type.String()),
  to: Type.Optional(Type.String()),
  policiesByValidity: Type.Array(Type.Object({ validity: StringEnum(['valid', 'revised', 'repealed'] as const), count: Type.Integer() })),
  coverageByOrg: Type.Array(CoverageRow),
  coverageByDepartment: Type.Array(CoverageRow),
  dueForReview: Type.Array(EditorialSummary),
  waitingPerReviewer: Type.Array(Type.Object({ reviewer: StaffRef, org: Org, count: Type.Integer() })),
  mostRead: Type.Array(Type.Object({ type: StringEnum(EDITORIAL_TYPES), id: Type.String(), title: Type.String(), views: Type.Integer() })),
  totals: Type.Object({
    policies: Type.Integer(),
    interpretations: Type.Integer(),
    faqs: Type.Integer(),
    inReview: Type.Integer(),
    drafts: Type.Integer(),
  }),
})
