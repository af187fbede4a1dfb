import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** a fresh directory under the OS temp dir, and its removal */
export function makeTempDir(prefix = 'zct-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

/** this process's SQLite template for fixtures of version `key` (./seeded-template), under the OS temp dir */
export function sqliteTemplatePath(key: string): string {
  return join(tmpdir(), `zct-template-${process.pid}-${key}.db`)
}

/** a template, or what is left of one being made */
const SQLITE_TEMPLATE = /^zct-template-(\d+)-/

/** removes the SQLite templates of this process and of processes that have ended (`alive` says which run); returns how many */
export function removeLeftoverSqliteTemplates(alive: (pid: number) => boolean): number {
  let removed = 0
  for (const name of readdirSync(tmpdir())) {
    const match = SQLITE_TEMPLATE.exec(name)
    if (!match) continue
    const pid = Number(match[1])
    if (pid !== process.pid && alive(pid)) continue
    rmSync(join(tmpdir(), name), { force: true })
    removed++
  }
  return removed
}
