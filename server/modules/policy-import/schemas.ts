import { Type } from '@sinclair/typebox'
import { IDEMPOTENCY_KEY_MAX } from '../../../common/contract'
import { ErrorCode, StringEnum } from '../../schemas/common'

export const ImportQuery = Type.Object({
  /** true (the default) reads the file and answers every row and its errors, writing nothing */
  dryRun: Type.Boolean({ default: true }),
  orgCode: Type.String({ pattern: '^\\d{6}(\\d{3})?$' }),
})

export const ImportHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: IDEMPOTENCY_KEY_MAX })),
})

export const ImportRow = Type.Object({
  row: Type.Integer(),
  title: Type.String(),
  docNumber: Type.String(),
  issuer: Type.String(),
  writtenAt: Type.Optional(Type.String()),
  publishedAt: Type.Optional(Type.String()),
  validity: Type.Optional(StringEnum(['valid', 'revised', 'repealed'] as const)),
  sourceUrl: Type.Optional(Type.String()),
  errors: Type.Array(Type.String()),
})

const importResultFields = {
  dryRun: Type.Boolean(),
  rows: Type.Array(ImportRow),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  created: Type.Array(Type.String()),
}

export const ImportResult = Type.Object(importResultFields)

/**
 * An import refused because rows have errors: the error (its `fields` keyed 'rows[3]' for a
 * client that shows per-field errors) and, beside it, the whole result, so the rows can be shown.
 */
export const ImportRefused = Type.Object({
  error: Type.Object({ code: ErrorCode, message: Type.String(), fields: Type.Optional(Type.Record(Type.String(), Type.String())) }),
  ...Type.Partial(Type.Object(importResultFields)).properties,
})

export const importMessages = {
  orgCode: '请选择所属单位（6 位县市区或 9 位乡镇街道代码）',
  dryRun: 'dryRun 只能是 true 或 false',
  'idempotency-key': `Idempotency-Key 须为 1 到 ${IDEMPOTENCY_KEY_MAX} 个字符`,
}
