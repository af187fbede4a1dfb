import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { routes } from '@/utils/routes'
import { IDLE_CHOICES, type ServicePoint } from '../stores/service-point-store'
import './bind-parts.scss'

const idleLabel = (s: number) => (s === 0 ? '不自动' : s < 120 ? `${s} 秒` : `${s / 60} 分钟`)

/** someone who is not service-point staff: sign in first */
export function StaffNeeded() {
  return (
    <Card className='sp-bind__card'>
      <View className='sp-bind__stack' role='alert'>
        <Text className='sp-bind__title'>需要便民服务点工作人员登录</Text>
        <Text>请在「我的」以工作人员身份登录后，再把本机设为村（社区）便民服务点。</Text>
        <Button role='button' className='sp-bind__primary' onClick={() => Taro.switchTab({ url: routes.mine })}>
          去登录
        </Button>
      </View>
    </Card>
  )
}

/** the village this device serves, who set it, and the ways to change or end it */
export function BoundPoint({ point, onChange, onUnbind }: { point: ServicePoint; onChange: () => void; onUnbind: () => void }) {
  return (
    <Card className='sp-bind__card'>
      <View className='sp-bind__stack'>
        <Text className='sp-bind__title'>本机是 {point.villageName} 便民服务点</Text>
        <Text>{point.place}</Text>
        <Text className='sp-bind__meta'>由 {point.staffName} 设置</Text>
        <Button role='button' className='sp-bind__primary' onClick={() => Taro.switchTab({ url: routes.home })}>
          回到首页
        </Button>
        <Button role='button' className='sp-bind__secondary' onClick={onChange}>
          改为其他村（社区）
        </Button>
        <Button role='button' className='sp-bind__secondary' onClick={onUnbind}>
          取消便民服务点模式
        </Button>
      </View>
    </Card>
  )
}

/** 无人操作时自动换人 (H5): after how long without a touch the next resident starts afresh */
export function IdleChoice({ value, onChange }: { value: number; onChange: (seconds: number) => void }) {
  return (
    <>
      <View className='section__title' role='heading' aria-level={2}>
        <Text>无人操作时自动换人（网页版）</Text>
      </View>
      <View className='sp-bind__idle' role='radiogroup' aria-label='无人操作多久后回到首页'>
        {IDLE_CHOICES.map((s) => (
          <View
            key={s}
            className={`sp-bind__idle-option ${value === s ? 'sp-bind__idle-option--on' : ''}`}
            role='radio'
            aria-checked={value === s}
            onClick={() => onChange(s)}
          >
            {idleLabel(s)}
          </View>
        ))}
      </View>
      <Text className='sp-bind__note'>在服务点的平板或电脑上用网页版时，超过这段时间无人操作，会清除上一位的记录并回到首页。</Text>
    </>
  )
}
