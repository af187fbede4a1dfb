import { Type } from '@sinclair/typebox'
import { CampaignSummary } from './campaigns'
import { InterpretationSummary } from './interpretations'
import { PolicySummary } from '../modules/content/schemas'
import { Topic } from './topics'

export const Home = Type.Object({
  featured: Type.Array(InterpretationSummary),
  topics: Type.Array(Topic),
  latestPolicies: Type.Array(PolicySummary),
  campaigns: Type.Array(CampaignSummary),
})
