import { Type } from '@sinclair/typebox'
import { IDEMPOTENCY_KEY_MAX, ROLES } from '../../../common/contract'
import { Org } from '../auth/session-schemas'
import { StringEnum } from '../../schemas/common'
import { PASSWORD_MAX } from '../auth/password'

/** every role but resident: residents sign in with WeChat or SMS, never with an account */
export const STAFF_ROLES = ROLES.filter((r) => r !== 'resident')
export const StaffRole = StringEnum(STAFF_ROLES)

export const USERNAME_PATTERN = '^[A-Za-z0-9_.-]{3,32}$'
export const NAME_MAX = 20
export const DEPARTMENT_MAX = 30

export const StaffAccount = Type.Object({
  id: Type.String(),
  username: Type.String(),
  name: Type.String(),
  role: StringEnum(ROLES),
  org: Org,
  disabled: Type.Boolean(),
  lockedUntil: Type.Optional(Type.String()),
  createdAt: Type.String(),
  lastLoginAt: Type.Optional(Type.String()),
})

export const StaffAccountInput = Type.Object({
  username: Type.String({ pattern: USERNAME_PATTERN }),
  name: Type.String({ minLength: 1, maxLength: NAME_MAX * 2 }),
  role: StaffRole,
  orgCode: Type.String({ pattern: '^\\d{6}(\\d{3})?$' }),
  department: Type.Optional(Type.String({ maxLength: DEPARTMENT_MAX * 2 })),
  password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 }),
  /** role lecturer: the lecturer of the menu this account speaks for (an explicit link, never the name) */
  lecturerId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
})

export const ResetPasswordInput = Type.Object({ password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 }) })

export const AccountQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 32 })),
  role: Type.Optional(Type.Union([StringEnum(ROLES), Type.Literal('')])),
  org: Type.Optional(Type.String({ pattern: '^(\\d{6}(\\d{3})?)?$' })),
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
})

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX })),
})

export const accountMessages = {
  username: '用户名为 3 到 32 位字母、数字、下划线、点或短横线',
  name: `请填写姓名（最多 ${NAME_MAX} 字）`,
  role: '请选择角色',
  orgCode: '请选择所属单位（6 位县市区或 9 位乡镇街道代码）',
  department: `部门名称最多 ${DEPARTMENT_MAX} 字`,
  password: '请设置密码',
  q: '搜索词最多 32 个字符',
  org: '单位代码应为 6 位或 9 位数字',
  'idempotency-key': `Idempotency-Key 须为 1 到 ${IDEMPOTENCY_KEY_MAX} 个字符`,
  lecturerId: '请从宣讲员名录中选择',
}
