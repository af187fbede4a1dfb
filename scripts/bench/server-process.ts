/** Starts a child process for a benchmark and waits for its URL: the real server (`tsx server/main.ts`) or the bare one. */
import { type ServerProcess, startServerProcess } from '../../test/support/server-process'

export { freePort, ROOT as root } from '../../test/support/server-process'

export type Running = ServerProcess

/** a TypeScript entry run with tsx in its own Node process, as in production; `probe` is the path that answers once it is up */
export function startProcess(entry: string, env: Record<string, string>, probe: string): Promise<Running> {
  return startServerProcess({ entry, env: { ...env, NODE_ENV: 'production' }, probe, timeoutMs: 60_000 })
}
