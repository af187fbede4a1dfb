import { Text, View } from '@tarojs/components'
import './index.scss'

export interface DataTableProps {
  caption?: string
  columns: string[]
  rows: (string | number)[][]
}

/**
 * A plain table with a header row. Columns line up (a CSS table), numbers and other runs of
 * digits and letters are never split across lines, and when the columns need more room than the
 * screen has (large text), the table scrolls sideways inside its frame, not the page.
 */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  return (
    <View className='data-table' role='table' aria-label={caption}>
      {caption ? <Text className='data-table__caption'>{caption}</Text> : null}
      <View className='data-table__scroll'>
        <View className='data-table__grid'>
          <View className='data-table__row data-table__row--head' role='row'>
            {columns.map((c, i) => (
              <View key={i} className='data-table__cell' role='columnheader'>
                {c}
              </View>
            ))}
          </View>
          {rows.map((r, i) => (
            <View key={i} className='data-table__row' role='row'>
              {r.map((cell, j) => (
                <View key={j} className='data-table__cell' role={j === 0 ? 'rowheader' : 'cell'}>
                  {String(cell)}
                </View>
              ))}
            </View>
          ))}
        </View>
      </View>
    </View>
  )
}
