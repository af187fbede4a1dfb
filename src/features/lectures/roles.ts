import type { Role } from '@common/contract'

/** how the timeline names who took a step */
export const roleName: Record<Role, string> = {
  resident: '居民',
  staff: '服务点',
  dispatcher: '派单员',
  lecturer: '宣讲员',
  responder: '部门',
  admin: '管理员',
  editor: '编辑',
  reviewer: '审核',
  foia_officer: '信息公开专员',
  legal_reviewer: '法律审核',
}
