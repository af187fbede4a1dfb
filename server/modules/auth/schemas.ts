import { Type } from '@sinclair/typebox'
import { PASSWORD_MAX } from './password'

/** generous caps only: a wrong username or password must answer like any other wrong pair */
export const PasswordLoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
})

export const PasswordChangeBody = Type.Object({
  current: Type.String({ minLength: 1, maxLength: 256 }),
  next: Type.String({ minLength: 1, maxLength: PASSWORD_MAX * 4 }),
})

export const Ok = Type.Object({ ok: Type.Literal(true) })

export const SessionInfo = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  device: Type.String(),
  ip: Type.String(),
  current: Type.Boolean(),
})

export const loginMessages = {
  username: '请输入用户名',
  password: '请输入密码',
}

export const changeMessages = {
  current: '请输入当前密码',
  next: '请输入新密码',
}
