/**
 * The shape of a draft as the console saves it: each field's type, length, date and link form,
 * with one Chinese message per field ('draft.title', 'draft.blocks[2].alt'). A draft may be
 * incomplete while it is being edited (an empty title saves); completeness is checked at 送审
 * (checks.ts). What passes is normalised: strings trimmed, unknown keys dropped, empty trailing
 * rows of tables and charts dropped, and every chart block's option rebuilt from its data grid by
 * common/charts, so no hand-written ECharts option ever reaches residents.
 */
import { type EligibilityRule, ruleProblem } from '../../../common/eligibility'
import type {
  BannerDraft,
  Block,
  ChartKind,
  ChartSource,
  EditorialDrafts,
  EditorialType,
  FaqDraft,
  FieldErrors,
  InterpretationDraft,
  InterpretationKind,
  PolicyDraft,
  PolicySection,
  PolicyValidity,
} from '../../../common/contract'
import { FAQ_SIMILAR_MAX, FAQ_SIMILAR_TEXT_MAX } from '../../../common/contract'
import { chartSpec } from '../../../common/charts/chart-spec'
import { isOrgCode } from '../auth/org-scope'
import { readCourse, readVideo } from '../media-admin/drafts'

export const LIMITS = {
  title: 100,
  docNumber: 50,
  issuer: 100,
  department: 50,
  topic: 32,
  summary: 500,
  sectionHeading: 100,
  paragraph: 5000,
  sections: 100,
  paragraphsPerSection: 200,
  validityNote: 200,
  url: 500,
  attachmentName: 100,
  blocks: 200,
  heading: 100,
  alt: 200,
  caption: 200,
  items: 50,
  figureValue: 20,
  figureUnit: 10,
  figureCaption: 50,
  timelineDate: 30,
  timelineDetail: 500,
  calloutText: 1000,
  tableColumns: 10,
  tableRows: 200,
  cell: 500,
  chartRows: 100,
  chartLabel: 30,
  question: 200,
  answer: 5000,
  keywords: 20,
  keyword: 20,
  similar: FAQ_SIMILAR_MAX,
  similarText: FAQ_SIMILAR_TEXT_MAX,
  bannerTitle: 50,
  id: 64,
  ids: 50,
  position: 99,
} as const

const POLICY_VALIDITIES: readonly PolicyValidity[] = ['valid', 'revised', 'repealed']
const INTERPRETATION_KINDS: readonly InterpretationKind[] = ['illustrated', 'qa', 'video']
const CHART_KINDS: readonly ChartKind[] = ['bar', 'line', 'pie']
const BLOCK_TYPES: readonly Block['type'][] = ['heading', 'paragraph', 'image', 'keyFigures', 'timeline', 'chart', 'table', 'callout', 'faq']

// NUL and the other C0/C1 controls except tab and line breaks (which multi-line fields keep)
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/
const ID = /^[A-Za-z0-9_-]+$/
const IN_APP_PATH = /^\/(pages|packages)\/[A-Za-z0-9_\-/]+(\?[A-Za-z0-9_\-=&%.]*)?$/
const MEDIA_PATH = /^\/media\/[A-Za-z0-9_\-/.]+$/

const chars = (s: string) => [...s].length

/** a real calendar day written YYYY-MM-DD */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** an absolute https (or, with `http`, http) URL with a host and no credentials */
export function isWebUrl(value: string, options: { http?: boolean } = {}): boolean {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return false
  }
  const schemes = options.http ? ['https:', 'http:'] : ['https:']
  return schemes.includes(url.protocol) && url.hostname !== '' && url.username === '' && url.password === '' && !/\s/.test(value)
}

/** a banner's or a link's target: a page of the app (/pages/…, /packages/…) or an https link */
export function isLinkTarget(value: string): boolean {
  return IN_APP_PATH.test(value) || isWebUrl(value)
}

/** a picture or file the app can show: one of ours (/media/…) or an https address */
export function isMediaUrl(value: string): boolean {
  return (MEDIA_PATH.test(value) && !value.includes('..')) || isWebUrl(value)
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

interface TextRule {
  max: number
  /** tab and line breaks allowed */
  multiline?: boolean
}

/** reads the fields of one draft, collecting one message per field key */
class DraftReader {
  readonly fields: FieldErrors = {}

  fail(key: string, message: string): void {
    if (!(key in this.fields)) this.fields[key] = message
  }

  /** a string field, trimmed; missing → '' */
  text(key: string, value: unknown, label: string, rule: TextRule): string {
    if (value === undefined || value === null) return ''
    if (typeof value !== 'string') {
      this.fail(key, `${label}应为文字`)
      return ''
    }
    const trimmed = value.trim()
    if (rule.multiline ? CONTROL.test(trimmed) : CONTROL.test(trimmed) || /[\t\r\n]/.test(trimmed)) {
      this.fail(key, rule.multiline ? `${label}包含不可见的控制字符` : `${label}不能包含换行或控制字符`)
      return ''
    }
    if (chars(trimmed) > rule.max) {
      this.fail(key, `${label}不能超过 ${rule.max} 个字`)
      return ''
    }
    return trimmed
  }

  /** an optional string field: missing or blank → undefined */
  optionalText(key: string, value: unknown, label: string, rule: TextRule): string | undefined {
    return this.text(key, value, label, rule) || undefined
  }

  /** an optional YYYY-MM-DD */
  date(key: string, value: unknown, label: string): string | undefined {
    const text = this.text(key, value, label, { max: 10 })
    if (!text) return undefined
    if (!isIsoDate(text)) {
      this.fail(key, `${label}格式应为 YYYY-MM-DD，且是有效日期`)
      return undefined
    }
    return text
  }

  /** a required date while editing may still be empty: '' */
  dateOrEmpty(key: string, value: unknown, label: string): string {
    return this.date(key, value, label) ?? ''
  }

  /** the id of another item, or undefined */
  id(key: string, value: unknown, label: string): string | undefined {
    const text = this.text(key, value, label, { max: LIMITS.id })
    if (!text) return undefined
    if (!ID.test(text)) {
      this.fail(key, `${label}的编号格式不正确`)
      return undefined
    }
    return text
  }

  ids(key: string, value: unknown, label: string): string[] {
    const list = this.array(key, value, label, LIMITS.ids)
    const out: string[] = []
    list.forEach((v, i) => {
      const id = this.id(`${key}[${i}]`, v, label)
      if (id && !out.includes(id)) out.push(id)
    })
    return out
  }

  array(key: string, value: unknown, label: string, max: number): unknown[] {
    if (value === undefined || value === null) return []
    if (!Array.isArray(value)) {
      this.fail(key, `${label}格式不正确`)
      return []
    }
    if (value.length > max) {
      this.fail(key, `${label}不能超过 ${max} 项`)
      return []
    }
    return value
  }

  object(key: string, value: unknown, label: string): Record<string, unknown> | undefined {
    if (!isObject(value)) {
      this.fail(key, `${label}格式不正确`)
      return undefined
    }
    return value
  }

  oneOf<V extends string>(key: string, value: unknown, allowed: readonly V[], fallback: V, message: string): V {
    if (value === undefined || value === null || value === '') return fallback
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as V
    this.fail(key, message)
    return fallback
  }

  flag(key: string, value: unknown, label: string): boolean {
    if (value === undefined || value === null) return false
    if (typeof value !== 'boolean') {
      this.fail(key, `${label}应为是或否`)
      return false
    }
    return value
  }

  link(key: string, value: unknown, label: string, test: (v: string) => boolean, hint: string): string {
    const text = this.text(key, value, label, { max: LIMITS.url })
    if (text && !test(text)) {
      this.fail(key, `${label}${hint}`)
      return ''
    }
    return text
  }

  media(key: string, value: unknown, label: string): string {
    return this.link(key, value, label, isMediaUrl, '应为上传的文件或 https 地址')
  }
}

/** rows whose every cell is blank, at the end of a grid the console's editor sends */
function dropEmptyTrailing<R>(rows: R[], isEmpty: (row: R) => boolean): R[] {
  let end = rows.length
  while (end > 0 && isEmpty(rows[end - 1])) end--
  return rows.slice(0, end)
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

function readPolicy(r: DraftReader, d: Record<string, unknown>): PolicyDraft {
  const validity = r.oneOf('draft.validity', d.validity, POLICY_VALIDITIES, 'valid', '有效性只能是有效、已修订或已废止')
  const regionCode = r.text('draft.regionCode', d.regionCode, '适用地区', { max: 12 })
  if (regionCode && !isOrgCode(regionCode)) r.fail('draft.regionCode', '适用地区应为台州市或其下属县（市、区）、乡镇（街道）')
  const sections: PolicySection[] = []
  r.array('draft.sections', d.sections, '原文章节', LIMITS.sections).forEach((s, i) => {
    const key = `draft.sections[${i}]`
    const section = r.object(key, s, '原文章节')
    if (!section) return
    const heading = r.text(`${key}.heading`, section.heading, '章节标题', { max: LIMITS.sectionHeading })
    const paragraphs = r
      .array(`${key}.paragraphs`, section.paragraphs, '段落', LIMITS.paragraphsPerSection)
      .map((p, j) => r.text(`${key}.paragraphs[${j}]`, p, '段落', { max: LIMITS.paragraph, multiline: true }))
    sections.push({ heading, paragraphs: dropEmptyTrailing(paragraphs, (p) => p === '') })
  })
  let attachment: PolicyDraft['attachment']
  if (d.attachment !== undefined && d.attachment !== null) {
    const a = r.object('draft.attachment', d.attachment, '附件')
    const url = a ? r.media('draft.attachment.url', a.url, '附件地址') : ''
    const name = a ? r.text('draft.attachment.name', a.name, '附件名称', { max: LIMITS.attachmentName }) : ''
    if (url) attachment = { url, name: name || '附件' }
  }
  const publishedAt = r.dateOrEmpty('draft.publishedAt', d.publishedAt, '发布日期')
  const closesAt = r.date('draft.closesAt', d.closesAt, '截止日期')
  if (closesAt && publishedAt && closesAt < publishedAt) r.fail('draft.closesAt', '截止日期不能早于发布日期')
  const draft: PolicyDraft = {
    title: r.text('draft.title', d.title, '标题', { max: LIMITS.title }),
    docNumber: r.text('draft.docNumber', d.docNumber, '文号', { max: LIMITS.docNumber }),
    issuer: r.text('draft.issuer', d.issuer, '发文机关', { max: LIMITS.issuer }),
    department: r.text('draft.department', d.department, '所属部门', { max: LIMITS.department }),
    topic: r.text('draft.topic', d.topic, '主题', { max: LIMITS.topic }),
    regionCode: r.fields['draft.regionCode'] ? '' : regionCode,
    writtenAt: r.date('draft.writtenAt', d.writtenAt, '成文日期'),
    publishedAt,
    effectiveFrom: r.date('draft.effectiveFrom', d.effectiveFrom, '施行日期'),
    closesAt,
    summary: r.text('draft.summary', d.summary, '摘要', { max: LIMITS.summary, multiline: true }),
    sections,
    attachment,
    sourceUrl: r.link('draft.sourceUrl', d.sourceUrl, '原文链接', (v) => isWebUrl(v, { http: true }), '应为 http 或 https 网址') || undefined,
    validity,
    // the validity's own fields only: a 已修订 link on a valid policy would mislead residents
    replacedBy: validity === 'revised' ? r.id('draft.replacedBy', d.replacedBy, '修订后的政策') : undefined,
    repealedAt: validity === 'repealed' ? r.date('draft.repealedAt', d.repealedAt, '废止日期') : undefined,
    validityNote: r.optionalText('draft.validityNote', d.validityNote, '有效性说明', { max: LIMITS.validityNote }),
    reviewDate: r.date('draft.reviewDate', d.reviewDate, '复核日期'),
    eligibility: readEligibility(r, d.eligibility),
  }
  return withoutUndefined(draft)
}

/** 政策找人's rule: absent or null is none; a malformed one is refused with the evaluator's sentence */
function readEligibility(r: DraftReader, value: unknown): EligibilityRule | undefined {
  if (value === undefined || value === null) return undefined
  const problem = ruleProblem(value)
  if (problem) {
    r.fail('draft.eligibility', problem)
    return undefined
  }
  // a copy through JSON: only data is kept
  return JSON.parse(JSON.stringify(value)) as EligibilityRule
}

function readChartSource(r: DraftReader, key: string, value: unknown): ChartSource | undefined {
  const s = r.object(key, value, '图表数据')
  if (!s) return undefined
  const rows = r.array(`${key}.data`, s.data, '图表数据', LIMITS.chartRows + 20)
  const data: [string, number][] = []
  const kept = dropEmptyTrailing(rows, (row) => Array.isArray(row) && row.every(blank))
  if (kept.length > LIMITS.chartRows) r.fail(`${key}.data`, `图表数据不能超过 ${LIMITS.chartRows} 行`)
  kept.slice(0, LIMITS.chartRows).forEach((row, i) => {
    const rowKey = `${key}.data[${i}]`
    if (!Array.isArray(row) || row.length !== 2) return r.fail(rowKey, `图表第${i + 1}行格式不正确`)
    const category = r.text(rowKey, typeof row[0] === 'number' ? String(row[0]) : row[0], `图表第${i + 1}行的分类`, { max: LIMITS.chartLabel })
    const raw = row[1]
    const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : NaN
    if (!Number.isFinite(number)) return r.fail(rowKey, `图表第${i + 1}行的数值不是数字`)
    data.push([category, number])
  })
  return {
    kind: r.oneOf(`${key}.kind`, s.kind, CHART_KINDS, 'bar', '图表类型只能是柱状图、折线图或饼图'),
    title: r.text(`${key}.title`, s.title, '图表标题', { max: LIMITS.title }),
    categoryLabel: r.text(`${key}.categoryLabel`, s.categoryLabel, '分类名称', { max: LIMITS.chartLabel }),
    seriesName: r.text(`${key}.seriesName`, s.seriesName, '数据名称', { max: LIMITS.chartLabel }),
    unit: r.text(`${key}.unit`, s.unit, '单位', { max: LIMITS.figureUnit }),
    data,
  }
}

function readBlock(r: DraftReader, key: string, value: unknown): Block | undefined {
  const b = r.object(key, value, '内容块')
  if (!b) return undefined
  if (typeof b.type !== 'string' || !(BLOCK_TYPES as readonly string[]).includes(b.type)) {
    r.fail(`${key}.type`, '不支持的内容块类型')
    return undefined
  }
  const type = b.type as Block['type']
  switch (type) {
    case 'heading':
      return { type, text: r.text(`${key}.text`, b.text, '小标题', { max: LIMITS.heading }) }
    case 'paragraph':
      return { type, text: r.text(`${key}.text`, b.text, '段落', { max: LIMITS.paragraph, multiline: true }) }
    case 'image': {
      const caption = r.optionalText(`${key}.caption`, b.caption, '图片说明', { max: LIMITS.caption })
      return withoutUndefined({
        type,
        src: r.media(`${key}.src`, b.src, '图片地址'),
        alt: r.text(`${key}.alt`, b.alt, '图片替代文字', { max: LIMITS.alt }),
        caption,
      })
    }
    case 'keyFigures': {
      const items = r.array(`${key}.items`, b.items, '关键数字', LIMITS.items).map((item, i) => {
        const k = `${key}.items[${i}]`
        const o = r.object(k, item, '关键数字') ?? {}
        return withoutUndefined({
          value: r.text(`${k}.value`, o.value, '数字', { max: LIMITS.figureValue }),
          unit: r.optionalText(`${k}.unit`, o.unit, '单位', { max: LIMITS.figureUnit }),
          caption: r.text(`${k}.caption`, o.caption, '说明', { max: LIMITS.figureCaption }),
        })
      })
      return { type, items: dropEmptyTrailing(items, (x) => !x.value && !x.unit && !x.caption) }
    }
    case 'timeline': {
      const items = r.array(`${key}.items`, b.items, '时间线', LIMITS.items).map((item, i) => {
        const k = `${key}.items[${i}]`
        const o = r.object(k, item, '时间线节点') ?? {}
        return withoutUndefined({
          date: r.text(`${k}.date`, o.date, '时间', { max: LIMITS.timelineDate }),
          title: r.text(`${k}.title`, o.title, '事项', { max: LIMITS.heading }),
          detail: r.optionalText(`${k}.detail`, o.detail, '详情', { max: LIMITS.timelineDetail, multiline: true }),
        })
      })
      return { type, items: dropEmptyTrailing(items, (x) => !x.date && !x.title && !x.detail) }
    }
    case 'chart': {
      const title = r.text(`${key}.title`, b.title, '图表标题', { max: LIMITS.title })
      const chart = isObject(b.chart) ? b.chart : undefined
      if (!chart || chart.source === undefined || chart.source === null) {
        r.fail(`${key}.chart`, '图表缺少数据表')
        return undefined
      }
      const source = readChartSource(r, `${key}.chart.source`, chart.source)
      if (!source) return undefined
      return { type, title: title || source.title, chart: chartSpec(source) }
    }
    case 'table': {
      const columns = r
        .array(`${key}.columns`, b.columns, '表头', LIMITS.tableColumns)
        .map((c, i) => r.text(`${key}.columns[${i}]`, c, '表头', { max: LIMITS.chartLabel }))
      const rows = r.array(`${key}.rows`, b.rows, '表格', LIMITS.tableRows).map((row, i) =>
        r.array(`${key}.rows[${i}]`, row, '表格行', LIMITS.tableColumns).map((cell, j) => {
          const v = typeof cell === 'number' && Number.isFinite(cell) ? String(cell) : cell
          return r.text(`${key}.rows[${i}][${j}]`, v, '单元格', { max: LIMITS.cell, multiline: true })
        }),
      )
      const trimmedColumns = dropEmptyTrailing(columns, (c) => c === '')
      const width = trimmedColumns.length
      const keptRows = dropEmptyTrailing(rows, (row) => row.every((c) => c === ''))
      keptRows.forEach((row, i) => {
        if (row.slice(width).some((c) => c !== '')) r.fail(`${key}.rows[${i}]`, `表格第${i + 1}行的列数多于表头`)
      })
      return withoutUndefined({
        type,
        title: r.optionalText(`${key}.title`, b.title, '表格标题', { max: LIMITS.title }),
        columns: trimmedColumns,
        // every row as wide as the header: the app draws a grid
        rows: keptRows.map((row) => Array.from({ length: width }, (_, j) => row[j] ?? '')),
      })
    }
    case 'callout':
      return {
        type,
        tone: r.oneOf(`${key}.tone`, b.tone, ['key', 'notice'] as const, 'key', '提示框样式只能是重点或注意'),
        title: r.text(`${key}.title`, b.title, '提示标题', { max: LIMITS.heading }),
        text: r.text(`${key}.text`, b.text, '提示内容', { max: LIMITS.calloutText, multiline: true }),
      }
    case 'faq': {
      const items = r.array(`${key}.items`, b.items, '问答', LIMITS.items).map((item, i) => {
        const k = `${key}.items[${i}]`
        const o = r.object(k, item, '问答') ?? {}
        return {
          id: r.id(`${k}.id`, o.id, '问答') ?? `q${i + 1}`,
          question: r.text(`${k}.question`, o.question, '问题', { max: LIMITS.question }),
          answer: r.text(`${k}.answer`, o.answer, '回答', { max: LIMITS.answer, multiline: true }),
        }
      })
      return { type, items: dropEmptyTrailing(items, (x) => !x.question && !x.answer) }
    }
  }
}

function readInterpretation(r: DraftReader, d: Record<string, unknown>): InterpretationDraft {
  const blocks: Block[] = []
  r.array('draft.blocks', d.blocks, '内容块', LIMITS.blocks).forEach((b, i) => {
    const block = readBlock(r, `draft.blocks[${i}]`, b)
    if (block) blocks.push(block)
  })
  return withoutUndefined({
    title: r.text('draft.title', d.title, '标题', { max: LIMITS.title }),
    kind: r.oneOf('draft.kind', d.kind, INTERPRETATION_KINDS, 'illustrated', '解读形式只能是图解、问答或视频'),
    topic: r.text('draft.topic', d.topic, '主题', { max: LIMITS.topic }),
    department: r.text('draft.department', d.department, '所属部门', { max: LIMITS.department }),
    policyId: r.id('draft.policyId', d.policyId, '解读的政策') ?? '',
    cover: r.media('draft.cover', d.cover, '封面图片'),
    summary: r.text('draft.summary', d.summary, '摘要', { max: LIMITS.summary, multiline: true }),
    featured: r.flag('draft.featured', d.featured, '首页推荐'),
    blocks,
    videoIds: r.ids('draft.videoIds', d.videoIds, '关联视频'),
    faqIds: r.ids('draft.faqIds', d.faqIds, '关联问答'),
    reviewDate: r.date('draft.reviewDate', d.reviewDate, '复核日期'),
  })
}

function readFaq(r: DraftReader, d: Record<string, unknown>): FaqDraft {
  const keywords: string[] = []
  r.array('draft.keywords', d.keywords, '关键词', LIMITS.keywords).forEach((k, i) => {
    const word = r.text(`draft.keywords[${i}]`, k, '关键词', { max: LIMITS.keyword })
    if (word && !keywords.includes(word)) keywords.push(word)
  })
  const similar: string[] = []
  r.array('draft.similar', d.similar, '相似问法', LIMITS.similar).forEach((s, i) => {
    const text = r.text(`draft.similar[${i}]`, s, '相似问法', { max: LIMITS.similarText })
    if (text && !similar.includes(text)) similar.push(text)
  })
  return withoutUndefined({
    question: r.text('draft.question', d.question, '问题', { max: LIMITS.question }),
    answer: r.text('draft.answer', d.answer, '回答', { max: LIMITS.answer, multiline: true }),
    topic: r.text('draft.topic', d.topic, '主题', { max: LIMITS.topic }),
    keywords,
    similar: similar.length ? similar : undefined,
    policyId: r.id('draft.policyId', d.policyId, '关联政策'),
    interpretationId: r.id('draft.interpretationId', d.interpretationId, '关联解读'),
    reviewDate: r.date('draft.reviewDate', d.reviewDate, '复核日期'),
  })
}

function readBanner(r: DraftReader, d: Record<string, unknown>): BannerDraft {
  const startsAt = r.dateOrEmpty('draft.startsAt', d.startsAt, '开始日期')
  const endsAt = r.dateOrEmpty('draft.endsAt', d.endsAt, '结束日期')
  if (startsAt && endsAt && endsAt < startsAt) r.fail('draft.endsAt', '结束日期不能早于开始日期')
  let position = 0
  if (d.position !== undefined && d.position !== null) {
    if (typeof d.position !== 'number' || !Number.isInteger(d.position) || d.position < 0 || d.position > LIMITS.position) {
      r.fail('draft.position', `排序应为 0 到 ${LIMITS.position} 的整数`)
    } else position = d.position
  }
  return {
    title: r.text('draft.title', d.title, '标题', { max: LIMITS.bannerTitle }),
    image: r.media('draft.image', d.image, '图片'),
    alt: r.text('draft.alt', d.alt, '图片替代文字', { max: LIMITS.alt }),
    link: r.link('draft.link', d.link, '链接', isLinkTarget, '应为小程序页面路径（/pages/… 或 /packages/…）或 https 网址'),
    startsAt,
    endsAt,
    position,
  }
}

const readers: { [T in EditorialType]: (r: DraftReader, d: Record<string, unknown>) => EditorialDrafts[T] } = {
  policy: readPolicy,
  interpretation: readInterpretation,
  faq: readFaq,
  banner: readBanner,
  video: readVideo,
  course: readCourse,
}

/** optional members left out rather than present as undefined (the stored JSON and diffs stay clean) */
function withoutUndefined<O extends object>(o: O): O {
  for (const k of Object.keys(o) as (keyof O)[]) if (o[k] === undefined) delete o[k]
  return o
}

/**
 * The draft's shape checked and normalised. `fields` is empty when it may be saved; otherwise
 * one Chinese message per field key, and `draft` is the best reading of what was sent.
 */
export function validateDraft<T extends EditorialType>(type: T, draft: unknown): { draft: EditorialDrafts[T]; fields: FieldErrors } {
  const reader = new DraftReader()
  if (!isObject(draft)) reader.fail('draft', '草稿内容格式不正确')
  const read = readers[type] as (r: DraftReader, d: Record<string, unknown>) => EditorialDrafts[T]
  const normalised = read(reader, isObject(draft) ? draft : {})
  return { draft: normalised, fields: reader.fields }
}
