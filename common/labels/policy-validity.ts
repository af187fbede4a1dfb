import type { PolicyValidity } from '../contract'
import type { TagTone } from './tag-tone'

export const validityLabel: Record<PolicyValidity, string> = {
  valid: '有效',
  revised: '已修订',
  repealed: '已废止',
}

export const validityTone: Record<PolicyValidity, TagTone> = {
  valid: 'success',
  revised: 'warning',
  repealed: 'danger',
}

/** a policy whose application window or validity has ended (the server sets `closed`) */
export const closedLabel = '已截止'
export const closedTone: TagTone = 'neutral'
