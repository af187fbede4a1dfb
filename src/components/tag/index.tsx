import { Text } from '@tarojs/components'
import './index.scss'

export type TagTone = 'primary' | 'success' | 'warning' | 'danger' | 'neutral'

export function Tag({ children, tone = 'primary' }: { children: string; tone?: TagTone }) {
  return <Text className={`tag tag--${tone}`}>{children}</Text>
}
