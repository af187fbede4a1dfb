/**
 * 首屏直出 of the tab pages 解读, 视频, 答题 and 我的 in a real browser against the real build: with
 * the app's code blocked each shows its first screen from the HTML alone, at normal and 特大 text,
 * and its links open their pages by plain navigation; 我的 leaves out 未登录 when a session is
 * stored; with the code, each page takes over from the answers in the HTML (no second request),
 * the layer goes and the page answers taps.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Page } from 'playwright-core'
import { BASE_URL, phoneSession, screenshot } from './browser'
import { LAYER, persisted, withoutAppCode } from './helpers/first-screen'

const session = phoneSession()

const TABS = [
  {
    name: 'interpretations',
    path: '/pages/interpretations/index',
    text: /搜解读[\s\S]*全部[\s\S]*医疗保障[\s\S]*2026年市区义务教育招生政策解读/,
    sized: '.interp-card__title',
  },
  {
    name: 'videos',
    path: '/pages/videos/index',
    text: /搜视频和网络课堂[\s\S]*网络课堂：系统学政策[\s\S]*孩子上小学、初中[\s\S]*次播放/,
    sized: '.video-card__title',
  },
  { name: 'quiz', path: '/pages/quiz/index', text: /练习[\s\S]*错题本[\s\S]*进行中[\s\S]*医保政策知识有奖问答[\s\S]*距结束/, sized: '.campaign-card__title' },
  {
    name: 'mine',
    path: '/pages/mine/index',
    // the e2e server runs the demo: 演示模式 and 选择身份登录 as the page draws them
    text: /^演示模式[\s\S]*未登录[\s\S]*手机号登录[\s\S]*请输入手机号[\s\S]*获取验证码[\s\S]*选择身份登录（开发模式）[\s\S]*工作人员登录[\s\S]*我的收藏[\s\S]*我的情况/,
    sized: '.sign-in__title',
  },
]

const fontSize = (page: Page, selector: string) =>
  page
    .locator(`${LAYER} ${selector}`)
    .first()
    .evaluate((e) => parseFloat(getComputedStyle(e).fontSize))

test('each tab page stands on the HTML alone, at normal and 特大 text', async () => {
  const page = session.page
  await withoutAppCode(page, async () => {
    for (const tab of TABS) {
      await page.goto(`${BASE_URL}${tab.path}`)
      const layer = page.locator(LAYER)
      await layer.waitFor()
      assert.equal(await layer.getAttribute('data-skeleton'), null, `${tab.name}: a drawn screen, not the skeleton`)
      assert.match(await layer.innerText(), tab.text)
      const normal = await fontSize(page, tab.sized)
      await screenshot(page, `first-screen-${tab.name}`)

      await page.evaluate(([k, v]) => localStorage.setItem(k, v), persisted('zct-theme', { choice: 'elder' }))
      await page.reload()
      await layer.waitFor()
      const elder = await fontSize(page, tab.sized)
      assert.ok(elder >= normal * 1.2, `${tab.name}: elder text ${elder}px vs normal ${normal}px`)
      await screenshot(page, `first-screen-${tab.name}-elder`)
      await page.evaluate(() => localStorage.removeItem('zct-theme'))
    }
  })
})

test("the layer's links open their pages by plain navigation, before the app has taken over", async () => {
  const page = session.page
  await withoutAppCode(page, async () => {
    await page.goto(`${BASE_URL}/pages/interpretations/index`)
    // the newest interpretation comes first (another spec may have published one)
    const card = page.locator(`${LAYER} a.interp-card`).first()
    const href = (await card.getAttribute('href'))!
    const title = await card.locator('.interp-card__title').innerText()
    assert.match(href, /^\/packages\/interpretation\/pages\/detail\/index\?id=/)
    await card.click()
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href)
    // the interpretation's own first screen, drawn by the server
    await page.locator(LAYER).getByText(title, { exact: true }).first().waitFor()

    await page.goto(`${BASE_URL}/pages/quiz/index`)
    await page.locator(`${LAYER} a.campaign-card__link`, { hasText: '2026年台州市民生政策知识竞赛' }).click()
    await page.waitForURL(/packages\/quiz\/pages\/detail\/index\?id=q001/)

    await page.goto(`${BASE_URL}/pages/mine/index`)
    await page.locator(`${LAYER} a.mine__item`, { hasText: '政策库' }).click()
    await page.waitForURL(/packages\/policy\/pages\/list\/index$/)
  })
})

test('我的 with a stored session: no sign-in form and no name, and the rows of its role as the page has them', async () => {
  const page = session.page
  await page.goto(`${BASE_URL}/pages/mine/index`)
  const signedInAs = (role: string) =>
    page.evaluate(([k, v]) => localStorage.setItem(k, v), persisted('zct-session', { token: 't', user: { id: 'u1', nickname: '王阿姨', role } }))
  await withoutAppCode(page, async () => {
    await signedInAs('resident')
    const res = await page.goto(`${BASE_URL}/pages/mine/index`)
    assert.ok(!(await res!.text()).includes('王阿姨'))
    const resident = await page.locator(LAYER).innerText()
    assert.match(resident, /^演示模式[\s\S]*已登录[\s\S]*修改昵称[\s\S]*工作人员登录[\s\S]*我的消息[\s\S]*我的收藏/)
    assert.doesNotMatch(resident, /未登录|手机号登录|选择身份登录|王阿姨|登录设备/)

    await signedInAs('staff')
    await page.reload()
    const staff = await page.locator(LAYER).innerText()
    assert.match(staff, /已登录[\s\S]*登录设备[\s\S]*修改密码[\s\S]*我的消息[\s\S]*我的收藏/)
    assert.doesNotMatch(staff, /未登录|手机号登录|工作人员登录|修改昵称/)
  })
  await page.evaluate(() => localStorage.removeItem('zct-session'))
})

test('with its code each tab page takes over from the answers in the HTML: the layer goes and a tap is answered', async () => {
  const page = session.page
  const asked: string[] = []
  const onRequest = (r: { url(): string }) => {
    if (r.url().includes('/api/v1/')) asked.push(new URL(r.url()).pathname + new URL(r.url()).search)
  }
  // the first screen's answer was used, not fetched again (keyed by the very URL the page asks for);
  // checked before the tap: the page a tap opens may ask for the same URL (the video feed does)
  const notFetchedAgain = (url: string) => assert.ok(!asked.includes(url), `${url} fetched again: ${asked.join(', ')}`)
  page.on('request', onRequest)
  try {
    await page.goto(`${BASE_URL}/pages/interpretations/index`)
    await page.locator('#app .interp-card', { hasText: '图解：幼儿园大班免保教费' }).waitFor()
    await page.locator(LAYER).waitFor({ state: 'detached' })
    assert.equal(await page.evaluate(() => performance.getEntriesByName('zct-first-screen-gone').length), 1)
    notFetchedAgain('/api/v1/interpretations?page=1&pageSize=10')
    await page.locator('#app .interp-card', { hasText: '图解：幼儿园大班免保教费' }).click()
    await page.waitForURL(/packages\/interpretation\/pages\/detail\/index\?id=i009/)

    await page.goto(`${BASE_URL}/pages/videos/index`)
    await page.locator('#app .video-card').first().waitFor()
    await page.locator(LAYER).waitFor({ state: 'detached' })
    notFetchedAgain('/api/v1/videos?page=1&pageSize=10')
    await page.locator('#app .video-card:visible').first().click()
    await page.waitForURL(/packages\/video\/pages\/feed\/index\?id=v010/)

    await page.goto(`${BASE_URL}/pages/quiz/index`)
    await page.locator('#app .campaign-card').first().waitFor()
    await page.locator(LAYER).waitFor({ state: 'detached' })
    notFetchedAgain('/api/v1/campaigns?status=ongoing')
    await page.locator('#app .chip', { hasText: '已结束' }).click()
    await page.locator('#app .chip--on', { hasText: '已结束' }).waitFor()

    await page.goto(`${BASE_URL}/pages/mine/index`)
    await page.locator('#app .mine__card').waitFor()
    await page.locator(LAYER).waitFor({ state: 'detached' })
    // 我的 takes the sign-in methods from the HTML too
    notFetchedAgain('/api/v1/auth/methods')
    await page.locator('#app .mine__item', { hasText: '政策库' }).click()
    await page.waitForURL(/packages\/policy\/pages\/list\/index/)
    // and no page asked for GET /app-config: every one of them came with it
    notFetchedAgain('/api/v1/app-config')
  } finally {
    page.off('request', onRequest)
  }
})

/**
 * where the layer's parts are once its script has run (the element after it, #app, is parsed), and where the page's are in the first frame
 * after the page has removed it (the frame the visitor sees next): recorded in the page by an init
 * script, so nothing of the app's timing is missed
 */
const TAKEOVER_PROBE = `(function(){var out=window.__zctTakeover={};
function at(root){var o={};((window.__zctProbe||{}).list||[]).forEach(function(s){o[s]=null;var all=document.querySelectorAll(root+' '+s);
for(var i=0;i<all.length;i++){if(!all[i].getClientRects().length)continue;var r=all[i].getBoundingClientRect();o[s]=[Math.round(r.left*10)/10,Math.round(r.top*10)/10,Math.round(r.width*10)/10,Math.round(r.height*10)/10];break}});return o}
new MutationObserver(function(){if(!out.layer&&document.querySelector('#zct-first-screen ~ #app'))out.layer=at('#zct-first-screen');
if(out.layer&&!out.asked&&!document.getElementById('zct-first-screen')){out.asked=1;requestAnimationFrame(function(){out.page=at('#app')})}}).observe(document,{childList:true,subtree:true})})()`

/** 我的's parts that must not move when the page replaces the layer (the first of each that is shown); the other tabs' banner and first block */
const STILL: Record<string, string[]> = {
  '/pages/mine/index': [
    '.demo-banner',
    '.mine__card',
    '.mine__name',
    '.sign-in__title',
    '.sign-in__input',
    '.sign-in__code',
    '.sign-in__send',
    '.sign-in__submit',
    '.sign-in__hint',
    '.role-login',
    '.role-login__btn',
    // the first list shown: 工作人员登录
    '.mine__list',
    '.mine__item',
  ],
  '/pages/index/index': ['.demo-banner', '.home__hero'],
  '/pages/interpretations/index': ['.demo-banner', '.search-bar'],
  '/pages/videos/index': ['.demo-banner', '.search-bar'],
  '/pages/quiz/index': ['.demo-banner', '.quiz-entries'],
  // two subpages: the banner under their title bar
  '/packages/interpretation/pages/detail/index?id=i001': ['.title-bar', '.demo-banner', '.interp-detail__title'],
  '/packages/policy/pages/detail/index?id=p001': ['.title-bar', '.demo-banner', '.policy-detail__title'],
}

test('the page takes over where the layer stood: the 演示模式 banner and 我的 sign-in form do not move, at 标准 and 特大', async () => {
  const page = session.page
  await page.addInitScript({ content: TAKEOVER_PROBE })
  for (const choice of ['normal', 'elder']) {
    await page.goto(`${BASE_URL}/pages/index/index`)
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), persisted('zct-theme', { choice }))
    for (const [path, list] of Object.entries(STILL)) {
      // the selectors for the probe, before the page's first script runs
      await page.addInitScript({ content: `window.__zctProbe={list:${JSON.stringify(list)}}` })
      await page.goto(`${BASE_URL}${path}`)
      await page.waitForFunction(() => (window as unknown as { __zctTakeover: { page?: unknown } }).__zctTakeover.page, null, { timeout: 20_000 })
      const seen = await page.evaluate(
        () => (window as unknown as { __zctTakeover: { layer: Record<string, number[]>; page: Record<string, number[]> } }).__zctTakeover,
      )
      for (const selector of list) {
        assert.ok(seen.layer[selector], `${path} (${choice}): ${selector} is drawn in the layer`)
        assert.deepEqual(seen.page[selector], seen.layer[selector], `${path} (${choice}): ${selector} where the layer had it`)
      }
      if (path === '/pages/mine/index') await screenshot(page, `first-screen-mine-takeover-${choice}`)
    }
  }
  await page.evaluate(() => localStorage.removeItem('zct-theme'))
})
