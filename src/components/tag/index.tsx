import { Text } from '@tarojs/components'
import './index.scss'

import type { TagTone } from '@common/labels/tag-tone'

export type { TagTone }

export function Tag({ children, tone = 'primary' }: { children: string; tone?: TagTone }) {
  return <Text className={`tag tag--${tone}`}>{children}</Text>
}
