import { ConfigError, readConfig } from '../../../config'

const TENCENT = {
  SMS_PROVIDER: 'tencent',
  TENCENT_SMS_SECRET_ID: 'id',
  TENCENT_SMS_SECRET_KEY: 'key',
  TENCENT_SMS_SDK_APP_ID: '1400000001',
  TENCENT_SMS_SIGN_NAME: '台州政策通',
  TENCENT_SMS_TEMPLATE_ID: '2000001',
}

describe('identity settings from the environment', () => {
  it('reads Tencent Cloud SMS and WeChat web authorisation', () => {
    const config = readConfig({
      ...TENCENT,
      TENCENT_SMS_ENDPOINT: 'http://127.0.0.1:1',
      WECHAT_OA_APPID: 'wxoa',
      WECHAT_OA_SECRET: 's',
      WECHAT_OA_REDIRECT_ORIGIN: 'https://zct.example.cn',
    })
    expect(config.identity).toEqual({
      tencentSms: { secretId: 'id', secretKey: 'key', sdkAppId: '1400000001', signName: '台州政策通', templateId: '2000001', endpoint: 'http://127.0.0.1:1' },
      wechatOa: { appId: 'wxoa', secret: 's', redirectOrigin: 'https://zct.example.cn' },
    })
  })

  it('refuses an unknown provider or a half-configured one, naming what is missing', () => {
    expect(() => readConfig({ SMS_PROVIDER: 'aliyun' })).toThrow(new ConfigError('SMS_PROVIDER must be tencent, got "aliyun"'))
    expect(() => readConfig({ ...TENCENT, TENCENT_SMS_SECRET_KEY: '' })).toThrow(new ConfigError('SMS_PROVIDER=tencent needs TENCENT_SMS_SECRET_KEY'))
  })

  it('has neither without the variables (OA needs both id and secret)', () => {
    expect(readConfig({ WECHAT_OA_APPID: 'wxoa' }).identity).toEqual({})
  })
})
