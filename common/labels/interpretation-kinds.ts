/**
 * How an interpretation's kind and its policy's standing are worded and coloured. Plain data, so
 * the server's first screen (server/h5/first-screen.ts) words them as the pages do.
 */
import type { InterpretationKind, PolicyValidity } from '../contract'
import type { TagTone } from './tag-tone'

export const kindLabel: Record<InterpretationKind, string> = { illustrated: '图解', qa: '问答', video: '视频' }
export const kindTone: Record<InterpretationKind, TagTone> = { illustrated: 'primary', qa: 'success', video: 'warning' }

/** the notice above an interpretation whose policy is no longer in force as it was */
export const staleNotice: Record<Exclude<PolicyValidity, 'valid'>, string> = {
  repealed: '所解读的政策已废止，内容仅供参考。',
  revised: '所解读的政策已修订，请以新版文件为准。',
}
