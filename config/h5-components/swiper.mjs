/** H5: Taro's Swiper on its own (see index.mjs) */
import { createReactComponent } from '@tarojs/components/lib/react/react-component-lib/createComponent.js'
import { manipulatePropsFunction } from '@tarojs/components/lib/react/helper.js'
import { defineCustomElement } from '@tarojs/components/dist/components/taro-swiper-core.js'
import { defineCustomElement as defineItem } from '@tarojs/components/dist/components/taro-swiper-item-core.js'

export const Swiper = /*@__PURE__*/ createReactComponent('taro-swiper-core', undefined, manipulatePropsFunction, defineCustomElement)
export const SwiperItem = /*@__PURE__*/ createReactComponent('taro-swiper-item-core', undefined, manipulatePropsFunction, defineItem)
