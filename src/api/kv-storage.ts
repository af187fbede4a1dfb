import Taro from '@tarojs/taro'

/** Synchronous string storage: Taro's (localStorage on H5, wx storage on weapp) or a Map in tests. */
export interface KeyValueStorage {
  get: (key: string) => string | undefined
  set: (key: string, value: string) => void
  remove: (key: string) => void
}

export const taroStorage: KeyValueStorage = {
  get: (key) => {
    const v = Taro.getStorageSync(key)
    return typeof v === 'string' && v !== '' ? v : undefined
  },
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
}

export function memoryStorage(map = new Map<string, string>()): KeyValueStorage & { map: Map<string, string> } {
  return {
    map,
    get: (key) => map.get(key),
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
  }
}
