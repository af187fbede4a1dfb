import type { FoiaStatus } from '@common/contract'

export const FOIA_STATUS_COLORS: Record<FoiaStatus, string> = {
  registered: 'blue',
  correction: 'orange',
  processing: 'processing',
  legal_review: 'purple',
  approved: 'cyan',
  answered: 'green',
  closed: 'default',
}
