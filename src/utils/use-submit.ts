import { useCallback, useRef, useState } from 'react'
import { ApiError } from '@/api'
import { newIdempotencyKey } from './idempotency'

export interface Submit {
  busy: boolean
  /** the check's complaint or the server's refusal, in Chinese */
  error?: string
  setError: (message: string | undefined) => void
  /**
   * Checks, then sends with this intent's Idempotency-Key: a retry after a lost answer or an
   * error reuses the key, so the server stores the write once; once `send` resolves and `done`
   * says the intent is over (default: always), the next submission is a new intent with a new
   * key. Resolves to what `send` did, or undefined when the check refused, a send was already
   * under way, or it failed (then `error` says why).
   */
  run: <T>(send: (idempotencyKey: string) => Promise<T>, check?: () => string | undefined, done?: (result: T) => boolean) => Promise<T | undefined>
}

/** One form's submit: its Idempotency-Key, busy while sending (a second tap does nothing), its error. */
export function useSubmit(failed = '提交失败，请重试'): Submit {
  const key = useRef(newIdempotencyKey())
  const sending = useRef(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const run = useCallback(
    async <T>(send: (idempotencyKey: string) => Promise<T>, check?: () => string | undefined, done?: (result: T) => boolean): Promise<T | undefined> => {
      const problem = check?.()
      setError(problem)
      if (problem || sending.current) return undefined
      sending.current = true
      setBusy(true)
      try {
        const result = await send(key.current)
        if (!done || done(result)) key.current = newIdempotencyKey()
        return result
      } catch (e) {
        setError(e instanceof ApiError ? e.message : failed)
        return undefined
      } finally {
        sending.current = false
        setBusy(false)
      }
    },
    [failed],
  )
  return { busy, error, setError, run }
}
