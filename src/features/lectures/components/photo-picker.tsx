import { useEffect, useRef, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiError, mediaUrl } from '@/api'
import { LECTURE_PHOTOS_MAX } from '@common/contract'
import { newIdempotencyKey } from '@/utils/idempotency'
import { type PickedPhoto, uploadPhoto } from '../api/upload-photo'

interface Item {
  id: string
  photo: PickedPhoto
  /** the picture on the device (a blob: URL on H5, the temp path on weapp), shown before and after uploading */
  preview?: string
  /** the server's /media/uploads/… once stored */
  url?: string
  progress: number
  error?: string
  /** kept across retries of this photo */
  key: string
}

export interface PhotoPickerProps {
  /** called with the uploaded photos' URLs, in order, whenever they change */
  onChange: (urls: string[]) => void
  /** true while a photo is uploading (the form waits) */
  onBusyChange?: (busy: boolean) => void
  max?: number
}

const isH5 = process.env.TARO_ENV !== 'weapp'

function localPreview(source: Blob | string): string | undefined {
  if (typeof source === 'string') return source
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(source) : undefined
}

/**
 * 现场照片: pick from the camera or the album (chooseMedia on weapp, a file input on H5), each
 * uploaded at once with its progress, shown as a thumbnail that can be removed; a failed one
 * says why and can be sent again. Only uploaded photos reach the completion report.
 */
export function PhotoPicker({ onChange, onBusyChange, max = LECTURE_PHOTOS_MAX }: PhotoPickerProps) {
  const [items, setItems] = useState<Item[]>([])
  const [notice, setNotice] = useState<string>()
  const itemsRef = useRef(items)
  itemsRef.current = items
  const inputRef = useRef<HTMLInputElement>(null)

  const update = (id: string, patch: Partial<Item>) => setItems((list) => list.map((i) => (i.id === id ? { ...i, ...patch } : i)))

  const busy = items.some((i) => !i.url && !i.error)
  const urls = items.flatMap((i) => (i.url ? [i.url] : []))
  const urlKey = urls.join('\n')
  // the parent's latest callbacks, told only when the uploaded URLs or the busy state change
  const onChangeRef = useRef(onChange)
  onChangeRef.current = onChange
  const onBusyChangeRef = useRef(onBusyChange)
  onBusyChangeRef.current = onBusyChange
  useEffect(() => {
    onChangeRef.current(urlKey ? urlKey.split('\n') : [])
  }, [urlKey])
  useEffect(() => {
    onBusyChangeRef.current?.(busy)
  }, [busy])
  // blob: previews are released with the picker
  useEffect(() => () => itemsRef.current.forEach((i) => i.preview?.startsWith('blob:') && URL.revokeObjectURL?.(i.preview)), [])

  const send = async (item: Item) => {
    update(item.id, { error: undefined, progress: 0 })
    try {
      const result = await uploadPhoto(item.photo, { idempotencyKey: item.key, onProgress: (p) => update(item.id, { progress: p }) })
      update(item.id, { url: result.url, progress: 1 })
    } catch (e) {
      update(item.id, { error: e instanceof ApiError ? e.message : '上传失败，请重试' })
    }
  }

  const add = async (photos: PickedPhoto[]) => {
    const room = max - itemsRef.current.length
    setNotice(photos.length > room ? `最多${max}张照片，多出的未添加` : undefined)
    const added = photos.slice(0, Math.max(0, room)).map((photo): Item => ({
      id: newIdempotencyKey(),
      key: newIdempotencyKey(),
      photo,
      preview: localPreview(photo.source),
      progress: 0,
    }))
    if (added.length === 0) return
    setItems((list) => [...list, ...added])
    // one at a time: a village network carries one photo better than nine at once
    for (const item of added) await send(item)
  }

  const pick = async () => {
    setNotice(undefined)
    if (isH5) return inputRef.current?.click()
    try {
      const res = await Taro.chooseMedia({
        count: max - items.length,
        mediaType: ['image'],
        sourceType: ['camera', 'album'],
        sizeType: ['compressed'],
      })
      await add(res.tempFiles.map((f) => ({ source: f.tempFilePath, size: f.size })))
    } catch (e) {
      const msg = (e as { errMsg?: string })?.errMsg ?? ''
      if (!/cancel/.test(msg)) setNotice('无法打开相册或相机，请检查权限设置')
    }
  }

  const remove = (item: Item) => {
    if (item.preview?.startsWith('blob:')) URL.revokeObjectURL?.(item.preview)
    setItems((list) => list.filter((i) => i.id !== item.id))
  }

  return (
    <View className='lec-photos'>
      <View className='lec-photos__grid' role='list' aria-label='现场照片'>
        {items.map((item, n) => (
          <View key={item.id} className='lec-photos__item' role='listitem'>
            {item.url || item.preview ? (
              // the local picture first: until the report is filed, the server shows an upload to
              // its owner's token only, which an <image> does not send
              <Image className='lec-photos__thumb' src={item.preview ?? mediaUrl(item.url!)} mode='aspectFill' aria-label={`第${n + 1}张照片`} />
            ) : (
              <View className='lec-photos__thumb' aria-label={`第${n + 1}张照片`} />
            )}
            {!item.url && !item.error ? (
              <Text className='lec-photos__status' role='status'>
                上传中 {Math.round(item.progress * 100)}%
              </Text>
            ) : null}
            {item.error ? (
              <View
                className='lec-photos__status lec-photos__status--error'
                role='button'
                aria-label={`重新上传第${n + 1}张照片`}
                onClick={() => void send(item)}
              >
                {item.error}（点此重试）
              </View>
            ) : null}
            <View className='lec-photos__remove' role='button' aria-label={`删除第${n + 1}张照片`} onClick={() => remove(item)}>
              ×
            </View>
          </View>
        ))}
        {items.length < max ? (
          <Button role='button' className='lec-photos__add' disabled={busy || undefined} onClick={() => void pick()}>
            ＋ 添加照片
          </Button>
        ) : null}
      </View>
      <Text className='lec-form__hint'>
        拍照或从相册选择，最多{max}张，每张不超过 5 MB{busy ? '，上传中…' : ''}
      </Text>
      {notice ? (
        <Text className='lec-form__hint' role='alert'>
          {notice}
        </Text>
      ) : null}
      {isH5 ? (
        <input
          ref={inputRef}
          type='file'
          accept='image/*'
          multiple
          aria-label='选择照片'
          style={{ display: 'none' }}
          onChange={(e) => {
            const files = Array.from(e.currentTarget.files ?? [])
            e.currentTarget.value = ''
            void add(files.map((f) => ({ source: f, size: f.size, name: f.name })))
          }}
        />
      ) : null}
    </View>
  )
}
