import { Type } from '@sinclair/typebox'
import { CampaignSummary } from '../modules/quiz/campaign-schemas'
import { InterpretationSummary } from './interpretations'
import { PolicySummary } from './policies'
import { Topic } from './topics'

export const Home = Type.Object({
  featured: Type.Array(InterpretationSummary),
  topics: Type.Array(Topic),
  latestPolicies: Type.Array(PolicySummary),
  campaigns: Type.Array(CampaignSummary),
})
