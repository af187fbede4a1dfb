import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { Region } from '@common/contract'
import './village-picker.scss'

/** 县市区 → 乡镇街道 → 村社区 as large buttons, one level at a time, with 返回上一级. */
export function VillagePicker({ regions, onPick }: { regions: Region[]; onPick: (village: Region, path: Region[]) => void }) {
  const [path, setPath] = useState<Region[]>([])
  const level = path.length === 0 ? regions : (path[path.length - 1].children ?? [])
  const prompt = ['请选择县市区', '请选择乡镇街道', '请选择村（社区）'][path.length] ?? ''
  return (
    <View className='village-picker'>
      <View className='village-picker__crumbs'>
        <Text>{path.length ? path.map((r) => r.name).join(' · ') : '台州市'}</Text>
        {path.length ? (
          <View className='village-picker__back' role='button' onClick={() => setPath(path.slice(0, -1))}>
            返回上一级
          </View>
        ) : null}
      </View>
      <Text className='village-picker__prompt'>{prompt}</Text>
      <View className='village-picker__grid' role='list'>
        {level.map((r) => (
          <View
            key={r.code}
            className='village-picker__item'
            role='button'
            onClick={() => (r.level === 'village' || !r.children?.length ? onPick(r, [...path, r]) : setPath([...path, r]))}
          >
            {r.name}
          </View>
        ))}
      </View>
    </View>
  )
}
