import { Text, View } from '@tarojs/components'
import { useElderMode, useTextScale, useThemeStore } from '../stores/theme-store'
import { scaleLabel, TEXT_SCALES } from '@common/theme'
import './text-size.scss'

/** 长辈模式 on/off, for 首页: one large button, its state said aloud (aria-pressed). */
export function ElderModeToggle() {
  const [on, setOn] = useElderMode()
  return (
    <View className={`elder-toggle ${on ? 'elder-toggle--on' : ''}`} role='button' aria-pressed={on} onClick={() => setOn(!on)}>
      <Text className='elder-toggle__icon' aria-hidden>
        大
      </Text>
      <Text>{on ? '长辈模式：已开启' : '长辈模式'}</Text>
    </View>
  )
}

/** 字体大小 for 我的: 标准 · 大字 · 特大（长辈模式）, and 跟随微信字体 (the system setting). */
export function TextSizePicker() {
  const scale = useTextScale()
  const choice = useThemeStore((s) => s.choice)
  const system = useThemeStore((s) => s.system)
  const setChoice = useThemeStore((s) => s.setChoice)
  return (
    <View className='text-size'>
      <View className='text-size__options' role='radiogroup' aria-label='字体大小'>
        {TEXT_SCALES.map((s) => (
          <View
            key={s}
            className={`text-size__option text-size__option--${s} ${scale === s ? 'text-size__option--on' : ''}`}
            role='radio'
            aria-checked={scale === s}
            onClick={() => setChoice(s)}
          >
            {scaleLabel[s]}
          </View>
        ))}
      </View>
      <View
        className='text-size__follow'
        role='checkbox'
        aria-checked={choice === undefined}
        onClick={() => setChoice(choice === undefined ? scale : undefined)}
      >
        <Text className='text-size__box' aria-hidden>
          {choice === undefined ? '✓' : ''}
        </Text>
        <Text>跟随微信字体设置（当前：{scaleLabel[system]}）</Text>
      </View>
    </View>
  )
}
