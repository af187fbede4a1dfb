/**
 * 订阅消息 in the mini-program: the template ids a Taro .env file lists (comma-separated
 * `TARO_APP_…_TEMPLATE_IDS`), and the request for them. Taro inlines a TARO_APP_* variable only
 * where the code names it literally, so each feature reads its own variable and passes the reading
 * here; unset, the expression is left as is and `process` does not exist in a mini-program, hence the try.
 */
export function templateIdsFrom(read: () => string | undefined): string[] {
  let raw: string | undefined
  try {
    raw = read()
  } catch {
    raw = undefined
  }
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** asked at the tap itself (WeChat shows the dialog only from a user gesture); H5 has no subscription messages */
export function askForMessages(tmplIds: string[], request: (o: { tmplIds: string[] }) => Promise<unknown>): void {
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return
  request({ tmplIds }).catch(() => undefined)
}
