import { Button, Text, View } from '@tarojs/components'
import './index.scss'

export interface EmptyStateProps {
  title: string
  hint?: string
  actionText?: string
  onAction?: () => void
}

/** Nothing to show: says why, and offers the next step. */
export function EmptyState({ title, hint, actionText, onAction }: EmptyStateProps) {
  return (
    <View className='state' role='status'>
      <View className='state__icon' aria-hidden>
        空
      </View>
      <Text className='state__title'>{title}</Text>
      {hint ? <Text className='state__hint'>{hint}</Text> : null}
      {actionText && onAction ? (
        <Button role='button' className='state__action' onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
    </View>
  )
}
