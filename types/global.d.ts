/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.scss'

/** API base URL injected by config/index.ts (`''` = same origin on H5). */
declare const API_BASE: string

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd'
    TARO_APP_API_BASE?: string
  }
}
