import { Button, Input, Text, View } from '@tarojs/components'
import { Card } from '@/components/card'
import type { SignInResult } from '@common/contract'
import { inShanghai } from '@common/shanghai-date'
import './lectures.scss'

/** 签到成功 (or 您已签到过): the lecture, the time and how many are there */
export function SignInDone({ done }: { done: SignInResult }) {
  return (
    <Card className='lec-card lec-first'>
      <View role='status'>
        <Text className='lec-card__title'>{done.already ? '您已签到过' : '签到成功'}</Text>
        <Text className='lec-card__summary'>{done.topicTitle}</Text>
        <Text className='lec-card__meta'>
          签到时间 {inShanghai(done.signedInAt).format('M月D日 HH:mm')} · 本场已签到 {done.signedIn} 人
        </Text>
      </View>
    </Card>
  )
}

export interface SignInCodeFormProps {
  code: string
  onCode: (code: string) => void
  busy: boolean
  error?: string
  onSend: () => void
  /** weapp: 扫码签到 */
  onScan?: () => void
}

/** the six digits the lecturer shows (or, in the mini-program, 扫码签到) */
export function SignInCodeForm({ code, onCode, busy, error, onSend, onScan }: SignInCodeFormProps) {
  return (
    <Card className='lec-form lec-first'>
      {onScan ? (
        <Button role='button' className='lec-btn lec-btn--block' onClick={onScan}>
          扫码签到
        </Button>
      ) : null}
      <Text className='lec-form__label'>输入签到码</Text>
      <Input
        className='form-field lec-form__input'
        type='number'
        maxlength={6}
        value={code}
        placeholder='宣讲员出示的6位数字'
        aria-label='签到码'
        onInput={(e) => onCode(e.detail.value)}
      />
      {error ? (
        <View className='lec-form__error' role='alert'>
          {error}
        </View>
      ) : null}
      <Button role='button' className='lec-btn lec-btn--block' loading={busy} disabled={busy || undefined} onClick={onSend}>
        签到
      </Button>
    </Card>
  )
}
