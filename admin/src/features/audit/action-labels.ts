/** Chinese names of the audit log's actions; an unknown one shows as recorded */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  'account.create': '创建账号',
  'account.disable': '停用账号',
  'account.enable': '启用账号',
  'account.reset-password': '重置密码',
  'audit.view': '查看操作日志',
  'auth.logout': '退出登录',
  'auth.password.change': '修改密码',
  'auth.password.locked': '账号锁定',
  'auth.password.login': '密码登录',
  'auth.session.revoke': '下线登录设备',
  'campaign.results.export': '导出竞赛成绩',
  'campaign.suspicious.view': '查看可疑答卷',
  'consultation.reply': '答复咨询',
  'consultation.rate': '评价咨询答复',
  'consultation.desk.assign': '指派咨询',
  'consultation.desk.transfer': '转办咨询',
  'consultation.desk.reply': '答复咨询（工作台）',
  'consultation.desk.draft': '提交咨询答复待审核',
  'consultation.desk.approve': '审核通过咨询答复',
  'consultation.desk.return': '退回咨询答复',
  'consultation.desk.route': '修改咨询分派规则',
  'consultation.desk.settings': '设置咨询答复审核',
  'consultation.desk.export': '导出咨询',
  'population.update': '修改常住人口',
  'lecture.dispatch': '宣讲派单',
  'lecture.reject': '驳回宣讲点单',
  'lecture.report.photos': '补充宣讲现场照片',
  'lecture.desk.view': '查看宣讲派单台',
  'lecture.desk.export': '导出宣讲点单',
  'lecture-topic.create': '新增宣讲专题',
  'lecture-topic.update': '修改宣讲专题',
  'lecturer.create': '新增宣讲员',
  'lecturer.update': '修改宣讲员',
  'media.video_file': '上传视频',
  'media.captions': '上传字幕',
  'upload.create': '上传文件',
  'qa-gap.faq': '问答缺口 · 转为问答',
  'qa-gap.attach': '问答缺口 · 并入已有问答',
  'qa-gap.ignore': '问答缺口 · 忽略',
  'qa-gap.export': '问答缺口 · 导出',
  'question-bank.create': '新建题库',
  'question-bank.update': '修改题库',
  'question-bank.new-version': '题库另存为新版本',
  'question-bank.import': '导入题目',
  'question-bank.question.create': '新增题目',
  'question-bank.question.update': '修改题目',
  'question-bank.question.delete': '删除题目',
  'campaign.create': '新建竞赛',
  'campaign.update': '修改竞赛',
}

/** `targetType`: what an `editorial.<step>` entry acted on (the server records the content type there) */
export const actionLabel = (action: string, targetType?: string): string => {
  if (ACTION_LABELS[action]) return ACTION_LABELS[action]
  const [prefix, step] = action.split('.')
  const type = prefix === 'editorial' && targetType ? targetType : prefix
  const types: Record<string, string> = { policy: '政策文件', interpretation: '政策解读', faq: '简明问答', banner: '公益广告', org: '单位设置' }
  Object.assign(types, { video: '短视频', course: '网络课堂' })
  const steps: Record<string, string> = {
    create: '新建',
    update: '修改',
    submit: '送审',
    approve: '审核通过',
    reject: '退回',
    publish: '发布',
    withdraw: '撤回',
    import: '导入',
  }
  return types[type] && steps[step] ? `${types[type]} · ${steps[step]}` : action
}
