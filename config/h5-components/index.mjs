/**
 * H5 only: `@tarojs/components` as the pages import it, with the heavy components each in a
 * module of its own (config/index.ts points the H5 build's `@tarojs/components` here and marks
 * this folder free of side effects, so webpack follows each name to the module that defines it).
 *
 * Taro's React wrappers (`@tarojs/components/lib/react`) are one module that defines every
 * component, so any component one page used was in the app's first chunk, for every page:
 * Swiper (the video feed's alone) brought the whole Swiper library (~190 KB minified, every
 * effect and module) into what 首页 downloads and runs before its first tap; Video, Picker and
 * Textarea another ~70 KB. Defined in their own modules, each goes with the pages that use it.
 * Everything else is Taro's module as before (names exported here win over `export *`).
 */
export * from '@tarojs/components/lib/react/index.js'
export { Swiper, SwiperItem } from './swiper.mjs'
export { Video } from './video.mjs'
export { Picker } from './picker.mjs'
export { Textarea } from './textarea.mjs'
export { View, Text } from './plain.mjs'
