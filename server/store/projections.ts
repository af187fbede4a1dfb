/** Entity → summary projections, explicit so a detail field never leaks into a list. */
import type { Campaign, CampaignSummary } from '../../common/contract'

export function toCampaignSummary(c: Campaign): CampaignSummary {
  return {
    id: c.id,
    title: c.title,
    department: c.department,
    cover: c.cover,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    status: c.status,
    participants: c.participants,
  }
}
