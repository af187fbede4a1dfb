/** Entity → summary projections, explicit so a detail field never leaks into a list. */
import type {
  Campaign,
  CampaignSummary,
  Course,
  CourseSummary,
  Interpretation,
  InterpretationSummary,
  Policy,
  PolicySummary,
} from '../../src/contract'

export function toPolicySummary(p: Policy): PolicySummary {
  return {
    id: p.id,
    title: p.title,
    docNumber: p.docNumber,
    department: p.department,
    topic: p.topic,
    publishedAt: p.publishedAt,
    ...(p.effectiveFrom ? { effectiveFrom: p.effectiveFrom } : {}),
    validity: p.validity,
    summary: p.summary,
  }
}

export function toInterpretationSummary(i: Interpretation): InterpretationSummary {
  return {
    id: i.id,
    title: i.title,
    kind: i.kind,
    topic: i.topic,
    department: i.department,
    policyId: i.policyId,
    cover: i.cover,
    summary: i.summary,
    publishedAt: i.publishedAt,
    featured: i.featured,
  }
}

/** lessonCount and totalSec are computed from the lessons, never trusted from the seed */
export function toCourseSummary(c: Course): CourseSummary {
  return {
    id: c.id,
    title: c.title,
    topic: c.topic,
    department: c.department,
    cover: c.cover,
    summary: c.summary,
    lessonCount: c.lessons.length,
    totalSec: c.lessons.reduce((sum, lesson) => sum + lesson.durationSec, 0),
  }
}

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
