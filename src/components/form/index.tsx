import { Button, Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

/**
 * The pieces every resident form repeats (咨询, 依申请公开, 补正): one stylesheet, so a change of
 * spacing or of the elder-mode tap size is one edit. A page keeps its own class beside ours where a
 * test or a page rule needs to find the element.
 */

export function FormSection({ children }: { children: ReactNode }) {
  return <Text className='form__section'>{children}</Text>
}

export function FormLabel({ children }: { children: ReactNode }) {
  return <Text className='form__label'>{children}</Text>
}

/** what is wrong with the form, read out at once (nothing when there is no message) */
export function FormError({ message, className }: { message?: string; className?: string }) {
  if (!message) return null
  return (
    <View className={`form__error ${className ?? ''}`} role='alert'>
      {message}
    </View>
  )
}

export function FormHint({ className, children }: { className?: string; children: ReactNode }) {
  return <Text className={`form__hint ${className ?? ''}`}>{children}</Text>
}

/** the form's one main button: busy shows a spinner and takes no second tap */
export function FormSubmit({ busy, onClick, className, children }: { busy?: boolean; onClick: () => void; className?: string; children: ReactNode }) {
  return (
    <Button role='button' className={`form__submit ${className ?? ''}`} loading={busy} disabled={busy || undefined} onClick={onClick}>
      {children}
    </Button>
  )
}

/**
 * a picker's face: the chosen name, or the placeholder in grey, and the ▾; `name` is what a screen
 * reader says (not `ariaLabel`: Taro's build renames a JSX attribute ariaXxx to aria-xxx, so a
 * component prop of that name never arrives)
 */
export function PickerFace({ text, placeholder, name, className }: { text?: string; placeholder: string; name: string; className?: string }) {
  return (
    <View className={`form-field ${className ?? ''}`} role='button' aria-label={name}>
      <Text className={text ? '' : 'form__placeholder'}>{text ?? placeholder}</Text>
      <Text aria-hidden>▾</Text>
    </View>
  )
}
