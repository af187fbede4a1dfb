/**
 * What 一站搜索 searches, read from the public tables (they hold only what is published: the
 * console's drafts live elsewhere until 发布), one implementation for SQLite and PostgreSQL.
 */
import type { Block, Policy } from '../../../common/contract'
import type { Db } from '../../db/database'
import type { SearchDoc } from './search-index'

export async function loadSearchDocs(db: Db): Promise<SearchDoc[]> {
  const k = db.kysely
  const [policies, interpretations, faqs, videos, courses, lessons] = await Promise.all([
    k.selectFrom('policies').select(['id', 'title', 'doc_number', 'department', 'topic', 'published_at', 'validity', 'summary', 'body']).execute(),
    k.selectFrom('interpretations').select(['id', 'title', 'kind', 'topic', 'department', 'cover', 'summary', 'published_at', 'body']).execute(),
    k.selectFrom('faqs').select(['id', 'question', 'answer', 'topic', 'keywords', 'policy_id', 'interpretation_id']).execute(),
    k.selectFrom('videos').select(['id', 'title', 'topic', 'poster', 'duration_sec', 'published_at']).execute(),
    k.selectFrom('courses').select(['id', 'title', 'topic', 'department', 'cover', 'summary']).execute(),
    k.selectFrom('lessons').select(['course_id', 'title']).orderBy('position').execute(),
  ])
  const lessonTitles = new Map<string, string[]>()
  for (const l of lessons) lessonTitles.set(l.course_id, [...(lessonTitles.get(l.course_id) ?? []), l.title])
  const docs: SearchDoc[] = []
  for (const p of policies) {
    const { sections } = JSON.parse(p.body) as Pick<Policy, 'sections'>
    docs.push({
      type: 'policy',
      id: p.id as string,
      title: p.title,
      lead: p.summary,
      body: [p.doc_number, ...sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n'),
      bodySnippet: true,
      publishedAt: p.published_at,
      topic: p.topic,
      department: p.department,
      docNumber: p.doc_number,
      validity: p.validity as SearchDoc['validity'],
    })
  }
  for (const i of interpretations) {
    const { blocks } = JSON.parse(i.body) as { blocks: Block[] }
    docs.push({
      type: 'interpretation',
      id: i.id as string,
      title: i.title,
      lead: i.summary,
      body: blocks.flatMap(blockText).join('\n'),
      bodySnippet: true,
      publishedAt: i.published_at,
      topic: i.topic,
      department: i.department,
      cover: i.cover,
      kind: i.kind as SearchDoc['kind'],
    })
  }
  for (const f of faqs) {
    docs.push({
      type: 'faq',
      id: f.id as string,
      title: f.question,
      lead: f.answer,
      body: (JSON.parse(f.keywords) as string[]).join('\n'),
      bodySnippet: false,
      publishedAt: '',
      topic: f.topic,
      ...(f.policy_id !== null ? { policyId: f.policy_id } : {}),
      ...(f.interpretation_id !== null ? { interpretationId: f.interpretation_id } : {}),
    })
  }
  for (const v of videos) {
    docs.push({
      type: 'video',
      id: v.id as string,
      title: v.title,
      lead: '',
      body: '',
      bodySnippet: false,
      publishedAt: v.published_at,
      topic: v.topic,
      cover: v.poster,
      durationSec: v.duration_sec,
    })
  }
  for (const c of courses) {
    const titles = lessonTitles.get(c.id as string) ?? []
    docs.push({
      type: 'course',
      id: c.id as string,
      title: c.title,
      lead: c.summary,
      body: titles.join('\n'),
      bodySnippet: true,
      publishedAt: '',
      topic: c.topic,
      department: c.department,
      cover: c.cover,
      lessonCount: titles.length,
    })
  }
  return docs
}

/** the words a reader sees in a block (not picture addresses or chart options) */
function blockText(b: Block): string[] {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return [b.text]
    case 'image':
      return [b.caption ?? '', b.alt]
    case 'keyFigures':
      return b.items.map((f) => `${f.value}${f.unit ?? ''} ${f.caption}`)
    case 'timeline':
      return b.items.map((t) => [t.date, t.title, t.detail ?? ''].join(' '))
    case 'chart':
      return [b.title]
    case 'table':
      return [b.title ?? '', ...b.rows.map((r) => r.join(' '))]
    case 'callout':
      return [b.title, b.text]
    case 'faq':
      return b.items.map((f) => `${f.question}\n${f.answer}`)
  }
}
