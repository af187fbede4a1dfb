import { Button, Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import { Tag } from '@/components/tag'
import type { SessionInfo } from '@common/contract'
import { fromNow } from '@/utils/date'
import './staff-form.scss'

/** 登录设备: each device with when it signed in and was last used; 下线 for every one but this */
export function SessionList({ sessions, busy, onRevoke }: { sessions: SessionInfo[]; busy?: string; onRevoke: (s: SessionInfo) => void }) {
  return (
    <Card className='staff__first'>
      <View role='list' aria-label='登录设备'>
        {sessions.map((s) => (
          <View key={s.id} className='staff__session' role='listitem' aria-label={s.current ? `${s.device}（本机）` : s.device}>
            <View className='staff__session-main'>
              <View>
                <Text>{s.device}</Text> {s.current ? <Tag tone='success'>本机</Tag> : null}
              </View>
              <Text className='staff__session-meta'>{`登录于${fromNow(s.createdAt)} · 最近使用${fromNow(s.lastSeenAt)} · IP ${s.ip}`}</Text>
            </View>
            {s.current ? null : (
              <Button
                role='button'
                className='staff__revoke'
                aria-label={`下线 ${s.device}`}
                loading={busy === s.id}
                disabled={busy !== undefined || undefined}
                onClick={() => onRevoke(s)}
              >
                下线
              </Button>
            )}
          </View>
        ))}
      </View>
    </Card>
  )
}
