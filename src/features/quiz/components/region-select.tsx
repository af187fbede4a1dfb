import { Picker, Text, View } from '@tarojs/components'
import type { Region } from '@common/contract'
import './region-select.scss'

export interface RegionSelectProps {
  regions: Region[]
  /** a county, township or village code, or '' */
  value: string
  onChange: (code: string) => void
}

/** 县市区 → 乡镇街道 → 村社区 (optional): the region a participant answers for. */
export function RegionSelect({ regions, value, onChange }: RegionSelectProps) {
  const county = regions.find((c) => value.startsWith(c.code))
  const townships = county?.children ?? []
  const township = townships.find((t) => value.startsWith(t.code))
  const villages = township?.children ?? []
  const village = villages.find((v) => v.code === value)
  const level = (label: string, list: Region[], picked: Region | undefined, enabled: boolean, optional = false) => (
    <Picker
      mode='selector'
      disabled={!enabled || undefined}
      range={list.map((r) => r.name)}
      value={Math.max(0, list.indexOf(picked as Region))}
      onChange={(e) => onChange(list[Number(e.detail.value)].code)}
    >
      <View
        className={`form-field region-select__field ${enabled ? '' : 'region-select__field--off'}`}
        role='button'
        aria-label={`${label}：${picked?.name ?? '未选择'}`}
        aria-disabled={!enabled}
      >
        <Text className={picked ? '' : 'region-select__placeholder'}>{picked?.name ?? `选择${label}${optional ? '（可选）' : ''}`}</Text>
        <Text aria-hidden>▾</Text>
      </View>
    </Picker>
  )
  return (
    <View className='region-select'>
      {level('县市区', regions, county, true)}
      {level('乡镇街道', townships, township, !!county)}
      {villages.length > 0 ? level('村社区', villages, village, !!township, true) : null}
    </View>
  )
}
