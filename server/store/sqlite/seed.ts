/** Loads the fixtures into an empty database, all or nothing. */
import type { Database } from 'better-sqlite3'
import type { Region } from '../../../common/contract'
import type { Fixtures } from '../../../mock/types'
import { policySearchText } from '../policy-search'

const json = (value: unknown) => JSON.stringify(value)

export function isSeeded(db: Database): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM topics) OR EXISTS (SELECT 1 FROM policies)').pluck().get() === 1
}

/** seeds in one transaction when the content tables are empty; returns whether it did */
export function seedIfEmpty(db: Database, fixtures: Fixtures): boolean {
  if (isSeeded(db)) return false
  db.transaction(() => seed(db, fixtures))()
  return true
}

function seed(db: Database, f: Fixtures): void {
  const topic = db.prepare('INSERT INTO topics (id, name, icon, position) VALUES (?, ?, ?, ?)')
  f.topics.forEach((t, i) => topic.run(t.id, t.name, t.icon, i))

  const region = db.prepare('INSERT INTO regions (code, name, level, parent_code, position) VALUES (?, ?, ?, ?, ?)')
  const insertRegions = (nodes: Region[], parent: string | null) =>
    nodes.forEach((r, i) => {
      region.run(r.code, r.name, r.level, parent, i)
      if (r.children) insertRegions(r.children, r.code)
    })
  insertRegions(f.regions, null)

  const policy = db.prepare(`INSERT INTO policies
    (id, title, doc_number, department, topic, published_at, effective_from, validity, summary, issuer, body, search_text)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  for (const p of f.policies) {
    const body = {
      sections: p.sections,
      validityNote: p.validityNote,
      replacedBy: p.replacedBy,
      interpretationIds: p.interpretationIds,
    }
    policy.run(
      p.id,
      p.title,
      p.docNumber,
      p.department,
      p.topic,
      p.publishedAt,
      p.effectiveFrom ?? null,
      p.validity,
      p.summary,
      p.issuer,
      json(body),
      policySearchText(p),
    )
  }

  const interpretation = db.prepare(`INSERT INTO interpretations
    (id, title, kind, topic, department, policy_id, cover, summary, published_at, featured, validity, body)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  for (const i of f.interpretations) {
    interpretation.run(
      i.id,
      i.title,
      i.kind,
      i.topic,
      i.department,
      i.policyId,
      i.cover,
      i.summary,
      i.publishedAt,
      i.featured ? 1 : 0,
      i.validity,
      json({ blocks: i.blocks, videoIds: i.videoIds }),
    )
  }

  const faq = db.prepare(`INSERT INTO faqs (id, question, answer, topic, keywords, policy_id, interpretation_id)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  for (const q of f.faqs) {
    faq.run(q.id, q.question, q.answer, q.topic, json(q.keywords), q.policyId ?? null, q.interpretationId ?? null)
  }

  const video = db.prepare(`INSERT INTO videos
    (id, title, topic, src, poster, captions, duration_sec, views, likes, interpretation_id, published_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  for (const v of f.videos) {
    video.run(v.id, v.title, v.topic, v.src, v.poster, v.captions, v.durationSec, v.views, v.likes, v.interpretationId ?? null, v.publishedAt)
  }

  const course = db.prepare(`INSERT INTO courses (id, title, topic, department, cover, summary, position)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const lesson = db.prepare(`INSERT INTO lessons (id, course_id, position, title, src, poster, captions, duration_sec)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  f.courses.forEach((c, i) => {
    course.run(c.id, c.title, c.topic, c.department, c.cover, c.summary, i)
    c.lessons.forEach((l, j) => lesson.run(l.id, c.id, j, l.title, l.src, l.poster, l.captions, l.durationSec))
  })

  const lectureTopic = db.prepare(`INSERT INTO lecture_topics
    (id, title, department, topic, summary, duration_min, formats, lecturers, rating_average, rating_count, position)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  f.lectureTopics.forEach((t, i) =>
    lectureTopic.run(t.id, t.title, t.department, t.topic, t.summary, t.durationMin, json(t.formats), json(t.lecturers), t.rating.average, t.rating.count, i),
  )

  const campaign = db.prepare(`INSERT INTO campaigns
    (id, title, department, cover, starts_at, ends_at, participants, description, rules, topics, position)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  f.campaigns.forEach((c, i) =>
    campaign.run(c.id, c.title, c.department, c.cover, c.startsAt, c.endsAt, c.participants, c.description, json(c.rules), json(c.topics), i),
  )

  const question = db.prepare(`INSERT INTO quiz_questions
    (id, type, stem, options, topic, answer, explanation, interpretation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const link = db.prepare('INSERT INTO campaign_questions (campaign_id, question_id, position) VALUES (?, ?, ?)')
  f.questions.forEach((q, i) => {
    question.run(q.id, q.type, q.stem, json(q.options), q.topic, json(q.answer), q.explanation, q.interpretationId ?? null)
    for (const campaignId of q.campaignIds) link.run(campaignId, q.id, i)
  })
}
