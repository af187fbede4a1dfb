import { Picker } from '@tarojs/components'
import { PickerFace } from '@/components/form'
import type { FoiaBody } from '@common/contract'

/** the two levels of the body picker: 台州市 itself or a county, then the county itself or a township */
export function BodyPicker({ bodies, value, onChange }: { bodies: FoiaBody[]; value?: string; onChange: (code: string) => void }) {
  const city = bodies[0]
  const first = city ? [{ code: city.code, name: `${city.name}（市级机关）`, children: undefined as FoiaBody[] | undefined }, ...(city.children ?? [])] : []
  const county = first.find((b) => value && (b.code === value || (value.length > 6 && value.startsWith(b.code))))
  const second = county?.children ? [{ code: county.code, name: `${county.name}（县级机关）` }, ...county.children] : []
  const firstIndex = county ? first.indexOf(county) : -1
  const secondIndex = second.findIndex((b) => b.code === value)
  return (
    <>
      <Picker mode='selector' range={first.map((b) => b.name)} value={Math.max(0, firstIndex)} onChange={(e) => onChange(first[Number(e.detail.value)].code)}>
        <PickerFace
          text={county ? first[firstIndex].name : undefined}
          placeholder='选择市级机关或县（市、区）'
          name={county ? `申请公开的机关：${county.name}` : '选择申请公开的机关'}
        />
      </Picker>
      {second.length > 1 ? (
        <Picker
          mode='selector'
          range={second.map((b) => b.name)}
          value={Math.max(0, secondIndex)}
          onChange={(e) => onChange(second[Number(e.detail.value)].code)}
        >
          <PickerFace className='foia__second' text={secondIndex >= 0 ? second[secondIndex].name : second[0].name} placeholder='' name='选择乡镇（街道）' />
        </Picker>
      ) : null}
    </>
  )
}
