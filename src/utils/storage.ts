import Taro from '@tarojs/taro'
import { createJSONStorage, type StateStorage } from 'zustand/middleware'

/** Taro's synchronous storage as a zustand StateStorage (localStorage on H5, wx storage on weapp). */
const taroStateStorage: StateStorage = {
  getItem: (name) => {
    const value = Taro.getStorageSync(name)
    return typeof value === 'string' && value !== '' ? value : null
  },
  setItem: (name, value) => {
    Taro.setStorageSync(name, value)
  },
  removeItem: (name) => {
    Taro.removeStorageSync(name)
  },
}

export const taroJSONStorage = createJSONStorage(() => taroStateStorage)
