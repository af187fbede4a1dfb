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

  // an inline script runs as it is appended, or is blocked with a securitypolicyviolation event:
  // wait for that event (5 s at most, when the policy fails to block it)
  const ran = await page.evaluate(async () => {
    const blocked = new Promise((r) => {
      document.addEventListener('securitypolicyviolation', r, { once: true })
      setTimeout(r, 5000)
    })
    const s = document.createElement('script')
    s.textContent = 'window.__zctInjected = true'
    document.body.appendChild(s)
    await blocked
    return (window as unknown as { __zctInjected?: boolean }).__zctInjected === true
  })
  assert.equal(ran, false, 'the injected script must not run')
  // the report reaches the test through a binding: until it is there (5 s at most)
  const seen: string[] = []
  for (const until = Date.now() + 5000; !seen.some((v) => /script-src/.test(v)) && Date.now() < until;) {
    seen.push(...takeCspViolations(page))
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)))
  }
  assert.ok(
    seen.some((v) => /script-src/.test(v)),
    `the violation is reported: ${JSON.stringify(seen)}`,
  )
})
