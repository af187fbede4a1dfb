/** A fresh Idempotency-Key for one user intent (kept across retries of that same write). */
export function newIdempotencyKey(): string {
  const rand = Array.from({ length: 4 }, () =>
    Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, '0'),
  ).join('')
  return `${Date.now().toString(36)}-${rand}`
}
