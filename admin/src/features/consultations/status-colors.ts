import type { DeskStatus } from '@common/contract'

export const STATUS_COLORS: Record<DeskStatus, string> = { unassigned: 'orange', assigned: 'blue', in_review: 'purple', answered: 'green' }
