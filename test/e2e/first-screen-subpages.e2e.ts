/**
 * 首屏直出 of the most linked subpages in a real browser against the real build: with the app's
 * code blocked, a policy, a video, a campaign, 宣讲菜单 and 智能问答 show their first screen from
 * the HTML alone, at the saved text size (特大: every link a 60 px target), and a link in it opens
 * its page by plain navigation; with the code, the page takes over (the layer gone) and answers a tap.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Locator } from 'playwright-core'
import { BASE_URL, phoneSession, screenshot } from './browser'
import { LAYER, persisted, withoutAppCode } from './helpers/first-screen'

// Taizhou's clock, so the app's 活动时间 reads as the server-drawn one does
const session = phoneSession({ timezoneId: 'Asia/Shanghai' })

const fontSize = (l: Locator) => l.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))

interface Subpage {
  name: string
  path: string
  /** text the layer shows, and the element whose text size follows the saved size */
  shows: RegExp
  sized: string
  /** a link of the layer, where it leads, and what that page's HTML then shows */
  link: (layer: Locator) => Locator
  leadsTo: RegExp
}

const SUBPAGES: Subpage[] = [
  {
    name: 'policy',
    path: '/packages/policy/pages/detail/index?id=p001',
    shows: /政策原文[\s\S]*本文件现行有效[\s\S]*台州市人民政府办公室关于加快推进2021年台州市政务公开工作的实施意见[\s\S]*台政办发〔2021〕28号[\s\S]*相关解读/,
    sized: '.policy-detail__title',
    link: (layer) => layer.getByRole('link', { name: /一图读懂：2021年台州市政务公开工作实施意见/ }),
    leadsTo: /packages\/interpretation\/pages\/detail\/index\?id=i001$/,
  },
  {
    name: 'video',
    path: '/packages/video/pages/play/index?id=v001',
    shows: /政策短视频[\s\S]*看懂：政府信息怎么公开、去哪儿查[\s\S]*次播放 · 0:12[\s\S]*看图文解读/,
    sized: '.video-play__title',
    link: (layer) => layer.getByRole('link', { name: /相关政策/ }),
    leadsTo: /packages\/policy\/pages\/detail\/index\?id=p001$/,
  },
  {
    name: 'campaign',
    path: '/packages/quiz/pages/detail/index?id=q001',
    shows: /知识竞赛[\s\S]*2026年台州市民生政策知识竞赛[\s\S]*进行中[\s\S]*距结束[\s\S]*竞赛规则[\s\S]*每次答题/,
    sized: '.quiz-hero__title',
    link: (layer) => layer.getByRole('link', { name: '排行榜' }),
    leadsTo: /packages\/quiz\/pages\/leaderboard\/index\?id=q001$/,
  },
  {
    name: 'lecture-menu',
    path: '/packages/lecture/pages/menu/index',
    shows: /宣讲菜单[\s\S]*全部形式[\s\S]*我的点单[\s\S]*城乡居民养老保险政策解读[\s\S]*我要点单/,
    sized: '.lec-card__title',
    link: (layer) => layer.getByRole('link', { name: '医疗保障', exact: true }),
    leadsTo: /packages\/lecture\/pages\/menu\/index\?topic=yibao$/,
  },
  {
    name: 'qa',
    path: '/packages/qa/pages/ask/index',
    shows: /智能问答[\s\S]*提问[\s\S]*大家都在问[\s\S]*医保怎么异地备案[\s\S]*没找到答案？向部门咨询/,
    sized: '.qa__example',
    link: (layer) => layer.getByRole('link', { name: '医保怎么异地备案' }),
    leadsTo: /packages\/qa\/pages\/ask\/index\?q=%E5%8C%BB%E4%BF%9D/,
  },
]

test('each subpage stands on the HTML alone, normal and 特大, and its links work without the app', async () => {
  const page = session.page
  await withoutAppCode(page, async () => {
    for (const sub of SUBPAGES) {
      await page.goto(`${BASE_URL}${sub.path}`)
      const layer = page.locator(LAYER)
      assert.match(await layer.innerText(), sub.shows, sub.name)
      const normal = await fontSize(layer.locator(sub.sized).first())
      await screenshot(page, `first-screen-${sub.name}`)

      await page.evaluate(([k, v]) => localStorage.setItem(k, v), persisted('zct-theme', { choice: 'elder' }))
      await page.reload()
      assert.match(await layer.innerText(), sub.shows, `${sub.name} at 特大`)
      const elder = await fontSize(layer.locator(sub.sized).first())
      assert.ok(elder >= normal * 1.2, `${sub.name}: 特大 text ${elder}px vs ${normal}px`)
      // 长辈模式: every link on the screen is a tap target of 60 px (a few px less only where the app's own view is)
      for (const a of await layer.locator('a').all()) {
        const box = await a.boundingBox()
        if (!box || box.y > 844) continue
        assert.ok(box.height >= 59, `${sub.name}: ${await a.innerText()} is ${box.height}px high at 特大`)
      }
      await screenshot(page, `first-screen-${sub.name}-elder`)
      await page.evaluate(() => localStorage.removeItem('zct-theme'))

      await page.reload()
      await sub.link(layer).click()
      await page.waitForURL(sub.leadsTo)
      // an ordinary page load: the server answered it (drawn or a skeleton), no app code ran
      await layer.waitFor()
    }

    // the question box is a form: asked before the app is there, the question still arrives
    await page.goto(`${BASE_URL}/packages/qa/pages/ask/index`)
    await page.locator(`${LAYER} input[name=q]`).fill('种粮补贴什么时候发')
    await page.locator(`${LAYER} button[type=submit]`).click()
    await page.waitForURL(/packages\/qa\/pages\/ask\/index\?q=/)
    assert.equal(await page.locator(`${LAYER} input[name=q]`).inputValue(), '种粮补贴什么时候发')
  })
})

test('with its code each subpage takes over: the layer goes and the page answers a tap', async () => {
  const page = session.page
  const takenOver = async (ready: string) => {
    await page.locator(ready).first().waitFor()
    await page.locator(LAYER).waitFor({ state: 'detached' })
  }

  await page.goto(`${BASE_URL}/packages/policy/pages/detail/index?id=p001`)
  await takenOver('#app .policy-detail__facts')
  await page.locator('#app .related-section__item', { hasText: '一图读懂：2021年台州市政务公开工作实施意见' }).click()
  await page.waitForURL(/packages\/interpretation\/pages\/detail\/index\?id=i001/)

  await page.goto(`${BASE_URL}/packages/video/pages/play/index?id=v001`)
  await takenOver('#app .video-play__title')
  await page.getByRole('button', { name: '看文字稿' }).click()
  await page.getByRole('button', { name: '收起文字稿' }).waitFor()

  await page.goto(`${BASE_URL}/packages/quiz/pages/detail/index?id=q001`)
  await takenOver('#app .quiz-hero')
  // the visitor's part, which the server does not draw: a guest is asked to sign in
  await page.getByText('登录后即可答题，成绩计入排行榜').waitFor()
  await page.getByRole('button', { name: '排行榜' }).click()
  await page.waitForURL(/packages\/quiz\/pages\/leaderboard\/index\?id=q001/)

  await page.goto(`${BASE_URL}/packages/lecture/pages/menu/index`)
  await takenOver('#app .lec-card')
  await page.locator('#app .chip', { hasText: '医疗保障' }).click()
  await page.locator('#app .chip--on', { hasText: '医疗保障' }).waitFor()
  // the filtered list replaces the whole one when its answer comes: 医保参保与报销 is on both, so wait
  // for the 养老 topic to go (a timeout if the filter never removes it) rather than count at once
  await page.locator('#app .lec-card', { hasText: '城乡居民养老保险政策解读' }).waitFor({ state: 'detached' })
  await page.locator('#app .lec-card', { hasText: '医保参保与报销' }).waitFor()

  await page.goto(`${BASE_URL}/packages/qa/pages/ask/index`)
  await takenOver('#app .qa__input')
  await page.locator('#app .qa__example', { hasText: '医保怎么异地备案' }).click()
  await page.getByRole('button', { name: '朗读回答' }).waitFor()
})
