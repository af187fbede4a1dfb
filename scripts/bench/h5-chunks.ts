/**
 * What each initial chunk of the H5 build carries: `H5_STATS=/tmp/stats.json npx taro build --type h5`,
 * then `npx tsx scripts/bench/h5-chunks.ts /tmp/stats.json [chunk name or id …]` lists the biggest
 * module groups (package or src folder) of the initial chunks (or of the chunks named), sizes
 * before minification.
 */
import { readFileSync } from 'node:fs'

interface Mod {
  name: string
  size: number
  modules?: Mod[]
}
interface Chunk {
  id: string | number
  names: string[]
  files: string[]
  initial: boolean
  size: number
  modules: Mod[]
}

const [file, ...wanted] = process.argv.slice(2)
const stats = JSON.parse(readFileSync(file, 'utf8')) as { chunks: Chunk[] }
/** a module's group: the package under node_modules, or the first two folders of src/ */
function group(name: string): string {
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/(?:dist|lib|es|esm)?\/?([^/]+))?/.exec(name)
  if (nm) return nm[1] + (nm[1].startsWith('@tarojs') && nm[3] ? '/' + nm[3] : '')
  const src = /\.\/(src|common|config)\/([^/]+(?:\/[^/]+)?)/.exec(name)
  return src ? `${src[1]}/${src[2]}` : String(name ?? '?').slice(0, 60)
}
const flat = (ms: Mod[]): Mod[] => ms.flatMap((m) => (m.modules ? flat(m.modules) : [m]))
const chunks = stats.chunks.filter((c) => (wanted.length ? wanted.some((w) => c.names.includes(w) || String(c.id) === w) : c.initial))
for (const c of chunks) {
  const groups = new Map<string, number>()
  for (const m of flat(c.modules)) groups.set(group(m.name), (groups.get(group(m.name)) ?? 0) + m.size)
  console.log(`chunk ${c.id} ${c.names.join(',')} ${c.files.join(' ')}: ${(c.size / 1024).toFixed(1)} KB`)
  for (const [g, size] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40)))
    console.log(`  ${(size / 1024).toFixed(1).padStart(7)} KB  ${g}`)
}
