import type { CampaignStatus } from '../../../common/contract'

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Instant in ms. A bare `YYYY-MM-DD` is read as a whole day in China time (+08:00): a campaign
 * that "starts 6-01 and ends 6-30" runs from 6-01 00:00 to the end of 6-30, Beijing time.
 */
function instant(value: string, edge: 'start' | 'end'): number {
  if (DATE_ONLY.test(value)) {
    const start = Date.parse(`${value}T00:00:00+08:00`)
    return edge === 'start' ? start : start + DAY_MS
  }
  return Date.parse(value)
}

/** upcoming before startsAt, ended from endsAt on, ongoing in between */
export function campaignStatus(startsAt: string, endsAt: string, now: Date): CampaignStatus {
  const t = now.getTime()
  if (t < instant(startsAt, 'start')) return 'upcoming'
  if (t >= instant(endsAt, 'end')) return 'ended'
  return 'ongoing'
}

/** the instant a campaign ends (a bare end date: the end of that day, Beijing time) */
export function campaignEndInstant(endsAt: string): Date {
  return new Date(instant(endsAt, 'end'))
}

const STATUS_ORDER: Record<CampaignStatus, number> = { ongoing: 0, upcoming: 1, ended: 2 }

/** ongoing first, then upcoming, then ended; within a status the latest start first */
export function compareCampaigns(
  a: { status: CampaignStatus; startsAt: string; id: string },
  b: { status: CampaignStatus; startsAt: string; id: string },
): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || instant(b.startsAt, 'start') - instant(a.startsAt, 'start') || a.id.localeCompare(b.id)
}
