import { Picker, Text, View } from '@tarojs/components'
import type { Region } from '@common/contract'
import './region-picker.scss'

export interface RegionPickerProps {
  regions: Region[]
  /** county code, township code, or '' */
  value: string
  onChange: (code: string) => void
}

/** 县市区 then 乡镇街道: two pickers, the second filled by the first. */
export function RegionPicker({ regions, value, onChange }: RegionPickerProps) {
  const county = regions.find((c) => value.startsWith(c.code))
  const townships = county?.children ?? []
  const township = townships.find((t) => value.startsWith(t.code))
  return (
    <View className='region-picker'>
      <Picker
        mode='selector'
        range={regions.map((r) => r.name)}
        value={Math.max(0, regions.indexOf(county as Region))}
        onChange={(e) => onChange(regions[Number(e.detail.value)].code)}
      >
        <View className='form-field' role='button' aria-label={county ? `选择县市区：${county.name}` : '选择县市区'}>
          <Text className={county ? '' : 'region-picker__placeholder'}>{county?.name ?? '选择县市区'}</Text>
          <Text aria-hidden>▾</Text>
        </View>
      </Picker>
      <Picker
        mode='selector'
        disabled={!county || undefined}
        range={townships.map((t) => t.name)}
        value={Math.max(0, townships.indexOf(township as Region))}
        onChange={(e) => onChange(townships[Number(e.detail.value)].code)}
      >
        <View
          className={`form-field ${county ? '' : 'region-picker__field--off'}`}
          role='button'
          aria-label={township ? `选择乡镇街道：${township.name}` : '选择乡镇街道（可选）'}
          aria-disabled={!county}
        >
          <Text className={township ? '' : 'region-picker__placeholder'}>{township?.name ?? '选择乡镇街道（可选）'}</Text>
          <Text aria-hidden>▾</Text>
        </View>
      </Picker>
    </View>
  )
}
