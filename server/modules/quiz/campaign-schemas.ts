import { Type } from '@sinclair/typebox'
import { StringEnum } from '../../schemas/common'

export const CampaignStatus = StringEnum(['upcoming', 'ongoing', 'ended'] as const)

const campaignSummaryFields = {
  id: Type.String(),
  title: Type.String(),
  department: Type.String(),
  cover: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  status: CampaignStatus,
  participants: Type.Integer(),
}

export const CampaignSummary = Type.Object(campaignSummaryFields)

/** no question, answer or explanation appears here: those belong to attempts */
export const Campaign = Type.Object({
  ...campaignSummaryFields,
  description: Type.String(),
  rules: Type.Object({
    questionsPerAttempt: Type.Integer(),
    secondsPerQuestion: Type.Integer(),
    attemptsPerDay: Type.Integer(),
    scoreCounts: StringEnum(['best', 'latest'] as const),
    eligibleRegions: Type.Array(Type.String()),
    prizes: Type.Optional(Type.String()),
    certificate: Type.Optional(Type.String()),
  }),
  topics: Type.Array(Type.String()),
})

export const CampaignQuery = Type.Object({ status: Type.Optional(CampaignStatus) })
