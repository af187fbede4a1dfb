import Taro from '@tarojs/taro'

/** weapp: open the poster (its menu saves, sends or prints it), or WeChat's share-image menu. */
export function printPoster(src: string): void {
  void Taro.previewImage({ urls: [src], current: src })
}

export async function sharePoster(src: string): Promise<boolean> {
  await Taro.showShareImageMenu({ path: src })
  return true
}
