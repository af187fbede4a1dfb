import { useRef, useState } from 'react'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api'
import { LECTURE_ORDER_HORIZON_DAYS, type LectureAction, type LectureOrder, type LectureTopic } from '@common/contract'
import { newIdempotencyKey } from '@/utils/idempotency'
import { addDays, inShanghai, shanghaiToday } from '@common/shanghai-date'
import { lectureSteps } from '../api/lectures'
import { actionLabel } from '../labels'
import { PhotoPicker } from './photo-picker'
import { StarInput } from './star-input'
import './lectures.scss'

export interface OrderActionsProps {
  order: LectureOrder
  /** the topic's lecturers, for 派单 */
  lecturers?: LectureTopic['lecturers']
  /** attendees signed in so far, to prefill 到场人数 */
  signedIn?: number
  now?: () => Date
  onChanged: (order: LectureOrder) => void
}

/** the label of each action's button, as the person taking it says it */
const buttonLabel: Record<LectureAction, string> = {
  dispatch: '派单',
  reject: '驳回',
  accept: '接单',
  decline: '无法接单',
  schedule: '排期',
  complete: '填写完成报告',
  cancel: '取消点单',
  rate: '评价',
}

/**
 * What the caller may do next with an order (the server's `actions`), each with its small form.
 * Every submission has its own Idempotency-Key, kept until it succeeds.
 */
export function OrderActions({ order, lecturers = [], signedIn = 0, now = () => new Date(), onChanged }: OrderActionsProps) {
  const [open, setOpen] = useState<LectureAction>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const keys = useRef(new Map<LectureAction, string>())
  const keyFor = (a: LectureAction) => {
    if (!keys.current.has(a)) keys.current.set(a, newIdempotencyKey())
    return keys.current.get(a)!
  }
  const today = shanghaiToday(now())
  // the wished dates, unless they have passed: never a day before today (the server refuses past times)
  const firstDay = order.dateFrom > today ? order.dateFrom : today
  const pastTime = (): boolean => {
    const t = inShanghai(now())
    return date === today && time <= t.format('HH:mm')
  }

  const [lecturerId, setLecturerId] = useState(order.lecturerId ?? '')
  const [note, setNote] = useState('')
  const [reason, setReason] = useState('')
  const [date, setDate] = useState(order.schedule?.date ?? '')
  const [time, setTime] = useState(order.schedule?.time ?? '14:30')
  const [place, setPlace] = useState(order.schedule?.place ?? order.placeName)
  const [attendance, setAttendance] = useState(signedIn > 0 ? String(signedIn) : '')
  const [summary, setSummary] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [photosBusy, setPhotosBusy] = useState(false)
  const [stars, setStars] = useState(0)
  const [comment, setComment] = useState('')

  if (order.actions.length === 0) return null

  const run = async (action: LectureAction, call: (key: string) => Promise<LectureOrder>, check?: () => string | undefined) => {
    const problem = check?.()
    setError(problem)
    if (problem || busy) return
    setBusy(true)
    try {
      const next = await call(keyFor(action))
      keys.current.delete(action)
      setOpen(undefined)
      void Taro.showToast({ title: `已${actionLabel[action]}`, icon: 'none' })
      onChanged(next)
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '操作失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  const tap = (action: LectureAction) => {
    setError(undefined)
    if (action === 'accept') return void run('accept', (key) => lectureSteps.accept(order.id, key))
    if (action === 'cancel') {
      return void Taro.showModal({ title: '取消点单', content: '确定取消这次宣讲点单吗？' }).then((r) => {
        if (r.confirm) void run('cancel', (key) => lectureSteps.cancel(order.id, undefined, key))
      })
    }
    setOpen(open === action ? undefined : action)
  }

  const submitButton = (label: string, onClick: () => void) => (
    <Button role='button' className='lec-btn lec-btn--block' loading={busy} disabled={busy || undefined} onClick={onClick}>
      {label}
    </Button>
  )

  return (
    <View className='lec-actions'>
      <View className='lec-row'>
        {order.actions.map((a) => (
          <Button
            key={a}
            role='button'
            className={`lec-btn ${a === 'reject' || a === 'decline' || a === 'cancel' ? 'lec-btn--danger' : open === a ? '' : a === 'accept' ? '' : 'lec-btn--ghost'}`}
            disabled={busy || undefined}
            onClick={() => tap(a)}
          >
            {a === 'schedule' && order.status === 'scheduled' ? '改期' : buttonLabel[a]}
          </Button>
        ))}
      </View>

      {open === 'dispatch' ? (
        <View>
          <Text className='lec-form__label'>选择宣讲员</Text>
          <View className='lec-choices' role='radiogroup' aria-label='宣讲员'>
            {lecturers.map((l) => (
              <View
                key={l.id}
                className={`lec-choice ${lecturerId === l.id ? 'lec-choice--on' : ''}`}
                role='radio'
                aria-checked={lecturerId === l.id}
                onClick={() => setLecturerId(l.id)}
              >
                {l.name}
              </View>
            ))}
          </View>
          <Input
            className='form-field lec-form__input'
            style={{ marginTop: '8px' }}
            value={note}
            maxlength={200}
            placeholder='派单说明（选填）'
            aria-label='派单说明'
            onInput={(e) => setNote(e.detail.value)}
          />
          {submitButton('确认派单', () =>
            run(
              'dispatch',
              (key) => lectureSteps.dispatch(order.id, { lecturerId, note: note.trim() || undefined }, key),
              () => (lecturerId ? undefined : '请选择宣讲员'),
            ),
          )}
        </View>
      ) : null}

      {open === 'reject' || open === 'decline' ? (
        <View>
          <Text className='lec-form__label'>{open === 'reject' ? '驳回原因' : '无法接单的原因'}</Text>
          <Textarea
            className='lec-form__textarea'
            value={reason}
            maxlength={200}
            placeholder={open === 'reject' ? '如：该村本月已安排同类宣讲' : '如：当天已有其他宣讲任务'}
            aria-label='原因'
            onInput={(e) => setReason(e.detail.value)}
          />
          {submitButton(open === 'reject' ? '确认驳回' : '退回派单员', () =>
            run(
              open,
              (key) => (open === 'reject' ? lectureSteps.reject(order.id, reason.trim(), key) : lectureSteps.decline(order.id, reason.trim(), key)),
              () => (reason.trim() ? undefined : '请填写原因'),
            ),
          )}
        </View>
      ) : null}

      {open === 'schedule' ? (
        <View>
          <Text className='lec-form__label'>宣讲时间</Text>
          <View className='lec-form__split'>
            <Picker
              mode='date'
              start={firstDay}
              end={addDays(today, LECTURE_ORDER_HORIZON_DAYS)}
              value={date || order.dateFrom}
              onChange={(e) => setDate(e.detail.value)}
            >
              <View className='form-field' role='button' aria-label='宣讲日期'>
                <Text className={date ? '' : 'lec-placeholder'}>{date || '选择日期'}</Text>
              </View>
            </Picker>
            <Picker mode='time' value={time} onChange={(e) => setTime(e.detail.value)}>
              <View className='form-field' role='button' aria-label='开始时间'>
                <Text>{time}</Text>
              </View>
            </Picker>
          </View>
          <Text className='lec-form__label'>宣讲地点</Text>
          <Input className='form-field lec-form__input' value={place} maxlength={50} aria-label='宣讲地点' onInput={(e) => setPlace(e.detail.value)} />
          {submitButton('确认排期', () =>
            run(
              'schedule',
              (key) => lectureSteps.schedule(order.id, { date, time, place: place.trim() }, key),
              () =>
                !date
                  ? '请选择宣讲日期'
                  : date < today
                    ? '不能选择已经过去的日期'
                    : pastTime()
                      ? '宣讲时间已经过去，请选择以后的时间'
                      : place.trim()
                        ? undefined
                        : '请填写宣讲地点',
            ),
          )}
        </View>
      ) : null}

      {open === 'complete' ? (
        <View>
          <Text className='lec-form__label'>到场人数</Text>
          <Input
            className='form-field lec-form__input'
            type='number'
            maxlength={4}
            value={attendance}
            placeholder='人数'
            aria-label='到场人数'
            onInput={(e) => setAttendance(e.detail.value)}
          />
          <Text className='lec-form__hint'>已签到 {signedIn} 人</Text>
          <Text className='lec-form__label'>宣讲小结</Text>
          <Textarea
            className='lec-form__textarea'
            value={summary}
            maxlength={500}
            placeholder='讲了哪些内容，群众关心什么问题'
            aria-label='宣讲小结'
            onInput={(e) => setSummary(e.detail.value)}
          />
          <Text className='lec-form__label'>现场照片（选填）</Text>
          <PhotoPicker onChange={setPhotos} onBusyChange={setPhotosBusy} />
          {submitButton('提交完成报告', () =>
            run(
              'complete',
              (key) => lectureSteps.complete(order.id, { attendance: Number(attendance), summary: summary.trim(), photos }, key),
              () => (!/^\d+$/.test(attendance) ? '请填写到场人数' : !summary.trim() ? '请填写宣讲小结' : photosBusy ? '照片还在上传，请稍候' : undefined),
            ),
          )}
        </View>
      ) : null}

      {open === 'rate' ? (
        <View>
          <Text className='lec-form__label'>为这次宣讲打分</Text>
          <StarInput value={stars} onChange={setStars} />
          <Textarea
            className='lec-form__textarea'
            value={comment}
            maxlength={300}
            placeholder='说说您的感受（选填）'
            aria-label='评价内容'
            onInput={(e) => setComment(e.detail.value)}
          />
          {submitButton('提交评价', () =>
            run(
              'rate',
              (key) => lectureSteps.rate(order.id, { stars, comment: comment.trim() || undefined }, key),
              () => (stars ? undefined : '请选择星级'),
            ),
          )}
        </View>
      ) : null}

      {error ? (
        <View className='lec-form__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}
