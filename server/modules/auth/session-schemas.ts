import { Type } from '@sinclair/typebox'
import { ROLES } from '../../../common/contract'
import { StringEnum } from '../../schemas/common'

export const Role = StringEnum(ROLES)

export const Org = Type.Object({ code: Type.String(), name: Type.String(), department: Type.Optional(Type.String()) })

export const User = Type.Object({
  id: Type.String(),
  nickname: Type.String(),
  role: Role,
  regionCode: Type.Optional(Type.String()),
  org: Type.Optional(Org),
})

export const Session = Type.Object({ token: Type.String(), user: User, expiresAt: Type.String() })

export const DevLoginBody = Type.Object({
  role: Role,
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  /** the organisation's region code: 331000 (市), a county (331002) or a township (331002001) */
  org: Type.Optional(Type.String({ pattern: '^\\d{6}(\\d{3})?$' })),
})

/** wx.login() codes are short opaque strings */
export const WechatLoginBody = Type.Object({ code: Type.String({ minLength: 1, maxLength: 128 }) })
