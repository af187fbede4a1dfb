/**
 * 我的 (pages/mine/index), as the app draws it for a visitor who is not signed in: the head
 * 「未登录」, the sign-in form the server offers (GET /auth/methods: 手机号登录, or the note that SMS
 * is off; 微信授权登录 inside WeChat's browser when a 公众号 is set up), 选择身份登录 in the demo
 * (GET /app-config), 工作人员登录 and the menu. Both answers go to the app with the HTML: it draws
 * 选择身份登录 from its first frame, and takes the sign-in methods from the HTML instead of asking.
 *
 * The form's fields and buttons are drawn at the app's sizes but inert (aria-disabled): what is typed
 * into the layer would be lost when the app takes over, and sending a code needs the app's code;
 * the rows that open a page are real links. Who is signed in lives in the app's storage, which the
 * server does not see: the layer script (below) reads only whether a session is stored and its
 * role, as it reads the text size, and then shows what the app shows a signed-in user of that role
 * without a name (「已登录」: nothing personal is written into the page) until the app draws its own.
 */
import type { AuthMethods } from '../../../../common/contract'
import { ROLES } from '../../../../common/contract'
import { roleLabel } from '../../../../common/labels/roles'
import { roleLoginTitle, smsSignInLabels as say } from '../../../../common/labels/sign-in'
import { escapeHtml } from '../markup'
import { authMethodsData, type FirstScreenPage } from '../page'
import { card, inertButton } from '../subpage'
import { menuRow } from './tab-parts'

/** MineMenu's rows for everyone (我的消息 comes first for a signed-in user, 便民服务点 last for staff) */
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

/** StaffEntries: 工作人员登录 for anyone not signed in as staff; 登录设备 and 修改密码 for staff (any role but resident) */
const STAFF_SIGN_IN = '/packages/staff/pages/login/index'
const STAFF_SIGNED_IN: [string, string][] = [
  ['登录设备', '/packages/staff/pages/sessions/index'],
  ['修改密码', '/packages/staff/pages/password/index'],
]
const MESSAGES = '/packages/messages/pages/inbox/index'
/** MineMenu's last row for staff and admin on a device not yet bound to a 便民服务点 */
const SERVICE_POINT = '/packages/service-point/pages/bind/index'

/**
 * what Taro's H5 components bring with their code (their stylesheets come with the script): a
 * button's box and its hairline edge (taro-button-core and its ::after: centred, 14 px at the sides
 * unless the page's class says otherwise), an input's placeholder grey
 */
export const MINE_LAYER_CSS =
  `:where(.mine [role=button][aria-disabled]){box-sizing:border-box;position:relative;overflow:hidden;text-align:center;line-height:2.55556;padding-left:14px;padding-right:14px}` +
  `:where(.mine [role=button][aria-disabled])::after{content:" ";box-sizing:border-box;position:absolute;top:0;left:0;width:200%;height:200%;transform:scale(.5);transform-origin:0 0;border:1px solid rgba(0,0,0,.2);border-radius:10px}` +
  `.mine__placeholder{color:#757575}`

/** drawn for some visitors only: the layer script keeps or removes it (hidden until then) */
const HIDDEN = ' style="display:none"'

/** a Taro Input as 手机号登录 draws it, empty, its placeholder showing; inert */
const inertField = (className: string, placeholder: string) =>
  `<div class="form-field ${className}" aria-disabled="true"><span class="mine__placeholder">${escapeHtml(placeholder)}</span></div>`

/** SmsLogin, before anything is typed */
function smsForm(): string {
  return card(
    `<span class="sign-in__title" role="heading" aria-level="2">${escapeHtml(say.title)}</span>` +
      inertField('sign-in__input', say.mobilePlaceholder) +
      `<div class="sign-in__row">${inertField('sign-in__input sign-in__code', say.codePlaceholder)}${inertButton('sign-in__send', escapeHtml(say.send))}</div>` +
      inertButton('sign-in__submit', escapeHtml(say.submit)) +
      `<span class="sign-in__hint">${escapeHtml(say.hint)}</span>`,
    { className: 'sign-in' },
  )
}

/** H5SignIn (src/features/resident-sign-in/components/resident-sign-in.tsx) for what the server offers */
function residentSignIn(methods: AuthMethods): string {
  // 微信授权登录 only inside WeChat's browser: the layer script shows it there
  const oa = methods.wechatOa
    ? card(inertButton('sign-in__submit sign-in__wechat', escapeHtml(say.wechatOa)), { className: 'sign-in', attributes: ` data-wechat-oa=""${HIDDEN}` })
    : ''
  const sms = methods.sms ? smsForm() : card(`<span class="sign-in__hint">${escapeHtml(say.off)}</span>`, { className: 'sign-in' })
  return `<div data-signed-out="">${oa}${sms}</div>`
}

/** RoleLogin: the demo's sign-in as any role */
function roleLogin(): string {
  return card(
    `<span class="role-login__title">${escapeHtml(roleLoginTitle)}</span>` +
      `<div class="role-login__grid">${ROLES.map((r) => inertButton('role-login__btn', escapeHtml(roleLabel[r]))).join('')}</div>`,
    { className: 'role-login', attributes: ' data-signed-out=""' },
  )
}

/** a MenuList card of rows (its list wrapper as the app has it) */
const menuList = (rows: string, attributes = '') => card(`<div role="list">${rows}</div>`, { className: 'mine__list', padding: 'none', attributes })

/** the first screen for a visitor not signed in; `methods` and `demo` as the server's own answers say */
export function mineFirstScreen(options: { methods: AuthMethods; demo: boolean }): string {
  return (
    `<div class="page mine"><style>${MINE_LAYER_CSS}</style><div class="mine__card"><div class="mine__avatar" aria-hidden="true">访</div><div class="mine__who">` +
    `<span class="mine__name">未登录</span><span class="mine__role">登录后可咨询、点单、参加竞赛</span></div></div>` +
    residentSignIn(options.methods) +
    (options.demo ? roleLogin() : '') +
    // ResidentProfile: a resident's 修改昵称 (inert: it opens an editor in place)
    menuList(
      `<div class="mine__item" role="button" aria-disabled="true"><span>修改昵称</span><span class="mine__chevron">›</span></div>`,
      ` data-resident=""${HIDDEN}`,
    ) +
    menuList(menuRow('工作人员登录', STAFF_SIGN_IN), ' data-not-staff=""') +
    menuList(STAFF_SIGNED_IN.map(([label, href]) => menuRow(label, href)).join(''), ` data-staff=""${HIDDEN}`) +
    menuList(
      menuRow('我的消息', MESSAGES, ` data-signed-in=""${HIDDEN}`) +
        MENU.map(([label, href]) => menuRow(label, href)).join('') +
        menuRow('设为便民服务点', SERVICE_POINT, ` data-point-staff=""${HIDDEN}`),
    ) +
    `</div>`
  )
}

/**
 * for the layer script (document.ts, where `read` and `el` are): whether a session is stored and
 * its role decide what stays — never a stored value written into the page
 */
export const MINE_LAYER_SCRIPT =
  `var ss=read('zct-session'),si=!!(ss&&ss.token&&ss.user),res=si&&ss.user.role==='resident';` +
  `function keep(s,on){var n=el.querySelectorAll(s);for(var i=0;i<n.length;i++){if(on)n[i].style.display='';else n[i].parentNode.removeChild(n[i])}}` +
  `keep('[data-wechat-oa]',!si&&/MicroMessenger/i.test(navigator.userAgent));keep('[data-signed-out]',!si);keep('[data-signed-in]',si);` +
  `keep('[data-resident]',res);keep('[data-staff]',si&&!res);keep('[data-not-staff]',!si||res);` +
  // 设为便民服务点 for staff and admin; a device bound to one says which, further down, once the app has drawn
  `var sp=read('zct-service-point');keep('[data-point-staff]',si&&/^(staff|admin)$/.test(ss.user.role)&&!(sp&&sp.point));` +
  `if(si){el.querySelector('.mine__avatar').textContent='';el.querySelector('.mine__name').textContent='已登录';el.querySelector('.mine__role').textContent=''}`

export const minePage: FirstScreenPage = {
  page: 'pages/mine/index',
  async draw(_app, _query, server) {
    return {
      html: mineFirstScreen({ methods: server.authMethods, demo: server.appConfig.demo }),
      data: authMethodsData(server),
      script: MINE_LAYER_SCRIPT,
    }
  },
}
