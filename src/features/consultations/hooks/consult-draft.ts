import Taro from '@tarojs/taro'
import { CONSULTATION_QUESTION_MAX, CONSULTATION_QUESTION_MIN, isMobile } from '@common/contract'

const DRAFT_KEY = 'zct-draft:consult'

/** what an unsent consultation keeps on the device, also through a sign-in detour */
export interface ConsultDraft {
  question: string
  topic?: string
  regionCode?: string
  phone?: string
}

export function readConsultDraft(): ConsultDraft | undefined {
  const kept: unknown = Taro.getStorageSync(DRAFT_KEY)
  if (typeof kept !== 'string' || !kept) return undefined
  // an older build kept the question alone
  if (!kept.startsWith('{')) return { question: kept }
  try {
    const d = JSON.parse(kept) as ConsultDraft
    return typeof d.question === 'string' ? d : undefined
  } catch {
    return undefined
  }
}

/** kept while there is a question to keep; an emptied question takes the draft with it */
export function keepConsultDraft(d: ConsultDraft): void {
  if (d.question.trim()) Taro.setStorageSync(DRAFT_KEY, JSON.stringify(d))
  else Taro.removeStorageSync(DRAFT_KEY)
}

export function dropConsultDraft(): void {
  Taro.removeStorageSync(DRAFT_KEY)
}

/** what stops the form from going out, in the words the resident reads (undefined: it may go) */
export function consultProblem({ topic, question, regionCode, phone }: Required<ConsultDraft>): string | undefined {
  if (!topic) return '请选择咨询的政策领域'
  const q = question.trim()
  if (q.length < CONSULTATION_QUESTION_MIN) return `请把问题写清楚一些（至少${CONSULTATION_QUESTION_MIN}个字）`
  if (q.length > CONSULTATION_QUESTION_MAX) return `问题最多${CONSULTATION_QUESTION_MAX}个字`
  if (!regionCode) return '请选择所在县市区'
  if (phone.trim() && !isMobile(phone.trim())) return '手机号格式不正确，请填写11位手机号'
  return undefined
}
