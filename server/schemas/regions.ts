import { Type } from '@sinclair/typebox'
import { StringEnum } from './common'

const RegionLevel = StringEnum(['county', 'township', 'village'] as const)

/**
 * 县市区 → 乡镇街道 → 村社区, spelled out three levels deep instead of a recursive $ref: the
 * tree never goes deeper, and a flat schema serialises without schema references.
 */
const Village = Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevel })
const Township = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  children: Type.Optional(Type.Array(Village)),
})
export const Region = Type.Object({
  code: Type.String(),
  name: Type.String(),
  level: RegionLevel,
  children: Type.Optional(Type.Array(Township)),
})
