import { LECTURE_SIGN_IN_PREFIX } from '@common/contract'

/** what a scanned QR code or a typed code names: zct-signin:<orderId>:<code>, or six digits */
export function parseSignIn(raw: string): { orderId?: string; code: string } | undefined {
  const text = raw.trim()
  if (/^\d{6}$/.test(text)) return { code: text }
  if (!text.startsWith(LECTURE_SIGN_IN_PREFIX)) return undefined
  const [orderId, code] = text.slice(LECTURE_SIGN_IN_PREFIX.length).split(':')
  return orderId && /^\d{6}$/.test(code ?? '') ? { orderId, code } : undefined
}
