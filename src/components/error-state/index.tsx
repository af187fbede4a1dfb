import { Button, Text, View } from '@tarojs/components'
import '../empty-state/index.scss'

/** A failed load: the friendly message from ApiError and a retry button. */
export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className='state' role='alert'>
      <View className='state__icon state__icon--error' aria-hidden>
        !
      </View>
      <Text className='state__title'>{message}</Text>
      <Button role='button' className='state__action' onClick={onRetry}>
        重新加载
      </Button>
    </View>
  )
}
