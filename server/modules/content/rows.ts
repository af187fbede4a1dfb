/** Content rows → contract entities. NULL columns become absent fields, never `null`. */
import type { Faq, Interpretation, InterpretationSummary, Policy, PolicySummary } from '../../../common/contract'

export const POLICY_SUMMARY_COLUMNS = [
  'id',
  'title',
  'doc_number',
  'department',
  'topic',
  'published_at',
  'effective_from',
  'validity',
  'summary',
  'closes_at',
] as const

export interface PolicyRow {
  id: string
  title: string
  doc_number: string
  department: string
  topic: string
  published_at: string
  effective_from: string | null
  validity: Policy['validity']
  summary: string
  closes_at: string | null
}

export interface PolicyDetailRow extends PolicyRow {
  issuer: string
  body: string
}

export function policySummaryFrom(r: PolicyRow): PolicySummary {
  return {
    id: r.id,
    title: r.title,
    docNumber: r.doc_number,
    department: r.department,
    topic: r.topic,
    publishedAt: r.published_at,
    ...(r.effective_from !== null ? { effectiveFrom: r.effective_from } : {}),
    validity: r.validity,
    summary: r.summary,
    ...(r.closes_at ? { closesAt: r.closes_at } : {}),
  }
}

export function policyFrom(r: PolicyDetailRow): Policy {
  const body = JSON.parse(r.body) as Pick<
    Policy,
    'sections' | 'validityNote' | 'replacedBy' | 'interpretationIds' | 'writtenAt' | 'attachment' | 'sourceUrl' | 'repealedAt' | 'regionCode'
  >
  return {
    ...policySummaryFrom(r),
    issuer: r.issuer,
    sections: body.sections,
    ...(body.validityNote !== undefined ? { validityNote: body.validityNote } : {}),
    ...(body.replacedBy !== undefined ? { replacedBy: body.replacedBy } : {}),
    interpretationIds: body.interpretationIds,
    ...(body.writtenAt !== undefined ? { writtenAt: body.writtenAt } : {}),
    ...(body.attachment !== undefined ? { attachment: body.attachment } : {}),
    ...(body.sourceUrl !== undefined ? { sourceUrl: body.sourceUrl } : {}),
    ...(body.repealedAt !== undefined ? { repealedAt: body.repealedAt } : {}),
    ...(body.regionCode !== undefined ? { regionCode: body.regionCode } : {}),
  }
}

export const INTERPRETATION_SUMMARY_COLUMNS = [
  'id',
  'title',
  'kind',
  'topic',
  'department',
  'policy_id',
  'cover',
  'summary',
  'published_at',
  'featured',
] as const

export interface InterpretationRow {
  id: string
  title: string
  kind: Interpretation['kind']
  topic: string
  department: string
  policy_id: string
  cover: string
  summary: string
  published_at: string
  featured: number
}

export interface InterpretationDetailRow extends InterpretationRow {
  validity: Interpretation['validity']
  body: string
}

export function interpretationSummaryFrom(r: InterpretationRow): InterpretationSummary {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    topic: r.topic,
    department: r.department,
    policyId: r.policy_id,
    cover: r.cover,
    summary: r.summary,
    publishedAt: r.published_at,
    featured: r.featured === 1,
  }
}

export function interpretationFrom(r: InterpretationDetailRow): Interpretation {
  const body = JSON.parse(r.body) as Pick<Interpretation, 'blocks' | 'videoIds'>
  return { ...interpretationSummaryFrom(r), validity: r.validity, blocks: body.blocks, videoIds: body.videoIds }
}

export interface FaqRow {
  id: string
  question: string
  answer: string
  topic: string
  keywords: string
  /** 相似问法, a JSON array ('[]' when none) */
  similar_questions: string
  policy_id: string | null
  interpretation_id: string | null
}

export function faqFrom(r: FaqRow): Faq {
  return {
    id: r.id,
    question: r.question,
    answer: r.answer,
    topic: r.topic,
    keywords: JSON.parse(r.keywords) as string[],
    ...similarFrom(r.similar_questions),
    ...(r.policy_id !== null ? { policyId: r.policy_id } : {}),
    ...(r.interpretation_id !== null ? { interpretationId: r.interpretation_id } : {}),
  }
}

/** a FAQ's 相似问法 column as the contract's optional field: absent when there are none */
export function similarFrom(column: string | null | undefined): { similar?: string[] } {
  const similar = column ? (JSON.parse(column) as string[]) : []
  return similar.length ? { similar } : {}
}
