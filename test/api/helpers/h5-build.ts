/** A stand-in for the H5 build the server reads for 首屏直出, and readers of what it answers. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { FIRST_SCREEN_DATA_GLOBAL, FIRST_SCREEN_ELEMENT_ID } from '../../../common/contract'
import { makeTempDir } from './temp-dir'

/** the shape of the real build's index.html (src/index.html after html-webpack-plugin) */
export const INDEX_HTML =
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>政策通</title>' +
  '<script>window.__zctPreload={}</script><script defer="defer" src="/js/app.1a2b3c4d.js"></script>' +
  '<link href="/css/app.1a2b3c4d.css" rel="stylesheet"></head><body><div id="app"></div></body></html>'

/**
 * a temp dir holding index.html, the app's stylesheet, `files` (path → content) and page-assets.json
 * (`assets`: page → its files, as config/preload-page.ts writes it); remove() it afterwards
 */
export function fakeH5Build(prefix: string, files: Record<string, string>, assets: Record<string, string[]>) {
  const dir = makeTempDir(prefix)
  const all: Record<string, string> = { 'index.html': INDEX_HTML, 'css/app.1a2b3c4d.css': ':root{--fs-md:.8rem}', ...files }
  for (const [file, content] of Object.entries(all)) {
    mkdirSync(dirname(join(dir.path, file)), { recursive: true })
    writeFileSync(join(dir.path, file), content)
  }
  writeFileSync(join(dir.path, 'page-assets.json'), JSON.stringify(assets))
  return dir
}

/** the API answers the HTML carries, as the page's preload script will read them */
export function embeddedData(html: string): Record<string, unknown> {
  const m = new RegExp(`<script>window\\.${FIRST_SCREEN_DATA_GLOBAL}=(.*?)</script>`).exec(html)
  if (!m) throw new Error('no first-screen data in the HTML')
  return JSON.parse(m[1]) as Record<string, unknown>
}

/** the first-screen layer's markup */
export function layer(html: string): string {
  const start = html.indexOf(`<div id="${FIRST_SCREEN_ELEMENT_ID}"`)
  return start < 0 ? '' : html.slice(start, html.indexOf('<script>', start))
}

/** what every page's HTML carries besides its own answers: GET /app-config, as `server` answers it */
export async function everyPageData(server: { api: (path: string) => Promise<Response> }): Promise<Record<string, unknown>> {
  return { '/api/v1/app-config': await (await server.api('/app-config')).json() }
}
