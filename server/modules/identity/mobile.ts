/** Mainland mobile numbers: the one pattern of the contract, and the mask every log and list uses. */
import { isMobile } from '../../../src/contract'

export const isMainlandMobile = (s: string): boolean => isMobile(s)

/** 13812345678 → 138****5678 */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '***'
}
