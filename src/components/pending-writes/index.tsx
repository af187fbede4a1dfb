import { Button, Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import { outbox } from '@/api'
import { useOutbox } from '@/api/use-outbox'
import { fromNow } from '@/utils/date'
import './index.scss'

/** 待发送: what the user did offline and what the server refused, with 重试 and 删除. */
export function PendingWrites() {
  const { mine, others } = useOutbox()
  if (!mine.length && !others) return null
  return (
    <View className='pending-writes' role='region' aria-label='待发送'>
      <View className='section__title' role='heading' aria-level={2}>
        <Text>待发送（{mine.length + others}）</Text>
        <Button role='button' className='pending-writes__retry' onClick={() => void outbox.flush()}>
          立即重试
        </Button>
      </View>
      <Card padding='none' className='pending-writes__list'>
        <View role='list'>
          {mine.map((e) => (
            <View key={e.id} className='pending-writes__item' role='listitem'>
              <View className='pending-writes__body'>
                <Text className='pending-writes__label'>{e.label}</Text>
                <Text className={`pending-writes__state ${e.state === 'failed' ? 'pending-writes__state--failed' : ''}`}>
                  {e.state === 'failed'
                    ? `未能提交：${e.lastError ?? '请稍后重试'}`
                    : e.notBefore !== undefined && e.lastError
                      ? `${e.lastError}，到时自动发送`
                      : `等待联网后自动发送 · ${fromNow(new Date(e.createdAt).toISOString())}`}
                </Text>
              </View>
              <Button role='button' className='pending-writes__remove' aria-label={`删除：${e.label}`} onClick={() => outbox.remove(e.id)}>
                删除
              </Button>
            </View>
          ))}
          {others ? (
            <View className='pending-writes__item' role='listitem'>
              <Text className='pending-writes__state'>另有 {others} 项上一位使用者的操作，联网后自动发送</Text>
            </View>
          ) : null}
        </View>
      </Card>
    </View>
  )
}
