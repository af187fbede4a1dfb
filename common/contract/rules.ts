/** Validation limits shared by the server (which enforces them) and the client (which hints early). */

/** a mainland China mobile number: 11 digits starting 13–19 */
export const MOBILE_PATTERN = '^1[3-9]\\d{9}$'
export const isMobile = (s: string): boolean => new RegExp(MOBILE_PATTERN).test(s)

export const CONSULTATION_QUESTION_MIN = 5
export const CONSULTATION_QUESTION_MAX = 500
export const CONSULTATION_REPLY_MAX = 2000

export const QA_QUERY_MAX = 100

/** the `Idempotency-Key` header of a write: 1..128 characters, chosen by the client per intent */
export const IDEMPOTENCY_KEY_MAX = 128
