/**
 * 我的's sign-in wording, said by the app (src/features/resident-sign-in, features/profile/role-login)
 * and by 我的's first screen (server/modules/first-screen/pages/mine.ts), which draws the same form.
 */
export const smsSignInLabels = {
  title: '手机号登录',
  mobilePlaceholder: '请输入手机号',
  codePlaceholder: '6位验证码',
  send: '获取验证码',
  submit: '登录',
  hint: '未注册的手机号验证后自动创建账号。手机号仅用于登录，不对外显示。',
  /** the server offers no SMS (GET /auth/methods: sms false) */
  off: '短信登录暂未开通，请在微信中打开或使用「政策通」小程序。',
  /** inside WeChat's browser when the server has a 公众号 */
  wechatOa: '微信授权登录',
}

/** 选择身份登录: the demo's sign-in as any role (only while GET /app-config says demo) */
export const roleLoginTitle = '选择身份登录（开发模式）'
