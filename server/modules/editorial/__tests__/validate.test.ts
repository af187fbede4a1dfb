/**
 * validateDraft: the shape of each type's draft (types, lengths, dates, links, block types, NUL),
 * per-field Chinese messages keyed as the console's forms read them, normalisation (trim, empty
 * trailing rows) and every chart rebuilt from its data grid.
 */
import type { BannerDraft, ChartSource, FaqDraft, InterpretationDraft, PolicyDraft } from '../../../../common/contract'
import { chartSpec } from '../../../../common/charts/chart-spec'
import { validateDraft } from '../validate'

const source: ChartSource = {
  kind: 'bar',
  title: '近三年补贴标准',
  categoryLabel: '年份',
  seriesName: '补贴',
  unit: '元/月',
  data: [
    ['2023', 300],
    ['2024', 350],
    ['2025', 400],
  ],
}

const goodPolicy: PolicyDraft = {
  title: '仙居县高龄津贴发放办法',
  docNumber: '仙政办发〔2026〕12号',
  issuer: '仙居县人民政府办公室',
  department: '仙居县民政局',
  topic: 'yanglao',
  regionCode: '331024',
  writtenAt: '2026-01-05',
  publishedAt: '2026-01-10',
  effectiveFrom: '2026-02-01',
  summary: '80周岁以上老人按月领取津贴。',
  sections: [{ heading: '第一条', paragraphs: ['津贴按月发放。', '第二段\n换行可以。'] }],
  attachment: { url: '/media/uploads/0123456789abcdef0123456789abcdef.pdf', name: '原文.pdf' },
  sourceUrl: 'http://www.zjxj.gov.cn/art/2026/1/10/art_1.html',
  validity: 'valid',
  reviewDate: '2027-01-10',
}

const goodInterpretation: InterpretationDraft = {
  title: '图解：高龄津贴提标了',
  kind: 'illustrated',
  topic: 'yanglao',
  department: '仙居县民政局',
  policyId: 'p-abcdefghjk',
  cover: '/media/covers/i1.jpg',
  summary: '一张图看懂。',
  featured: false,
  blocks: [
    { type: 'heading', text: '领多少' },
    { type: 'paragraph', text: '每月400元。' },
    { type: 'image', src: 'https://www.zjxj.gov.cn/a.png', alt: '津贴标准示意图', caption: '标准' },
    { type: 'keyFigures', items: [{ value: '400', unit: '元', caption: '每月' }] },
    { type: 'timeline', items: [{ date: '2026-02-01', title: '施行', detail: '自动发放' }] },
    { type: 'chart', title: '近三年补贴标准', chart: chartSpec(source) },
    { type: 'table', title: '标准', columns: ['年龄', '金额'], rows: [['80-89', '400元']] },
    { type: 'callout', tone: 'notice', title: '注意', text: '无需申请。' },
    { type: 'faq', items: [{ id: 'q1', question: '要申请吗？', answer: '不用。' }] },
  ],
  videoIds: ['v1'],
  faqIds: ['f1', 'f-abcdefghjk'],
  reviewDate: '2027-01-10',
}

const goodFaq: FaqDraft = {
  question: '高龄津贴要申请吗？',
  answer: '符合条件自动发放。',
  topic: 'yanglao',
  keywords: ['高龄津贴', '申请'],
  policyId: 'p1',
  interpretationId: 'i1',
}

const goodBanner: BannerDraft = {
  title: '文明城市创建',
  image: '/media/uploads/0123456789abcdef0123456789abcdef.jpg',
  alt: '志愿者在街头清扫',
  link: '/packages/content/interpretation/index?id=i1',
  startsAt: '2026-03-01',
  endsAt: '2026-03-31',
  position: 1,
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

describe('good drafts pass unchanged', () => {
  it.each([
    ['policy', goodPolicy],
    ['interpretation', goodInterpretation],
    ['faq', goodFaq],
    ['banner', goodBanner],
  ] as const)('%s', (type, draft) => {
    const result = validateDraft(type, clone(draft))
    expect(result.fields).toEqual({})
    expect(result.draft).toEqual(draft)
  })

  it('an empty draft saves while editing: completeness is a 送审 check', () => {
    expect(validateDraft('policy', {}).fields).toEqual({})
    expect(validateDraft('interpretation', { title: '' }).fields).toEqual({})
    expect(validateDraft('faq', {}).draft).toEqual({ question: '', answer: '', topic: '', keywords: [] })
    expect(validateDraft('banner', {}).draft).toMatchObject({ title: '', startsAt: '', position: 0 })
  })
})

describe('normalisation', () => {
  it('trims text, drops unknown keys and the fields of another validity', () => {
    const { draft, fields } = validateDraft('policy', {
      ...goodPolicy,
      title: '  仙居县高龄津贴发放办法 ',
      extra: '<script>',
      replacedBy: 'p2',
      repealedAt: '2026-01-01',
    })
    expect(fields).toEqual({})
    expect(draft.title).toBe('仙居县高龄津贴发放办法')
    expect(draft).not.toHaveProperty('extra')
    expect(draft).not.toHaveProperty('replacedBy')
    expect(draft).not.toHaveProperty('repealedAt')
    const revised = validateDraft('policy', { ...goodPolicy, validity: 'revised', replacedBy: 'p2' })
    expect(revised.draft.replacedBy).toBe('p2')
  })

  it('drops empty trailing rows of tables and chart grids, and pads short rows to the header', () => {
    const { draft, fields } = validateDraft('interpretation', {
      ...goodInterpretation,
      blocks: [
        { type: 'table', columns: ['年龄', '金额', ''], rows: [['80-89'], ['', ''], ['', '']] },
        { type: 'chart', title: '', chart: { source: { ...source, data: [...source.data, ['', null], [' ', '']] } } },
      ],
    })
    expect(fields).toEqual({})
    expect(draft.blocks[0]).toEqual({ type: 'table', columns: ['年龄', '金额'], rows: [['80-89', '']] })
    expect(draft.blocks[1]).toEqual({ type: 'chart', title: '近三年补贴标准', chart: chartSpec(source) })
  })

  it('rebuilds every chart from its data grid: a hand-written option never survives', () => {
    const forged = { ...chartSpec(source), option: { series: [{ type: 'custom', renderItem: 'alert(1)' }] }, table: { columns: ['x'], rows: [] } }
    const { draft, fields } = validateDraft('interpretation', {
      ...goodInterpretation,
      blocks: [
        {
          type: 'chart',
          title: '标准',
          chart: {
            ...forged,
            source: {
              ...source,
              data: [
                ['2023', '300'],
                [2024, 350],
              ],
            },
          },
        },
      ],
    })
    expect(fields).toEqual({})
    const rebuilt = chartSpec({
      ...source,
      data: [
        ['2023', 300],
        ['2024', 350],
      ],
    })
    expect(draft.blocks[0]).toEqual({ type: 'chart', title: '标准', chart: rebuilt })
    expect(JSON.stringify(draft)).not.toContain('renderItem')
  })

  it('keeps each 相似问法 once, trimmed, without blank lines, and leaves the field out when there are none', () => {
    const { draft, fields } = validateDraft('faq', { ...goodFaq, similar: [' 医保在哪里交 ', '', '医保在哪里交', '医保能在手机上交吗'] })
    expect(fields).toEqual({})
    expect(draft.similar).toEqual(['医保在哪里交', '医保能在手机上交吗'])
    expect(validateDraft('faq', { ...goodFaq, similar: ['', ' '] }).draft).not.toHaveProperty('similar')
  })

  it('keeps each keyword and linked id once', () => {
    const { draft } = validateDraft('faq', { ...goodFaq, keywords: ['医保', ' 医保 ', '缴费'] })
    expect(draft.keywords).toEqual(['医保', '缴费'])
    expect(validateDraft('interpretation', { ...goodInterpretation, faqIds: ['f1', 'f1'] }).draft.faqIds).toEqual(['f1'])
  })
})

describe('each bad field gives its Chinese message under its key', () => {
  const fieldsOf = (type: 'policy' | 'interpretation' | 'faq' | 'banner', draft: unknown) => validateDraft(type, draft).fields

  it('a draft that is not an object', () => {
    expect(fieldsOf('policy', 'x')).toEqual({ draft: '草稿内容格式不正确' })
    expect(fieldsOf('faq', [])).toEqual({ draft: '草稿内容格式不正确' })
  })

  it('policy fields', () => {
    expect(
      fieldsOf('policy', {
        ...goodPolicy,
        title: '长'.repeat(101),
        docNumber: 12,
        regionCode: '330100',
        publishedAt: '2026-02-30',
        writtenAt: '2026/1/5',
        validity: 'expired',
        sourceUrl: 'javascript:alert(1)',
        summary: 'a\u0000b',
        sections: [{ heading: '一\n二', paragraphs: ['x'.repeat(5001)] }],
        attachment: { url: 'file:///etc/passwd', name: 'x' },
      }),
    ).toEqual({
      'draft.title': '标题不能超过 100 个字',
      'draft.docNumber': '文号应为文字',
      'draft.regionCode': '适用地区应为台州市或其下属县（市、区）、乡镇（街道）',
      'draft.publishedAt': '发布日期格式应为 YYYY-MM-DD，且是有效日期',
      'draft.writtenAt': '成文日期格式应为 YYYY-MM-DD，且是有效日期',
      'draft.validity': '有效性只能是有效、已修订或已废止',
      'draft.sourceUrl': '原文链接应为 http 或 https 网址',
      'draft.summary': '摘要包含不可见的控制字符',
      'draft.sections[0].heading': '章节标题不能包含换行或控制字符',
      'draft.sections[0].paragraphs[0]': '段落不能超过 5000 个字',
      'draft.attachment.url': '附件地址应为上传的文件或 https 地址',
    })
  })

  it('refuses a 截止日期 before the 发布日期, and takes one on or after it (or none)', () => {
    expect(fieldsOf('policy', { ...goodPolicy, closesAt: '2026-01-09' })).toEqual({ 'draft.closesAt': '截止日期不能早于发布日期' })
    expect(validateDraft('policy', { ...goodPolicy, closesAt: '2026-01-10' })).toMatchObject({ fields: {}, draft: { closesAt: '2026-01-10' } })
    expect(validateDraft('policy', { ...goodPolicy, closesAt: '2026-06-30' }).draft.closesAt).toBe('2026-06-30')
    expect(validateDraft('policy', { ...goodPolicy, closesAt: '' }).draft).not.toHaveProperty('closesAt')
    // with no 发布日期 yet (an unfinished draft) there is nothing to compare with
    expect(validateDraft('policy', { ...goodPolicy, publishedAt: '', closesAt: '2020-01-01' }).fields).toEqual({})
    expect(fieldsOf('policy', { ...goodPolicy, closesAt: '2026-13-01' })).toEqual({ 'draft.closesAt': '截止日期格式应为 YYYY-MM-DD，且是有效日期' })
  })

  it('a revised policy names its successor by id; a repealed one its date', () => {
    expect(fieldsOf('policy', { ...goodPolicy, validity: 'revised', replacedBy: '../p1' })).toEqual({ 'draft.replacedBy': '修订后的政策的编号格式不正确' })
    expect(fieldsOf('policy', { ...goodPolicy, validity: 'repealed', repealedAt: '昨天' })).toEqual({
      'draft.repealedAt': '废止日期格式应为 YYYY-MM-DD，且是有效日期',
    })
  })

  it('interpretation blocks', () => {
    expect(
      fieldsOf('interpretation', {
        ...goodInterpretation,
        kind: 'poster',
        featured: 'yes',
        cover: 'http://example.com/a.jpg',
        videoIds: 'v1',
        blocks: [
          { type: 'heading', text: '' },
          { type: 'html', text: '<b>x</b>' },
          { type: 'image', src: 'javascript:alert(1)', alt: 'x'.repeat(201) },
          { type: 'chart', title: '手写', chart: { option: { series: [] }, table: { columns: [], rows: [] } } },
          { type: 'chart', title: '坏数据', chart: { source: { ...source, kind: 'radar', data: [['2023', 'abc']] } } },
          { type: 'callout', tone: 'danger', title: 't', text: 'x' },
          { type: 'keyFigures', items: [{ value: 400, caption: '每月' }] },
          'paragraph',
        ],
      }),
    ).toEqual({
      'draft.kind': '解读形式只能是图解、问答或视频',
      'draft.featured': '首页推荐应为是或否',
      'draft.cover': '封面图片应为上传的文件或 https 地址',
      'draft.videoIds': '关联视频格式不正确',
      'draft.blocks[1].type': '不支持的内容块类型',
      'draft.blocks[2].src': '图片地址应为上传的文件或 https 地址',
      'draft.blocks[2].alt': '图片替代文字不能超过 200 个字',
      'draft.blocks[3].chart': '图表缺少数据表',
      'draft.blocks[4].chart.source.data[0]': '图表第1行的数值不是数字',
      'draft.blocks[4].chart.source.kind': '图表类型只能是柱状图、折线图或饼图',
      'draft.blocks[5].tone': '提示框样式只能是重点或注意',
      'draft.blocks[6].items[0].value': '数字应为文字',
      'draft.blocks[7]': '内容块格式不正确',
    })
  })

  it('a table row wider than its header, too many blocks', () => {
    expect(fieldsOf('interpretation', { blocks: [{ type: 'table', columns: ['a'], rows: [['1', '2']] }] })).toEqual({
      'draft.blocks[0].rows[0]': '表格第1行的列数多于表头',
    })
    expect(fieldsOf('interpretation', { blocks: Array.from({ length: 201 }, () => ({ type: 'paragraph', text: 'x' })) })).toEqual({
      'draft.blocks': '内容块不能超过 200 项',
    })
  })

  it('faq fields', () => {
    expect(fieldsOf('faq', { question: '问'.repeat(201), answer: ['x'], keywords: ['a'.repeat(21)], interpretationId: 'i 1' })).toEqual({
      'draft.question': '问题不能超过 200 个字',
      'draft.answer': '回答应为文字',
      'draft.keywords[0]': '关键词不能超过 20 个字',
      'draft.interpretationId': '关联解读的编号格式不正确',
    })
  })

  it('faq 相似问法: at most 10, each at most 60 characters, text only', () => {
    expect(fieldsOf('faq', { similar: Array.from({ length: 11 }, (_, i) => `问法${i}`) })).toEqual({ 'draft.similar': '相似问法不能超过 10 项' })
    expect(fieldsOf('faq', { similar: Array.from({ length: 10 }, (_, i) => `问法${i}`) })).toEqual({})
    expect(fieldsOf('faq', { similar: ['问'.repeat(60), '问'.repeat(61), 3, '换\n行'] })).toEqual({
      'draft.similar[1]': '相似问法不能超过 60 个字',
      'draft.similar[2]': '相似问法应为文字',
      'draft.similar[3]': '相似问法不能包含换行或控制字符',
    })
    expect(fieldsOf('faq', { similar: '医保在哪交' })).toEqual({ 'draft.similar': '相似问法格式不正确' })
  })

  it('banner fields: link form, date window, position', () => {
    expect(fieldsOf('banner', { ...goodBanner, link: 'http://example.com', startsAt: '2026-04-01', endsAt: '2026-03-01', position: 1.5 })).toEqual({
      'draft.link': '链接应为小程序页面路径（/pages/… 或 /packages/…）或 https 网址',
      'draft.endsAt': '结束日期不能早于开始日期',
      'draft.position': '排序应为 0 到 99 的整数',
    })
    expect(fieldsOf('banner', { ...goodBanner, link: 'https://www.zjtz.gov.cn/a', image: '/media/../secret' })).toEqual({
      'draft.image': '图片应为上传的文件或 https 地址',
    })
  })
})
