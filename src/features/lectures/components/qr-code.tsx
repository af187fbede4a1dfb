/**
 * A QR code drawn with Views, one per run of dark modules in a row: the same on weapp and H5,
 * no canvas, and a few hundred nodes. uqr (unjs, zero dependencies, ~4 KB gzip) encodes; it is
 * imported only here, and only the lecture subpackage uses this component.
 */
import { useMemo } from 'react'
import { View } from '@tarojs/components'
import { encode } from 'uqr'
import './lectures.scss'

export interface QrCodeProps {
  text: string
  /** the side of the code in px */
  size?: number
  label: string
}

/** each row as [start, length] runs of dark modules */
export function qrRuns(text: string): { modules: number; rows: [number, number][][] } {
  const { data } = encode(text, { ecc: 'M', border: 2 })
  const rows = data.map((row) => {
    const runs: [number, number][] = []
    row.forEach((dark, x) => {
      if (!dark) return
      const last = runs[runs.length - 1]
      if (last && last[0] + last[1] === x) last[1]++
      else runs.push([x, 1])
    })
    return runs
  })
  return { modules: data.length, rows }
}

export function QrCode({ text, size = 240, label }: QrCodeProps) {
  const { modules, rows } = useMemo(() => qrRuns(text), [text])
  const cell = Math.floor(size / modules)
  return (
    <View className='lec-qr' role='img' aria-label={label}>
      {rows.map((runs, y) => (
        <View key={y} className='lec-qr__row' style={{ width: `${cell * modules}px`, height: `${cell}px`, position: 'relative' }}>
          {runs.map(([x, n]) => (
            <View
              key={x}
              className='lec-qr__cell lec-qr__cell--on'
              style={{ position: 'absolute', left: `${x * cell}px`, top: 0, width: `${n * cell}px`, height: `${cell}px` }}
            />
          ))}
        </View>
      ))}
    </View>
  )
}
