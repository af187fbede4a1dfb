import type { Role } from '../contract'

/** what each role is called: 我的's head and 选择身份登录 (src/features/profile), and 我的's first screen (server/modules/first-screen) */
export const roleLabel: Record<Role, string> = {
  resident: '居民',
  staff: '便民服务点工作人员',
  dispatcher: '宣讲派单员',
  lecturer: '宣讲员',
  responder: '部门答复人员',
  admin: '管理员',
  editor: '编辑',
  reviewer: '审核',
  foia_officer: '信息公开专员',
  legal_reviewer: '法律审核',
}
