import { Button, Result } from 'antd'
import { ApiRequestError } from '../api/client'

export function errorMessage(error: unknown): string {
  if (error instanceof ApiRequestError) return error.message
  return '出了点问题，请稍后重试'
}

/** a failed load: the server's Chinese message and 重试 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const forbidden = error instanceof ApiRequestError && error.status === 403
  return (
    <Result
      status={forbidden ? '403' : 'error'}
      title={forbidden ? '没有权限' : '加载失败'}
      subTitle={errorMessage(error)}
      extra={
        onRetry && !forbidden ? (
          <Button type='primary' onClick={onRetry}>
            重试
          </Button>
        ) : null
      }
    />
  )
}
