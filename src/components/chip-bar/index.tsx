import { ScrollView, View } from '@tarojs/components'
import './index.scss'

export interface ChipOption {
  id: string
  name: string
}

/** A horizontally scrolling row of single-choice chips with an "all" chip first (value undefined). */
export function ChipBar({ options, value, allLabel = '全部', onChange }: { options: ChipOption[]; value?: string; allLabel?: string; onChange: (id?: string) => void }) {
  return (
    <ScrollView scrollX className='chip-bar' enhanced showScrollbar={false}>
      {[{ id: '', name: allLabel }, ...options].map((o) => {
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
