import { useState } from 'react'
import { Button, Input, View } from '@tarojs/components'
import { FormLabel } from '@/components/form'
import './staff-form.scss'

export interface StaffFieldProps {
  label: string
  value: string
  onInput: (value: string) => void
  placeholder?: string
  maxlength?: number
  /** a password: hidden, with 显示/隐藏 beside it when `toggle` */
  password?: boolean
  toggle?: boolean
  onConfirm?: () => void
}

/** one labelled line of a staff form: 用户名, or a password (with 显示 when asked) */
export function StaffField({ label, value, onInput, placeholder = label, maxlength = 128, password, toggle, onConfirm }: StaffFieldProps) {
  const [shown, setShown] = useState(false)
  const input = (
    <Input
      className='form-field form__input staff__input'
      value={value}
      password={password && !shown}
      maxlength={maxlength}
      placeholder={placeholder}
      aria-label={label}
      onInput={(e) => onInput(e.detail.value)}
      onConfirm={onConfirm}
    />
  )
  return (
    <>
      <FormLabel>{label}</FormLabel>
      {toggle ? (
        <View className='staff__field'>
          {input}
          <Button role='button' className='staff__toggle' aria-pressed={shown} onClick={() => setShown((v) => !v)}>
            {shown ? '隐藏' : '显示'}
          </Button>
        </View>
      ) : (
        input
      )}
    </>
  )
}
