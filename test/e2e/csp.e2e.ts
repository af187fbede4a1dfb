/**
 * The CSP watch itself: a script the page did not come with is blocked and reported, so the
 * afterEach of every spec (browser.ts) would fail on a real violation. Also the headers the H5
 * document is served with.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BASE_URL, phoneSession, takeCspViolations } from './browser'

const session = phoneSession()

test('an injected inline script is blocked by the CSP and reported', async () => {
  const { page } = session
  const res = await page.goto(`${BASE_URL}/`)
  const csp = res?.headers()['content-security-policy'] ?? ''
  assert.match(csp, /script-src 'self'( 'sha256-[^']+')+/)
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/)
  assert.match(csp, /frame-ancestors 'none'/)
  assert.equal(res?.headers()['x-content-type-options'], 'nosniff')
  await page.getByText('最新政策').waitFor()
  await page.waitForLoadState('networkidle')
  assert.deepEqual(takeCspViolations(page), [], 'the app itself runs without a violation')

  const ran = await page.evaluate(async () => {
    const s = document.createElement('script')
    s.textContent = 'window.__zctInjected = true'
    document.body.appendChild(s)
    await new Promise((r) => setTimeout(r, 200))
    return (window as unknown as { __zctInjected?: boolean }).__zctInjected === true
  })
  assert.equal(ran, false, 'the injected script must not run')
  await page.waitForTimeout(200)
  const seen = takeCspViolations(page)
  assert.ok(seen.some((v) => /script-src/.test(v)), `the violation is reported: ${JSON.stringify(seen)}`)
})
