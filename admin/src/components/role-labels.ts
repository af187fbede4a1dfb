import type { Role } from '@common/contract'

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  resident: '居民',
  staff: '便民服务点',
  dispatcher: '派单员',
  lecturer: '宣讲员',
  responder: '答复员',
  admin: '管理员',
  editor: '编辑',
  reviewer: '审核',
  foia_officer: '信息公开专员',
  legal_reviewer: '法律审核',
}

/** the roles an account of the console can have (residents sign in with WeChat or SMS, in the app) */
export const STAFF_ROLES: readonly Role[] = ['editor', 'reviewer', 'admin', 'responder', 'dispatcher', 'lecturer', 'staff', 'foia_officer', 'legal_reviewer']
