import type { Role } from '@common/contract'

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
