import { Text, View } from '@tarojs/components'
import { isOffline, useNetworkStore } from '@/api'
import { useOutbox } from '@/api/use-outbox'
import './index.scss'

/**
 * Shown on every page (ThemePage) while the network or the server is away. Online it draws
 * nothing and reads nothing: the outbox (in storage) is read only for the banner's count.
 */
export function OfflineBanner() {
  const offline = useNetworkStore(isOffline)
  return offline ? <OfflineNotice /> : null
}

function OfflineNotice() {
  const online = useNetworkStore((s) => s.online)
  const { mine, others } = useOutbox()
  const waiting = mine.filter((e) => e.state === 'pending').length + others
  return (
    <View className='offline-banner' role='status' aria-live='polite'>
      <Text className='offline-banner__title'>{online ? '连不上服务器' : '网络已断开'}</Text>
      <Text className='offline-banner__text'>
        正在显示上次保存的内容{waiting > 0 ? `；${waiting} 项操作待发送，联网后自动发送` : '；您的提交会在联网后自动发送'}
      </Text>
    </View>
  )
}
