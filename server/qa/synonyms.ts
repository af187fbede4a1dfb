/**
 * The synonym table of the Q&A search: each row is one meaning, its first entry the canonical
 * form that every other entry is rewritten to, in questions and in FAQs alike. Keep rows to words
 * residents really use for the same thing; order within a row does not matter beyond the first.
 */
export const SYNONYMS: readonly (readonly string[])[] = [
  ['养老金', '退休金', '养老钱', '养老补贴', '养老保险金', '农保钱'],
  ['城乡居民养老保险', '农村养老保险', '农保', '居民养老保险', '新农保'],
  ['医保', '医疗保险', '医疗保障', '合作医疗', '新农合'],
  ['异地', '外地', '外省', '省外', '跨省', '外市', '上海', '北京', '广州', '深圳', '江苏', '南京', '苏州', '安徽', '福建', '江西', '广东', '四川', '贵州', '云南', '河南', '湖南', '湖北', '重庆'],
  // 省内: Zhejiang's other cities need no 备案 for treatment
  ['省内', '杭州', '宁波', '温州', '绍兴', '金华', '嘉兴', '湖州', '衢州', '丽水', '舟山', '浙江省内'],
  ['看病', '就医', '住院', '就诊', '治病'],
  ['补贴', '补助', '津贴', '补助金', '资助', '奖补'],
  ['公积金', '住房公积金'],
  ['公租房', '公共租赁住房', '廉租房', '保障房'],
  ['高龄', '八十岁', '八十多', '九十多', '百岁'],
  ['老人', '老年人', '老人家', '父母', '爸妈', '我爸', '我妈', '老爸', '老妈', '爷爷', '奶奶', '外婆', '外公'],
  ['孩子', '小孩', '娃', '子女', '儿子', '女儿', '小朋友', '宝宝', '孙子', '孙女'],
  ['个体工商户', '个体户', '小店', '开店', '门店', '摊位'],
  ['营业执照', '执照', '工商登记'],
  ['贷款', '借款', '借钱', '贷'],
  ['报销', '结算', '能报', '报多少'],
  ['备案', '登记备案', '报备'],
  ['失业金', '失业保险金', '失业补助'],
  ['种粮', '种田', '种地', '种稻', '种水稻'],
  ['耕地地力保护补贴', '地力补贴', '耕地补贴'],
  ['上学', '入学', '读书', '念书', '报名上学'],
  ['幼儿园', '学前', '托班'],
  ['社保卡', '医保卡', '市民卡'],
  ['注销', '关店', '不开了', '关门'],
  ['公司', '企业'],
  ['交', '缴', '缴纳', '缴费', '交钱'],
  ['多少钱', '多少', '几块钱', '多少块'],
  ['怎么办', '怎么弄', '怎么申请', '如何办理', '怎么办理', '咋办', '怎么搞'],
  ['工资', '薪水', '工钱'],
  ['房租', '租金', '租房子'],
  ['电梯', '加梯'],
  ['去世', '过世', '死亡', '离世'],
]

/** every word of the table (canonical forms too) → its canonical form */
export const CANONICAL: ReadonlyMap<string, string> = new Map(SYNONYMS.flatMap((row) => row.map((w) => [w, row[0]] as [string, string])))

export const LONGEST_WORD = Math.max(...[...CANONICAL.keys()].map((w) => w.length))
