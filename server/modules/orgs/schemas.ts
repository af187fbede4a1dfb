import { Type } from '@sinclair/typebox'
import { IDEMPOTENCY_KEY_MAX } from '../../../common/contract'

export const DEPARTMENT_NAME_MAX = 30

const orgFields = {
  code: Type.String(),
  name: Type.String(),
  level: Type.Union([Type.Literal('city'), Type.Literal('county'), Type.Literal('township')]),
  departments: Type.Array(Type.String()),
}
const Township = Type.Object(orgFields)
const County = Type.Object({ ...orgFields, children: Type.Optional(Type.Array(Township)) })
/** the tree is at most three levels deep (台州市 → 县市区 → 乡镇街道): spelled out, not recursive, for the serialiser */
export const OrgNode = Type.Object({ ...orgFields, children: Type.Optional(Type.Array(County)) })

export const OrgCodeParams = Type.Object({ code: Type.String({ pattern: '^\\d{6}(\\d{3})?$' }) })
export const DepartmentParams = Type.Object({
  code: Type.String({ pattern: '^\\d{6}(\\d{3})?$' }),
  name: Type.String({ minLength: 1, maxLength: DEPARTMENT_NAME_MAX * 4 }),
})

export const DepartmentInput = Type.Object({ name: Type.String({ minLength: 1, maxLength: DEPARTMENT_NAME_MAX * 4 }) })

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX })),
})

export const departmentMessages = {
  code: '单位代码应为 6 位或 9 位数字',
  name: `请填写部门名称（1 到 ${DEPARTMENT_NAME_MAX} 个字）`,
  'idempotency-key': `Idempotency-Key 须为 1 到 ${IDEMPOTENCY_KEY_MAX} 个字符`,
}
