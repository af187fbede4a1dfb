/**
 * 订阅消息 template ids for 依申请公开 steps (补正, 答复, 办结), from `TARO_APP_FOIA_TEMPLATE_IDS`
 * (comma-separated) in a Taro .env file: Taro inlines TARO_APP_* at build time. Unset, the
 * expression is left as is and `process` does not exist in a mini-program, hence the try.
 * The server sends with WECHAT_FOIA_TEMPLATE_ID (the same template).
 */
export function foiaTemplateIds(): string[] {
  let raw: string | undefined
  try {
    raw = process.env.TARO_APP_FOIA_TEMPLATE_IDS
  } catch {
    raw = undefined
  }
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** asked at the 提交申请 tap itself (WeChat shows the dialog only from a user gesture); H5 has no subscription messages */
export function askForFoiaMessages(request: (o: { tmplIds: string[] }) => Promise<unknown>): void {
  const tmplIds = foiaTemplateIds()
  if (process.env.TARO_ENV !== 'weapp' || tmplIds.length === 0) return
  request({ tmplIds }).catch(() => undefined)
}
