/**
 * Where the bytes of a minified H5 chunk come from: `H5_SOURCE_MAP=1 TARO_OUTPUT_DIR=/tmp/h5-map
 * npx taro build --type h5` writes a hidden source map beside each chunk, then
 * `npx tsx scripts/bench/h5-bytes.ts /tmp/h5-map/js/app.<hash>.js [more chunks …]` lists the
 * packages and src folders by their minified bytes (and by gzipped bytes, each group's code
 * compressed on its own: a share, not what the group adds to the whole file's gzip).
 * `H5_BYTES_FILES=1` lists single source files instead of their groups.
 */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** one line's segments of a source map's `mappings`: [generated column, source index] */
function decodeLine(line: string, state: { source: number }): [number, number][] {
  const out: [number, number][] = []
  let column = 0
  for (const segment of line.split(',')) {
    if (!segment) continue
    const values: number[] = []
    let value = 0
    let shift = 0
    for (const ch of segment) {
      const digit = B64.indexOf(ch)
      value += (digit & 31) << shift
      if (digit & 32) shift += 5
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1)
        value = 0
        shift = 0
      }
    }
    column += values[0]
    if (values.length > 1) state.source += values[1]
    out.push([column, values.length > 1 ? state.source : -1])
  }
  return out
}

/** a source's group: the package under node_modules, or the first two folders of src/ */
function group(source: string): string {
  if (process.env.H5_BYTES_FILES) return source.replace(/^webpack:\/\/[^/]*\//, '')
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)(\/(?:dist|lib|es|esm)?\/?([^/]+))?/.exec(source)
  if (nm) return nm[1] + (nm[1].startsWith('@tarojs') && nm[3] ? '/' + nm[3] : '')
  const src = /(src|common|config)\/([^/]+(?:\/[^/]+)?)/.exec(source)
  return src ? `${src[1]}/${src[2]}` : source.replace(/^webpack:\/\/[^/]*\//, '').slice(0, 60) || '(webpack runtime)'
}

for (const file of process.argv.slice(2)) {
  const code = readFileSync(file, 'utf8')
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string }
  const lines = code.split('\n')
  const text = new Map<string, string[]>()
  const state = { source: 0 }
  map.mappings.split(';').forEach((mapped, i) => {
    const line = lines[i] ?? ''
    const segments = decodeLine(mapped, state)
    if (!segments.length) return
    segments.forEach(([column, source], s) => {
      const end = s + 1 < segments.length ? segments[s + 1][0] : line.length
      const name = source < 0 ? '(unmapped)' : group(map.sources[source])
      const parts = text.get(name) ?? []
      parts.push(line.slice(column, end))
      text.set(name, parts)
    })
  })
  const rows = [...text].map(([name, parts]) => {
    const joined = parts.join('')
    return { name, bytes: Buffer.byteLength(joined), gzip: gzipSync(joined, { level: 9 }).length }
  })
  rows.sort((a, b) => b.bytes - a.bytes)
  console.log(`${file}: ${(Buffer.byteLength(code) / 1024).toFixed(1)} KB minified, ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} KB gzipped`)
  for (const r of rows.slice(0, Number(process.env.TOP ?? 40)))
    console.log(`  ${(r.bytes / 1024).toFixed(1).padStart(7)} KB  ${(r.gzip / 1024).toFixed(1).padStart(6)} KB gz  ${r.name}`)
}
