/**
 * 我的 (pages/mine/index). Who is signed in lives in the app's storage, which the server does not
 * see, so the HTML holds what is the same for a visitor who is not signed in — the head 「未登录」,
 * 工作人员登录 — and the menu rows that are the same for everyone. The layer script (below) reads
 * only whether a session is stored, as it reads the text size: when one is, it takes 工作人员登录
 * out and leaves the head neutral (「已登录」, no name: nothing personal is written into the page)
 * until the app draws the real one. The resident sign-in form is not drawn: which one the server
 * offers (SMS or not, GET /auth/methods) is the identity module's own options, and its fields
 * could not take input before the app has taken over anyway; the app adds it under the head.
 */
import type { FirstScreenPage } from '../page'
import { menuRow } from './tab-parts'

/** MineMenu's rows for everyone (我的消息 is added for a signed-in user, 便民服务点 for staff) */
const MENU: [string, string][] = [
  ['我的收藏', '/packages/favourites/pages/list/index'],
  ['阅读记录', '/packages/interpretation/pages/reading/index?tab=history'],
  ['我的咨询', '/packages/qa/pages/mine/index'],
  ['我的信息公开申请', '/packages/foia/pages/mine/index'],
  ['网络课堂', '/packages/course/pages/list/index'],
  ['智能问答', '/packages/qa/pages/ask/index'],
  ['政策库', '/packages/policy/pages/list/index'],
  ['我能享受哪些政策', '/packages/policy/pages/match/index'],
  ['我的情况', '/packages/policy/pages/situation/index'],
]

const STAFF_SIGN_IN = '/packages/staff/pages/login/index'

export function mineFirstScreen(): string {
  return (
    `<div class="page mine"><div class="mine__card"><div class="mine__avatar">访</div><div class="mine__who">` +
    `<span class="mine__name">未登录</span><span class="mine__role">登录后可咨询、点单、参加竞赛</span></div></div>` +
    `<div class="card card--pad-none card--inset mine__list" data-signed-out="">${menuRow('工作人员登录', STAFF_SIGN_IN)}</div>` +
    `<div class="card card--pad-none card--inset mine__list">${MENU.map(([label, href]) => menuRow(label, href)).join('')}</div>` +
    `</div>`
  )
}

/**
 * for the layer script (document.ts, where `read` and `el` are): a stored session — only whether
 * there is one — takes out 工作人员登录 and the 未登录 head
 */
export const MINE_LAYER_SCRIPT =
  `var ss=read('zct-session');if(ss&&ss.token&&ss.user){` +
  `var so=el.querySelectorAll('[data-signed-out]');for(var i=0;i<so.length;i++)so[i].parentNode.removeChild(so[i]);` +
  `el.querySelector('.mine__avatar').textContent='';el.querySelector('.mine__name').textContent='已登录';el.querySelector('.mine__role').textContent=''}`

export const minePage: FirstScreenPage = {
  page: 'pages/mine/index',
  async draw() {
    return { html: mineFirstScreen(), data: {}, script: MINE_LAYER_SCRIPT }
  },
}
