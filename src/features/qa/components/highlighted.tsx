import { Text } from '@tarojs/components'
import { highlight } from '@/utils/highlight'

/** Text with the matched terms emphasised; plain text nodes only, never HTML. */
export function Highlighted({ text, terms, className }: { text: string; terms: string[]; className?: string }) {
  return (
    <Text className={className}>
      {highlight(text, terms).map((s, i) =>
        s.hit ? (
          <Text key={i} className='hl'>
            {s.text}
          </Text>
        ) : (
          s.text
        ),
      )}
    </Text>
  )
}
