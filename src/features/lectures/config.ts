/**
 * 订阅消息 template ids for 宣讲点单, from `TARO_APP_LECTURE_TEMPLATE_IDS` (comma-separated) in
 * a Taro .env file: Taro inlines TARO_APP_* at build time. Unset, the expression is left as is
 * and `process` does not exist in a mini-program, hence the try.
 */
export function lectureTemplateIds(): string[] {
  let raw: string | undefined
  try {
    raw = process.env.TARO_APP_LECTURE_TEMPLATE_IDS
  } catch {
    raw = undefined
  }
  return (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}
