/**
 * `H5_STATS=/tmp/stats.json npm run build:h5`: writes webpack's stats of the build (chunks, their
 * files and modules with their sizes before minification) to that file, to see what each chunk
 * carries (scripts/bench/h5-chunks.ts summarises it).
 */
import { writeFileSync } from 'node:fs'
import type { Compiler } from 'webpack'

export class StatsFilePlugin {
  constructor(private readonly file: string) {}

  apply(compiler: Compiler): void {
    compiler.hooks.done.tap('StatsFilePlugin', (stats) => {
      const json = stats.toJson({
        all: false,
        chunks: true,
        chunkModules: true,
        chunkOrigins: true,
        ids: true,
        modules: false,
        dependentModules: true,
        nestedModules: true,
        chunkModulesSpace: Infinity,
        nestedModulesSpace: Infinity,
      })
      writeFileSync(this.file, JSON.stringify(json))
    })
  }
}
