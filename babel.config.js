// babel-preset-taro 更多选项和默认值：https://docs.taro.zone/docs/next/babel-config

/**
 * H5: the browsers that can run the app at all. Taro's components are Custom Elements v1 (Chrome
 * 54, Safari 10.1, Firefox 63, Edge 79) and the Stencil runtime that draws them ships with native
 * classes and async/await (ES2017: Chrome 55, Safari 10.1), untranspiled in the first chunk — a
 * browser without them cannot parse app.js. Compiling our code and Taro's for the package.json
 * browserslist (Android 4.1, iOS 8: ES5) only made it bigger and slower to run before the first tap
 * (regenerator for every async function, class and spread helpers). The mini-program (WeChat's own
 * engines) and jest keep the preset's defaults.
 */
const H5_TARGETS = ['chrome >= 55', 'and_chr >= 55', 'android >= 55', 'safari >= 10.1', 'ios_saf >= 10.3', 'firefox >= 63', 'edge >= 79', 'samsung >= 6.2']

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', ...(process.env.TARO_ENV === 'h5' ? { targets: H5_TARGETS } : {}) }]],
}
