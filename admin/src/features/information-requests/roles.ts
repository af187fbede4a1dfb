import type { Role } from '@common/contract'

export const FOIA_READERS: readonly Role[] = ['foia_officer', 'legal_reviewer', 'admin']
export const FOIA_OFFICERS: readonly Role[] = ['foia_officer', 'admin']
export const FOIA_LEGAL: readonly Role[] = ['legal_reviewer', 'admin']
