/**
 * 政策领域 from a resident's question: the consultation form suggests a topic as the question is
 * typed (the resident can still pick another). A shared keyword map, so the app's suggestion and
 * any server-side use agree; the ids are the seeded topics' (mock/fixtures/topics.ts). The
 * topic whose words appear most often wins; on a tie, the one listed first; none: undefined.
 */
export const TOPIC_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  yanglao: ['养老', '高龄', '津贴', '老人', '老年', '退休', '居家养老', '敬老', '长护', '护理', '岁', '老伴', '我爸', '我妈'],
  yibao: ['医保', '医疗', '报销', '住院', '门诊', '看病', '大病', '慢病', '药', '参保', '医院', '异地就医'],
  jiuye: ['就业', '创业', '失业', '招聘', '工作', '找工作', '培训', '社保补贴', '灵活就业', '贷款', '工资', '技能'],
  huinong: ['农', '种粮', '耕地', '农机', '种植', '养殖', '粮食', '补贴到户', '村集体', '土地'],
  jiaoyu: ['教育', '学校', '上学', '入学', '学生', '助学', '学费', '幼儿园', '小学', '初中', '高中', '读书'],
  zhufang: ['住房', '公积金', '租房', '房租', '购房', '买房', '公租房', '保障房', '拆迁', '房屋', '装修'],
  yingshang: ['营业执照', '企业', '公司', '个体', '开店', '营商', '税', '登记', '许可证', '商户'],
  zwgk: ['信息公开', '依申请', '政务公开', '公开'],
}

/** 'yanglao' for 「我母亲82岁，高龄津贴怎么申请？」; undefined when no topic's words appear */
export function suggestTopic(question: string, known?: readonly string[]): string | undefined {
  const text = question.trim()
  if (!text) return undefined
  let best: string | undefined
  let bestScore = 0
  for (const [topic, words] of Object.entries(TOPIC_KEYWORDS)) {
    if (known && !known.includes(topic)) continue
    const score = words.reduce((n, w) => n + (text.includes(w) ? w.length : 0), 0)
    if (score > bestScore) {
      best = topic
      bestScore = score
    }
  }
  return best
}
