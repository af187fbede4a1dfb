import { Button, Text, View } from '@tarojs/components'
import './index.scss'

export interface ListFooterProps {
  loading: boolean
  hasMore: boolean
  error?: string
  count: number
  onRetry: () => void
}

/** The end of an infinite list: loading, retry after an error, or "没有更多了". */
export function ListFooter({ loading, hasMore, error, count, onRetry }: ListFooterProps) {
  if (error && count > 0) {
    return (
      <View className='list-footer' role='alert'>
        <Text>{error}</Text>
        <Button role='button' className='list-footer__retry' onClick={onRetry}>
          重试
        </Button>
      </View>
    )
  }
  if (loading && count > 0) return <View className='list-footer'>加载中…</View>
  if (!hasMore && count > 0) return <View className='list-footer'>没有更多了</View>
  return null
}
