import { View } from '@tarojs/components'
import './index.scss'

/** Grey placeholder rows shown while content loads. */
export function Skeleton({ rows = 3, label = '正在加载' }: { rows?: number; label?: string }) {
  return (
    <View className='skeleton' aria-busy='true' aria-label={label} role='status'>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className='skeleton__card'>
          <View className='skeleton__line skeleton__line--title' />
          <View className='skeleton__line' />
          <View className='skeleton__line skeleton__line--short' />
        </View>
      ))}
    </View>
  )
}
