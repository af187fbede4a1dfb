import { Text, View } from '@tarojs/components'
import './index.scss'

/**
 * An on/off switch with a label, as one tap target the size of a row: role="switch" with
 * aria-checked (Taro's H5 Switch renders an unlabeled checkbox of 52 × 32).
 */
export function ToggleSwitch({ label, checked, onChange }: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <View className='toggle-switch' role='switch' aria-checked={checked} aria-label={label} onClick={() => onChange(!checked)}>
      <Text className='toggle-switch__label'>{label}</Text>
      <View className={`toggle-switch__track ${checked ? 'toggle-switch__track--on' : ''}`} aria-hidden>
        <View className='toggle-switch__knob' />
      </View>
    </View>
  )
}
