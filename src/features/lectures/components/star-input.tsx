import { View } from '@tarojs/components'
import './lectures.scss'

/** 1–5 stars, each a tap target of its own. */
export function StarInput({ value, onChange }: { value: number; onChange: (stars: number) => void }) {
  return (
    <View className='lec-stars' role='radiogroup' aria-label='评分'>
      {[1, 2, 3, 4, 5].map((n) => (
        <View
          key={n}
          className={`lec-star ${n <= value ? 'lec-star--on' : ''}`}
          role='radio'
          aria-checked={n === value}
          aria-label={`${n}星`}
          onClick={() => onChange(n)}
        >
          ★
        </View>
      ))}
    </View>
  )
}
