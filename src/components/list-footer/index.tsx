import { Button, Text, View } from '@tarojs/components'
import './index.scss'

export interface ListFooterProps {
  loading: boolean
  hasMore: boolean
  error?: string
  count: number
  /** loads the next page: after an error (重试), or by tapping 加载更多 */
  onRetry: () => void
}

/**
 * The end of an infinite list: loading, retry after an error, "没有更多了", or a 加载更多 button —
 * scrolling to the bottom loads the next page too, but it must not be the only way (适老化: no
 * gesture-only actions, and a missed scroll event never strands the list).
 */
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
  if (hasMore && count > 0) {
    return (
      <View className='list-footer'>
        <Button role='button' className='list-footer__retry' onClick={onRetry}>
          加载更多
        </Button>
      </View>
    )
  }
  return null
}
