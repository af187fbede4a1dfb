import type { EditorialDraft, EditorialType } from '@common/contract'
import { validityLabel } from '@common/labels/policy-validity'

const FIELD_LABELS: Readonly<Record<EditorialType, Readonly<Record<string, string>>>> = {
  policy: {
    title: '标题',
    docNumber: '文号',
    issuer: '发文机关',
    department: '部门',
    topic: '主题',
    regionCode: '适用地区',
    writtenAt: '成文日期',
    publishedAt: '发布日期',
    effectiveFrom: '施行日期',
    closesAt: '截止日期',
    summary: '摘要',
    sections: '原文',
    attachment: '附件',
    sourceUrl: '原文链接',
    validity: '有效性',
    replacedBy: '修订后的政策',
    repealedAt: '废止日期',
    validityNote: '有效性说明',
    reviewDate: '复核日期',
  },
  interpretation: {
    title: '标题',
    kind: '形式',
    topic: '主题',
    department: '部门',
    policyId: '解读的政策',
    cover: '封面',
    summary: '摘要',
    featured: '首页推荐',
    blocks: '内容块',
    videoIds: '短视频',
    faqIds: '简明问答',
    reviewDate: '复核日期',
  },
  faq: {
    question: '问题',
    answer: '回答',
    topic: '主题',
    keywords: '关键词',
    similar: '相似问法',
    policyId: '相关政策',
    interpretationId: '相关解读',
    reviewDate: '复核日期',
  },
  banner: {
    title: '标题',
    image: '图片',
    alt: '图片说明',
    link: '链接',
    startsAt: '开始日期',
    endsAt: '结束日期',
    position: '排序',
  },
  video: {
    title: '标题',
    topic: '主题',
    summary: '简介',
    src: '视频文件',
    poster: '封面',
    captions: '字幕',
    durationSec: '时长（秒）',
    width: '宽度',
    height: '高度',
    policyId: '关联政策',
    interpretationId: '关联解读',
    reviewDate: '复核日期',
  },
  course: {
    title: '标题',
    topic: '主题',
    department: '发布部门',
    cover: '封面',
    summary: '简介',
    lessons: '课时',
    reviewDate: '复核日期',
  },
}

function scalar(value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）'
  if (typeof value === 'boolean') return value ? '是' : '否'
  return String(value)
}

/** nested values one line each, so a diff shows which paragraph or cell changed */
function lines(label: string, value: unknown, out: string[]) {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${label}：（空）`)
    value.forEach((v, i) => lines(`${label}[${i + 1}]`, v, out))
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) lines(`${label}.${k}`, v, out)
  } else {
    // a multi-line text stays one logical field: its line breaks are shown, not diffed as fields
    out.push(`${label}：${scalar(value).replace(/\r?\n/g, '⏎')}`)
  }
}

/**
 * A draft as plain text, one line per field (nested sections and blocks one line per part), in
 * the order of the form: what the version history and the 409 comparison diff. Never HTML.
 */
export function draftText(type: EditorialType, draft: EditorialDraft | undefined): string {
  if (!draft) return ''
  const labels = FIELD_LABELS[type]
  const record = draft as unknown as Record<string, unknown>
  const keys = [...Object.keys(labels), ...Object.keys(record).filter((k) => !(k in labels))]
  const out: string[] = []
  for (const key of keys) {
    if (!(key in record)) continue
    let value = record[key]
    if (type === 'policy' && key === 'validity') value = validityLabel[value as keyof typeof validityLabel] ?? value
    lines(labels[key] ?? key, value, out)
  }
  return out.join('\n') + '\n'
}

/** a field path as the checks name it ('title', 'blocks[3].alt') in the form's words: 「内容块 第4项 · alt」 */
export function fieldLabel(type: EditorialType, field: string): string {
  const match = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.(.+))?$/.exec(field)
  if (!match) return field
  const [, key, index, rest] = match
  const name = FIELD_LABELS[type][key] ?? key
  return [name, index !== undefined ? `第 ${Number(index) + 1} 项` : undefined, rest].filter(Boolean).join(' · ')
}
