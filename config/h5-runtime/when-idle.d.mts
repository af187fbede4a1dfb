/** Types of when-idle.mjs (plain JavaScript: webpack puts it in place of Taro's modules as is). */
export declare function whenIdle(task: () => void): void
