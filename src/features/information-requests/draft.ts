import Taro from '@tarojs/taro'
import type { FoiaApplicationInput } from '@common/contract'
import { idNumberProblem } from '@common/foia-rules'

const DRAFT_KEY = 'zct-draft:foia'

/** everything typed into 依申请公开, kept on the device until it is submitted */
export type FoiaDraft = Partial<FoiaApplicationInput>

export function readFoiaDraft(): FoiaDraft {
  const kept: unknown = Taro.getStorageSync(DRAFT_KEY)
  if (typeof kept !== 'string' || !kept.startsWith('{')) return {}
  try {
    return JSON.parse(kept) as FoiaDraft
  } catch {
    return {}
  }
}

export const keepFoiaDraft = (d: FoiaDraft) => Taro.setStorageSync(DRAFT_KEY, JSON.stringify(d))
export const dropFoiaDraft = () => Taro.removeStorageSync(DRAFT_KEY)

/** what stops the application from going out, in the words the resident reads (undefined: it may go) */
export function foiaProblem(draft: FoiaDraft): string | undefined {
  if (!draft.name?.trim()) return draft.applicantType === 'organisation' ? '请填写法人或其他组织名称' : '请填写申请人姓名'
  const idProblem = idNumberProblem(draft.idType ?? 'id_card', draft.idNumber ?? '')
  if (idProblem) return idProblem
  if (!/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(draft.phone?.trim() ?? '')) return '请填写正确的联系电话'
  if (!draft.infoTitle?.trim()) return '请填写所需信息的名称'
  if (!draft.orgCode) return '请选择申请公开的机关'
  if (draft.delivery === 'email' && !draft.email?.trim()) return '选择电子邮件获取时请填写电子邮箱'
  if (draft.delivery === 'mail' && !draft.address?.trim()) return '选择邮寄时请填写通讯地址'
  return undefined
}

/** the application as it is sent: trimmed, the optional fields only when filled (after foiaProblem passed) */
export function toApplication(draft: FoiaDraft): FoiaApplicationInput {
  const optional = (key: 'email' | 'address' | 'docNumber' | 'description') => (draft[key]?.trim() ? { [key]: draft[key].trim() } : {})
  return {
    applicantType: draft.applicantType ?? 'citizen',
    name: draft.name!.trim(),
    idType: draft.idType ?? 'id_card',
    idNumber: draft.idNumber!.trim(),
    phone: draft.phone!.trim(),
    ...optional('email'),
    ...optional('address'),
    infoTitle: draft.infoTitle!.trim(),
    ...optional('docNumber'),
    ...optional('description'),
    orgCode: draft.orgCode!,
    format: draft.format ?? 'electronic',
    delivery: draft.delivery ?? 'online',
  }
}
