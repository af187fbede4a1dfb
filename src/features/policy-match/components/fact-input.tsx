import { Button, Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { PolicyMatchQuestion, Region } from '@common/contract'
import { getRegions } from '../api/policy-match'

export type FactValue = string | number | boolean

let regionsCache: Promise<Region[]> | undefined
const regions = () => (regionsCache ??= getRegions().catch((err: unknown) => ((regionsCache = undefined), Promise.reject(err))))

/** one fact's control: choices as big buttons, years and numbers as a number field */
export function FactInput({ q, county, onAnswer }: { q: PolicyMatchQuestion; county?: string; onAnswer: (v: FactValue) => void }) {
  const [text, setText] = useState('')
  const [error, setError] = useState<string>()
  const [places, setPlaces] = useState<{ value: string; label: string }[]>()

  useEffect(() => {
    setText('')
    setError(undefined)
    if (q.kind !== 'region') return
    regions()
      .then((tree) => {
        const city = tree.find((r) => r.code === '331000')
        const counties = city?.children ?? tree
        const list = q.name === 'county' ? counties : (counties.find((c) => c.code === county)?.children ?? [])
        setPlaces(list.map((r) => ({ value: r.code, label: r.name })))
      })
      .catch(() => setPlaces([]))
  }, [q.name, q.kind, county])

  const choices =
    q.kind === 'yesno'
      ? [
          { value: 'yes', label: '是' },
          { value: 'no', label: '否' },
        ]
      : q.kind === 'region'
        ? places
        : q.options
  if (choices) {
    return (
      <View className='pm-choices'>
        {choices.length === 0 ? <Text className='pm-hint'>正在载入…</Text> : null}
        {choices.map((c) => (
          <Button key={c.value} className='pm-choice' onClick={() => onAnswer(q.kind === 'yesno' ? c.value === 'yes' : c.value)}>
            {c.label}
          </Button>
        ))}
      </View>
    )
  }
  const submit = () => {
    const n = Number(text.trim())
    if (text.trim() === '' || !Number.isFinite(n)) return setError('请填写数字')
    if (q.kind !== 'number' && !Number.isInteger(n)) return setError('请填写整数')
    if (q.min !== undefined && n < q.min) return setError(`不能小于${q.min}`)
    if (q.max !== undefined && n > q.max) return setError(`不能大于${q.max}`)
    onAnswer(n)
  }
  return (
    <View className='pm-number'>
      <View className='form-field'>
        <Input
          className='pm-number__input'
          type={q.kind === 'number' ? 'digit' : 'number'}
          value={text}
          placeholder={q.kind === 'year' ? '例如 1948' : q.kind === 'month' ? '1—12' : `请填写${q.unit ? `（${q.unit}）` : ''}`}
          aria-label={q.label}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={submit}
        />
        {q.unit ? <Text>{q.unit}</Text> : null}
      </View>
      {error ? (
        <Text className='pm-error' role='alert'>
          {error}
        </Text>
      ) : null}
      <Button className='pm-primary' onClick={submit}>
        确定
      </Button>
    </View>
  )
}
