import { Picker, Text, View } from '@tarojs/components'
import type { Region } from '@common/contract'
import './lectures.scss'

export interface VillagePickerProps {
  regions: Region[]
  /** a county, township or village code, or '' */
  value: string
  onChange: (code: string) => void
}

/** 县市区 → 乡镇街道 → 村社区: three pickers, each filled by the one before. */
export function VillagePicker({ regions, value, onChange }: VillagePickerProps) {
  const county = regions.find((c) => value.startsWith(c.code))
  const townships = county?.children ?? []
  const township = townships.find((t) => value.startsWith(t.code))
  const villages = township?.children ?? []
  const village = villages.find((v) => v.code === value)
  const level = (label: string, list: Region[], chosen: Region | undefined, enabled: boolean) => (
    <Picker
      mode='selector'
      disabled={!enabled || undefined}
      range={list.map((r) => r.name)}
      value={Math.max(0, chosen ? list.indexOf(chosen) : 0)}
      onChange={(e) => onChange(list[Number(e.detail.value)].code)}
    >
      <View className={`form-field ${enabled ? '' : 'lec-field--off'}`} role='button' aria-label={`选择${label}`}>
        <Text className={chosen ? '' : 'lec-placeholder'}>{chosen?.name ?? label}</Text>
        <Text aria-hidden>▾</Text>
      </View>
    </Picker>
  )
  return (
    <View className='lec-form__split'>
      {level('县市区', regions, county, true)}
      {level('乡镇街道', townships, township, Boolean(county))}
      {level('村社区', villages, village, Boolean(township))}
    </View>
  )
}
