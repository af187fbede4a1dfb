import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { PAGE_MAX, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../common/contract'

/** a string enum as a plain `enum` keyword: one clear validation error, fast serialisation */
export function StringEnum<const T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values] })
}

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export type IdParams = Static<typeof IdParams>

/** a topic id or similar short key used as a filter; empty means no filter (`?topic=`) */
export const FilterKey = Type.String({ maxLength: 64 })

export { PAGE_MAX }

/**
 * An integer a query, a path or a JSON body can carry without losing precision (no 1e300, no
 * 99999999999999999999, no Infinity); the route still checks its own range and says it in Chinese.
 */
export function SafeInteger(options: { minimum?: number; maximum?: number; default?: number } = {}) {
  return Type.Integer({ minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER, ...options })
}

export const PageQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: PAGE_MAX, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
})

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  })
}

export const ErrorCode = StringEnum(['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rate_limited', 'unavailable', 'internal'] as const)

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: ErrorCode,
    message: Type.String(),
    /** a refused console write: per-field Chinese messages ('draft.title' → '请填写标题') */
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    /** the findings that stopped a 送审 */
    checks: Type.Optional(
      Type.Array(
        Type.Object({ level: StringEnum(['error', 'warning'] as const), code: Type.String(), field: Type.Optional(Type.String()), message: Type.String() }),
      ),
    ),
  }),
})

/** the error responses every read route may give */
export const readErrors = {
  400: ErrorBody,
  404: ErrorBody,
  503: ErrorBody,
}
