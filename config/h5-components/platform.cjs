/**
 * H5 only: the `platform` package (user-agent parsing) as Taro's getDeviceInfo/getSystemInfo
 * import it, parsed on first use instead of when the app starts.
 *
 * platform.js parses navigator.userAgent against its lists of browsers, products and systems as
 * soon as the module runs, and Taro's system API module (which the app needs for getAppBaseInfo and
 * getWindowInfo) imports it, so every page paid that parse before its first tap (~60–70 ms of a
 * CPU ×4 phone). Only getDeviceInfo and getSystemInfo read it, and no H5 page calls them at start.
 * config/index.ts points the H5 build's `platform` here; the real module is still bundled, and
 * runs the first time a property is read.
 */
let parsed
function real() {
  if (!parsed) parsed = require('platform/platform.js')
  return parsed
}

module.exports = new Proxy(
  {},
  {
    // webpack's interop asks whether this is an ES module: that alone must not parse
    get: (_, key) => (key === '__esModule' ? undefined : real()[key]),
    has: (_, key) => key in real(),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Object.getOwnPropertyDescriptor(real(), key)
      return d && { ...d, configurable: true }
    },
  },
)
