import { ScrollView, View } from '@tarojs/components'
import './index.scss'

export interface ChipOption {
  id: string
  name: string
}

export interface ChipBarProps {
  options: ChipOption[]
  value?: string
  /** the label of the first chip, which stands for "no filter" (value undefined); null for none */
  allLabel?: string | null
  onChange: (id?: string) => void
}

/** A horizontally scrolling row of single-choice chips. */
export function ChipBar({ options, value, allLabel = '全部', onChange }: ChipBarProps) {
  const chips = allLabel === null ? options : [{ id: '', name: allLabel }, ...options]
  return (
    <ScrollView scrollX className='chip-bar' enhanced showScrollbar={false}>
      {chips.map((o) => {
        const on = (value ?? '') === o.id
        return (
          <View key={o.id || 'all'} className={`chip ${on ? 'chip--on' : ''}`} role='button' aria-pressed={on} onClick={() => onChange(o.id || undefined)}>
            {o.name}
          </View>
        )
      })}
    </ScrollView>
  )
}
