import Taro from '@tarojs/taro'

/** saves to the album; when the user once refused, opens the settings so they can allow it */
export async function saveImage(src: string, _fileName?: string): Promise<void> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: src })
  } catch (e) {
    const msg = (e as { errMsg?: string }).errMsg ?? ''
    if (/auth deny|authorize/.test(msg)) {
      const { confirm } = await Taro.showModal({ title: '需要相册权限', content: '请在设置中允许保存到相册', confirmText: '去设置' })
      if (confirm) await Taro.openSetting()
      throw new Error('未获得相册权限', { cause: e })
    }
    throw e
  }
}
