/**
 * `CPU_PROFILE=<file>`: a V8 CPU profile of the measured rounds only (no set-up, bulk load or
 * warm-up), for profile-summary.ts. Start it before the rounds; the returned stop writes the file.
 * Without CPU_PROFILE both are no-ops.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'

export async function profileRounds(): Promise<() => Promise<void>> {
  const file = process.env.CPU_PROFILE
  if (!file) return async () => {}
  const profiler = new Session()
  profiler.connect()
  await profiler.post('Profiler.enable')
  await profiler.post('Profiler.start')
  return async () => {
    const { profile } = await profiler.post('Profiler.stop')
    writeFileSync(file, JSON.stringify(profile))
    profiler.disconnect()
  }
}
