/**
 * H5 only: the `platform` package (user-agent parsing) as Taro's getDeviceInfo/getSystemInfo
 * import it, in a chunk of its own downloaded once the page has loaded and the browser is idle.
 *
 * platform.js parses navigator.userAgent against its lists of browsers, products and systems as
 * soon as the module runs, and Taro's system API module (which the app needs for getAppBaseInfo and
 * getWindowInfo) imports it, so every page downloaded it (17 KB minified, 7 KB gzipped) and paid
 * that parse (~60–70 ms of a CPU ×4 phone) before its first tap. Only getDeviceInfo and
 * getSystemInfo read it (brand, model, system, platform), and no H5 page calls them (Taro's
 * chooseMedia and compass do, which the app uses on weapp only). Until the chunk has run, every
 * property reads as undefined, which those APIs report as 'unknown'.
 * config/index.ts points the H5 build's `platform` here.
 */
const { whenIdle } = require('../h5-runtime/when-idle.mjs')

let parsed
whenIdle(() =>
  import(/* webpackChunkName: "platform" */ 'platform/platform.js').then(
    (m) => {
      parsed = m.default || m
    },
    () => undefined,
  ),
)
const real = () => parsed || {}

module.exports = new Proxy(
  {},
  {
    // webpack's interop asks whether this is an ES module
    get: (_, key) => (key === '__esModule' ? undefined : real()[key]),
    has: (_, key) => key in real(),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Object.getOwnPropertyDescriptor(real(), key)
      return d && { ...d, configurable: true }
    },
  },
)
