/**
 * Shared Playwright setup: Debian's Chromium, a phone-sized page, nothing leaves 127.0.0.1.
 * Playwright gives every launch a fresh temporary profile.
 */
import { mkdirSync } from 'node:fs'
import { after, afterEach, before } from 'node:test'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080'
export const SCREENSHOT_DIR = path.resolve(__dirname, 'screenshots')

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * The phone every spec and browser benchmark uses: 390×844 at 2×, touch, zh-CN. The H5 service
 * worker (scripts/build-sw.mjs) would precache the whole app in the background of every spec; only
 * the offline spec lets it run (`{ serviceWorkers: 'allow' }`), and a benchmark's first visit never uses it.
 */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  serviceWorkers: 'block',
}

/** `device`: another phone than the default 390×844 (a viewport, a User-Agent) */
export async function phone(browser: Browser, device: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE, ...device })
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    return url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:' ? route.continue() : route.abort()
  })
  await watchCsp(context)
  const page = await context.newPage()
  return { context, page }
}

/** a desktop browser window (the 政务工作台 is used at an office computer), same network rules and CSP watch as phone() */
export async function desktop(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', serviceWorkers: 'block', ...options })
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url())
    return url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:' ? route.continue() : route.abort()
  })
  await watchCsp(context)
  const page = await context.newPage()
  return { context, page }
}

/**
 * Content-Security-Policy violations, per browser context: every `securitypolicyviolation` event
 * of every document (an init script reports it to the test through a binding, so it survives
 * navigations) and every console error that speaks of the policy (workers, refused evals).
 * phoneSession fails each test that leaves any (the server's CSP must let the app run untouched).
 */
const cspFound = new WeakMap<BrowserContext, string[]>()

async function watchCsp(context: BrowserContext): Promise<void> {
  const found: string[] = []
  cspFound.set(context, found)
  await context.exposeBinding('__zctCspViolation', ({ page }, text: string) => {
    found.push(`${page.url()}: ${text}`)
  })
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __zctCspViolation?: (t: string) => void }).__zctCspViolation
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} ${e.sample ? `"${e.sample}" ` : ''}(${e.sourceFile}:${e.lineNumber})`)
    })
  })
  const onConsole = (page: Page) =>
    page.on('console', (msg) => {
      if (msg.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(msg.text())) found.push(`${page.url()}: console: ${msg.text()}`)
    })
  context.on('page', onConsole)
}

/** the CSP violations seen in `page`'s context since the last call (and forgets them) */
export function takeCspViolations(page: Page): string[] {
  const found = cspFound.get(page.context()) ?? []
  return found.splice(0, found.length)
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  // let Taro's page slide-in (and any other finite animation or transition) finish; spinners
  // and other endless animations do not count
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity))
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true })
}

/**
 * One browser and one phone page for a spec file, opened before its tests and closed after:
 * `const session = phoneSession()` at the top, then `session.page` inside tests.
 */
export function phoneSession(device?: BrowserContextOptions): { readonly page: Page } {
  let browser: Browser | undefined
  let current: Page | undefined
  before(async () => {
    browser = await launch()
    current = (await phone(browser, device)).page
  })
  afterEach(() => {
    if (!current) return
    const violations = [...new Set(takeCspViolations(current))]
    if (violations.length) throw new Error(`Content-Security-Policy violations:\n  ${violations.join('\n  ')}`)
  })
  after(async () => {
    await browser?.close()
  })
  return {
    get page() {
      if (!current) throw new Error('phoneSession: the page is opened in before()')
      return current
    },
  }
}
