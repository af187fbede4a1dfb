/**
 * H5: Taro.previewImage (an interpretation's pictures open full screen on a tap) loaded on the
 * first tap. Taro draws the preview with its Swiper, so the plain import brought the whole
 * Swiper library (~190 KB minified) into every interpretation page's first download; now it
 * comes when a picture is opened (config/index.ts puts this module in place of Taro's).
 */
export const previewImage = (options) =>
  import(/* webpackChunkName: "preview-image" */ '@tarojs/taro-h5/dist/api/media/image/previewImage.js').then((m) => m.previewImage(options))
