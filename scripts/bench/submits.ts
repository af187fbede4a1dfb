/**
 * Prepares POST /attempts/:id/submit for the API benchmark. Filled in once quiz attempts exist;
 * until then the benchmark skips the endpoint and says so.
 */
import type { Request } from 'autocannon'

export interface SubmitPlan {
  /** an autocannon request whose setupRequest picks the next prepared attempt */
  request(): Request
  /** one real answer, for the bare route */
  sampleBody: unknown
}

export async function prepareSubmits(_baseUrl: string): Promise<SubmitPlan | undefined> {
  return undefined
}
