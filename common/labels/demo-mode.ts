/**
 * The 演示模式 banner's wording, said by every page of the app (src/components/demo-banner) and by
 * every first screen the server draws (server/modules/first-screen) while the server runs as the
 * local demo with dev login on: anyone can sign in as anyone there.
 */
export const demoBannerTitle = '演示模式'
export const demoBannerText = '本机演示服务，可任选身份登录，数据仅供演示，请勿填写真实个人信息'
