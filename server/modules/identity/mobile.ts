/** Mainland mobile numbers: the mask every log and list uses (the pattern is the contract's isMobile). */

/** 13812345678 → 138****5678 */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '***'
}
