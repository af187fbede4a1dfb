/** H5: Taro's Video on its own (see index.mjs) */
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js'
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js'
import { defineCustomElement } from '@tarojs/components/dist/components/taro-video-core.js'

export const Video = /*@__PURE__*/ createReactComponent('taro-video-core', undefined, manipulatePropsFunction, defineCustomElement)
