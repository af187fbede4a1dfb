import { Picker, Text, View } from '@tarojs/components'
import { ChipBar } from '@/components/chip-bar'
import type { Topic } from '@common/contract'
import './policy-filters.scss'

export interface PolicyFiltersProps {
  topics: Topic[]
  departments: string[]
  topic?: string
  dept?: string
  onChange: (next: { topic?: string; dept?: string }) => void
}

const ALL_DEPTS = '全部部门'

/** Topic chips and a department picker above the policy library. */
export function PolicyFilters({ topics, departments, topic, dept, onChange }: PolicyFiltersProps) {
  const deptOptions = [ALL_DEPTS, ...departments]
  return (
    <View className='policy-filters'>
      <ChipBar options={topics} value={topic} onChange={(id) => onChange({ topic: id, dept })} />
      <Picker
        mode='selector'
        range={deptOptions}
        value={Math.max(0, deptOptions.indexOf(dept ?? ALL_DEPTS))}
        onChange={(e) => {
          const picked = deptOptions[Number(e.detail.value)]
          onChange({ topic, dept: picked === ALL_DEPTS ? undefined : picked })
        }}
      >
        <View className='policy-filters__dept' role='button' aria-label='按发布部门筛选'>
          <Text>{dept ?? ALL_DEPTS}</Text>
          <Text className='policy-filters__caret'>▾</Text>
        </View>
      </Picker>
    </View>
  )
}
