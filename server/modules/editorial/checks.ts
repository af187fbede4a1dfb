/**
 * The checks at 送审 (issue 14): sensitive words, required fields, broken links, pictures without
 * alt text, charts without data, a policy without an interpretation, links that go one way only.
 * Errors stop the submission; warnings are shown to the editor and the reviewer. Each finding
 * names its field as the console's forms do ('draft.title', 'draft.blocks[3].alt'). The draft is
 * one validateDraft has normalised.
 */
import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { BannerDraft, EditorialCheck, EditorialDrafts, EditorialType, FaqDraft, InterpretationDraft, PolicyDraft } from '../../../common/contract'
import { chartSourceProblems } from '../../../common/charts/chart-spec'
import type { ContentChecker } from '../../content-check'
import { findListedWord, loadWordList } from '../../content-check/sensitive-words'
import type { DB } from '../../db/schema'
import { CheckLookups, type LinkTarget } from './check-lookups'
import { courseChecks, videoChecks } from '../media-admin/drafts'

export interface CheckContext {
  db: Kysely<DB>
  /** the item being checked */
  itemId: string
  orgCode: string
  /**
   * the content checker of the routes (WeChat msgSecCheck when configured and the account has an
   * openid, else the local list) in addition to the local word list, which always runs
   */
  contentCheck?: { checker: ContentChecker; log: FastifyBaseLogger; openid?: string }
}

const error = (code: string, field: string, message: string): EditorialCheck => ({ level: 'error', code, field, message })
const warning = (code: string, field: string, message: string): EditorialCheck => ({ level: 'warning', code, field, message })

let words: readonly string[] | undefined
const wordList = () => (words ??= loadWordList())

/** the first word of the local sensitive-word list in a text (what 送审 refuses), or undefined */
export const listedSensitiveWord = (text: string): string | undefined => findListedWord(text, wordList())

const TARGET_LABELS: Record<LinkTarget, string> = { policy: '政策', interpretation: '解读', faq: '问答', video: '视频' }

// ---------------------------------------------------------------------------------------------
// sensitive words

/** the text residents will read, with its field key: no addresses, ids, dates or chart options */
const TEXT_KEYS: Record<EditorialType, readonly string[]> = {
  policy: ['title', 'docNumber', 'issuer', 'department', 'summary', 'validityNote'],
  interpretation: ['title', 'department', 'summary'],
  faq: ['question', 'answer'],
  banner: ['title', 'alt'],
  video: ['title', 'summary'],
  course: ['title', 'department', 'summary'],
}

function readableTexts<T extends EditorialType>(type: T, draft: EditorialDrafts[T]): [string, string][] {
  const texts: [string, string][] = []
  const add = (key: string, value: string | undefined) => value && texts.push([key, value])
  const record = draft as unknown as Record<string, unknown>
  for (const key of TEXT_KEYS[type]) add(`draft.${key}`, record[key] as string | undefined)
  if (type === 'policy') {
    ;(draft as PolicyDraft).sections.forEach((s, i) => {
      add(`draft.sections[${i}].heading`, s.heading)
      s.paragraphs.forEach((p, j) => add(`draft.sections[${i}].paragraphs[${j}]`, p))
    })
  }
  if (type === 'faq') {
    ;(draft as FaqDraft).keywords.forEach((k, i) => add(`draft.keywords[${i}]`, k))
    ;(draft as FaqDraft).similar?.forEach((s, i) => add(`draft.similar[${i}]`, s))
  }
  if (type === 'interpretation') {
    ;(draft as InterpretationDraft).blocks.forEach((b, i) => {
      const key = `draft.blocks[${i}]`
      switch (b.type) {
        case 'heading':
        case 'paragraph':
          return add(`${key}.text`, b.text)
        case 'image':
          add(`${key}.alt`, b.alt)
          return add(`${key}.caption`, b.caption)
        case 'keyFigures':
          return b.items.forEach((x, j) => add(`${key}.items[${j}]`, [x.value, x.unit, x.caption].filter(Boolean).join(' ')))
        case 'timeline':
          return b.items.forEach((x, j) => add(`${key}.items[${j}]`, [x.date, x.title, x.detail].filter(Boolean).join(' ')))
        case 'chart': {
          const s = b.chart.source
          add(`${key}.title`, b.title)
          return s && add(`${key}.chart`, [s.title, s.categoryLabel, s.seriesName, s.unit, ...s.data.map(([k]) => k)].join(' '))
        }
        case 'table':
          add(`${key}.title`, b.title)
          add(`${key}.columns`, b.columns.join(' '))
          return b.rows.forEach((row, j) => add(`${key}.rows[${j}]`, row.join(' ')))
        case 'callout':
          add(`${key}.title`, b.title)
          return add(`${key}.text`, b.text)
        case 'faq':
          return b.items.forEach((x, j) => {
            add(`${key}.items[${j}].question`, x.question)
            add(`${key}.items[${j}].answer`, x.answer)
          })
      }
    })
  }
  return texts
}

async function sensitiveWords<T extends EditorialType>(type: T, draft: EditorialDrafts[T], ctx: CheckContext): Promise<EditorialCheck[]> {
  const found: EditorialCheck[] = []
  for (const [field, text] of readableTexts(type, draft)) {
    const word = findListedWord(text, wordList())
    if (word) {
      found.push(error('sensitive_word', field, `含有不适宜发布的词语「${word}」，请修改`))
      continue
    }
    if (!ctx.contentCheck) continue
    const { checker, log, openid } = ctx.contentCheck
    const verdict = await checker.checkText(text, { log, ...(openid ? { openid } : {}) })
    if (!verdict.ok) found.push(error('sensitive_word', field, '含有不适宜发布的内容，请修改'))
  }
  return found
}

// ---------------------------------------------------------------------------------------------
// required fields

type Required = [field: string, present: unknown, message: string]

function missing(required: Required[]): EditorialCheck[] {
  return required.filter(([, present]) => !present).map(([field, , message]) => error('required', field, message))
}

function requiredOfPolicy(d: PolicyDraft): EditorialCheck[] {
  return missing([
    ['draft.title', d.title, '请填写标题'],
    ['draft.docNumber', d.docNumber, '请填写文号'],
    ['draft.issuer', d.issuer, '请填写发文机关'],
    ['draft.department', d.department, '请填写所属部门'],
    ['draft.topic', d.topic, '请选择主题'],
    ['draft.regionCode', d.regionCode, '请选择适用地区'],
    ['draft.publishedAt', d.publishedAt, '请填写发布日期'],
    ['draft.summary', d.summary, '请填写摘要'],
    ['draft.sections', d.sections.some((s) => s.paragraphs.length > 0) || d.attachment || d.sourceUrl, '请填写原文、上传附件或填写原文链接'],
    ['draft.replacedBy', d.validity !== 'revised' || d.replacedBy, '已修订的政策请选择修订后的政策'],
    ['draft.repealedAt', d.validity !== 'repealed' || d.repealedAt, '已废止的政策请填写废止日期'],
  ])
}

function requiredOfInterpretation(d: InterpretationDraft): EditorialCheck[] {
  const found = missing([
    ['draft.title', d.title, '请填写标题'],
    ['draft.topic', d.topic, '请选择主题'],
    ['draft.department', d.department, '请填写所属部门'],
    ['draft.policyId', d.policyId, '请选择解读的政策'],
    ['draft.cover', d.cover, '请上传封面图片'],
    ['draft.summary', d.summary, '请填写摘要'],
    ['draft.blocks', d.kind === 'video' || d.blocks.length > 0, '请添加解读内容'],
    ['draft.videoIds', d.kind !== 'video' || d.videoIds.length > 0, '视频解读请关联视频'],
  ])
  d.blocks.forEach((b, i) => {
    const key = `draft.blocks[${i}]`
    switch (b.type) {
      case 'heading':
        return found.push(...missing([[`${key}.text`, b.text, '请填写小标题']]))
      case 'paragraph':
        return found.push(...missing([[`${key}.text`, b.text, '请填写段落内容']]))
      case 'image':
        return found.push(...missing([[`${key}.src`, b.src, '请上传图片']]))
      case 'keyFigures':
        found.push(...missing([[`${key}.items`, b.items.length > 0, '请添加关键数字']]))
        return b.items.forEach((x, j) =>
          found.push(
            ...missing([
              [`${key}.items[${j}].value`, x.value, '请填写数字'],
              [`${key}.items[${j}].caption`, x.caption, '请填写数字的说明'],
            ]),
          ),
        )
      case 'timeline':
        found.push(...missing([[`${key}.items`, b.items.length > 0, '请添加时间线节点']]))
        return b.items.forEach((x, j) =>
          found.push(
            ...missing([
              [`${key}.items[${j}].date`, x.date, '请填写时间'],
              [`${key}.items[${j}].title`, x.title, '请填写事项'],
            ]),
          ),
        )
      case 'table':
        return found.push(
          ...missing([
            [`${key}.columns`, b.columns.length > 0, '请填写表头'],
            [`${key}.rows`, b.rows.length > 0, '表格没有内容'],
          ]),
        )
      case 'callout':
        return found.push(
          ...missing([
            [`${key}.title`, b.title, '请填写提示标题'],
            [`${key}.text`, b.text, '请填写提示内容'],
          ]),
        )
      case 'faq':
        found.push(...missing([[`${key}.items`, b.items.length > 0, '请添加问答']]))
        return b.items.forEach((x, j) =>
          found.push(
            ...missing([
              [`${key}.items[${j}].question`, x.question, '请填写问题'],
              [`${key}.items[${j}].answer`, x.answer, '请填写回答'],
            ]),
          ),
        )
      case 'chart':
        return // its data: chart_data
    }
  })
  return found
}

function requiredOfFaq(d: FaqDraft): EditorialCheck[] {
  return missing([
    ['draft.question', d.question, '请填写问题'],
    ['draft.answer', d.answer, '请填写回答'],
    ['draft.topic', d.topic, '请选择主题'],
  ])
}

function requiredOfBanner(d: BannerDraft): EditorialCheck[] {
  return missing([
    ['draft.title', d.title, '请填写标题'],
    ['draft.image', d.image, '请上传图片'],
    ['draft.link', d.link, '请填写链接'],
    ['draft.startsAt', d.startsAt, '请填写开始日期'],
    ['draft.endsAt', d.endsAt, '请填写结束日期'],
  ])
}

// ---------------------------------------------------------------------------------------------
// pictures and charts

function picturesAndCharts<T extends EditorialType>(type: T, draft: EditorialDrafts[T]): EditorialCheck[] {
  const found: EditorialCheck[] = []
  if (type === 'banner' && !(draft as BannerDraft).alt) found.push(error('image_alt', 'draft.alt', '请为图片填写替代文字，供读屏软件朗读'))
  if (type !== 'interpretation') return found
  ;(draft as InterpretationDraft).blocks.forEach((b, i) => {
    if (b.type === 'image' && !b.alt) found.push(error('image_alt', `draft.blocks[${i}].alt`, '请为图片填写替代文字，供读屏软件朗读'))
    if (b.type === 'chart') {
      const problems = chartSourceProblems(b.chart.source)
      if (problems.length > 0) found.push(error('chart_data', `draft.blocks[${i}].chart`, problems.join('；')))
    }
  })
  return found
}

// ---------------------------------------------------------------------------------------------
// links

interface Link {
  field: string
  target: LinkTarget
  id: string
}

function linksOf<T extends EditorialType>(type: T, draft: EditorialDrafts[T]): Link[] {
  const links: Link[] = []
  const add = (field: string, target: LinkTarget, id: string | undefined) => id && links.push({ field, target, id })
  if (type === 'policy') add('draft.replacedBy', 'policy', (draft as PolicyDraft).replacedBy)
  if (type === 'interpretation') {
    const d = draft as InterpretationDraft
    add('draft.policyId', 'policy', d.policyId)
    d.videoIds.forEach((id, i) => add(`draft.videoIds[${i}]`, 'video', id))
    d.faqIds.forEach((id, i) => add(`draft.faqIds[${i}]`, 'faq', id))
  }
  if (type === 'faq') {
    const d = draft as FaqDraft
    add('draft.policyId', 'policy', d.policyId)
    add('draft.interpretationId', 'interpretation', d.interpretationId)
  }
  return links
}

async function brokenLinks(links: Link[], ctx: CheckContext, lookups: CheckLookups): Promise<{ found: EditorialCheck[]; broken: Set<string> }> {
  const found: EditorialCheck[] = []
  const broken = new Set<string>()
  for (const target of ['policy', 'interpretation', 'faq', 'video'] as const) {
    const ofTarget = links.filter((l) => l.target === target)
    if (ofTarget.length === 0) continue
    const states = await lookups.linkStates(
      target,
      ofTarget.map((l) => l.id),
    )
    for (const link of ofTarget) {
      const label = TARGET_LABELS[target]
      if (link.id === ctx.itemId) {
        found.push(error('broken_link', link.field, `不能关联本${label}自身`))
        broken.add(link.field)
      } else if (!states.has(link.id)) {
        found.push(error('broken_link', link.field, `关联的${label}（${link.id}）不存在`))
        broken.add(link.field)
      } else if (states.get(link.id) === 'unpublished') {
        found.push(warning('unpublished_link', link.field, `关联的${label}（${link.id}）尚未发布，居民暂时看不到`))
      }
    }
  }
  return { found, broken }
}

/** links both ways: what this item links to should link back */
async function oneWayLinks<T extends EditorialType>(type: T, draft: EditorialDrafts[T], ctx: CheckContext, lookups: CheckLookups, broken: Set<string>) {
  const found: EditorialCheck[] = []
  if (type === 'interpretation') {
    const d = draft as InterpretationDraft
    const faqs = await lookups.interpretationOfFaqs(d.faqIds)
    d.faqIds.forEach((id, i) => {
      const field = `draft.faqIds[${i}]`
      if (broken.has(field) || !faqs.has(id)) return
      const named = faqs.get(id)
      if (named !== ctx.itemId) {
        found.push(
          warning(
            'one_way_link',
            field,
            named ? `问答（${id}）关联的是另一篇解读（${named}），请同时修改该问答` : `问答（${id}）没有关联本解读，请同时修改该问答`,
          ),
        )
      }
    })
    const videos = await lookups.interpretationOfVideos(d.videoIds)
    d.videoIds.forEach((id, i) => {
      const named = videos.get(id)
      if (named && named !== ctx.itemId) found.push(warning('one_way_link', `draft.videoIds[${i}]`, `视频（${id}）属于另一篇解读（${named}）`))
    })
  }
  if (type === 'faq') {
    const d = draft as FaqDraft
    if (d.interpretationId && !broken.has('draft.interpretationId')) {
      const listed = await lookups.faqsOfInterpretation(d.interpretationId)
      if (listed && !listed.includes(ctx.itemId)) {
        found.push(warning('one_way_link', 'draft.interpretationId', `关联的解读（${d.interpretationId}）没有列出本问答，请同时修改该解读`))
      }
    }
  }
  return found
}

// ---------------------------------------------------------------------------------------------

/** every finding for the draft, errors and warnings, in the order the form shows its fields */
export async function runChecks<T extends EditorialType>(type: T, draft: EditorialDrafts[T], ctx: CheckContext): Promise<EditorialCheck[]> {
  const lookups = new CheckLookups(ctx.db)
  const required =
    type === 'policy'
      ? requiredOfPolicy(draft as PolicyDraft)
      : type === 'interpretation'
        ? requiredOfInterpretation(draft as InterpretationDraft)
        : type === 'faq'
          ? requiredOfFaq(draft as FaqDraft)
          : type === 'banner'
            ? requiredOfBanner(draft as BannerDraft)
            : type === 'video'
              ? await videoChecks(ctx.db, draft as EditorialDrafts['video'])
              : await courseChecks(ctx.db, draft as EditorialDrafts['course'])
  const { found: linkFindings, broken } = await brokenLinks(linksOf(type, draft), ctx, lookups)
  const findings = [...(await sensitiveWords(type, draft, ctx)), ...required, ...picturesAndCharts(type, draft), ...linkFindings]
  findings.push(...(await oneWayLinks(type, draft, ctx, lookups, broken)))
  if (type === 'policy' && !(await lookups.policyHasInterpretation(ctx.itemId))) {
    findings.push(warning('no_interpretation', 'draft', '该政策还没有解读：按要求，政策文件应与解读材料同步发布'))
  }
  return findings
}

/** whether the findings stop a 送审 */
export const hasErrors = (checks: readonly EditorialCheck[]): boolean => checks.some((c) => c.level === 'error')

/**
 * The sensitive-word check of one text residents will read outside the editorial drafts (a
 * consultation's reply, 咨询工作台): the local word list, then the routes' content checker.
 */
export async function checkReadableText(field: string, text: string, contentCheck?: CheckContext['contentCheck']): Promise<EditorialCheck[]> {
  const word = findListedWord(text, wordList())
  if (word) return [error('sensitive_word', field, `含有不适宜发布的词语「${word}」，请修改`)]
  if (!contentCheck) return []
  const { checker, log, openid } = contentCheck
  const verdict = await checker.checkText(text, { log, ...(openid ? { openid } : {}) })
  return verdict.ok ? [] : [error('sensitive_word', field, '含有不适宜发布的内容，请修改')]
}
