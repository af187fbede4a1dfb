/**
 * 订阅消息 template ids for consultation replies, from `TARO_APP_CONSULTATION_TEMPLATE_IDS`
 * (comma-separated) in a Taro .env file: Taro inlines TARO_APP_* at build time. Unset, the
 * expression is left as is and `process` does not exist in a mini-program, hence the try.
 */
export function consultationTemplateIds(): string[] {
  let raw: string | undefined
  try {
    raw = process.env.TARO_APP_CONSULTATION_TEMPLATE_IDS
  } catch {
    raw = undefined
  }
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** asked at the tap itself (WeChat shows the dialog only from a user gesture); H5 has no subscription messages */
export function askForReplyMessage(request: (o: { tmplIds: string[] }) => Promise<unknown>): void {
  const tmplIds = consultationTemplateIds()
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return
  request({ tmplIds }).catch(() => undefined)
}
