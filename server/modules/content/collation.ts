const zh = new Intl.Collator('zh-CN')

/** distinct names in pinyin order, as a resident would look them up */
export function sortedDistinct(names: Iterable<string>): string[] {
  return [...new Set(names)].sort(zh.compare)
}
