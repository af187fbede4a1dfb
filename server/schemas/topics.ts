import { Type } from '@sinclair/typebox'

export const Topic = Type.Object({ id: Type.String(), name: Type.String(), icon: Type.String() })
