import { useState } from 'react'
import { Card } from '@/components/card'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import {
  isMobile,
  LECTURE_AUDIENCE_MAX,
  LECTURE_LEAD_DAYS_DEFAULT,
  LECTURE_NOTE_MAX,
  LECTURE_ORDER_HORIZON_DAYS,
  type LectureFormat,
  lectureFormatLabel,
  type LectureOrder,
  type LectureTopic,
  type Role,
  type TimeOfDay,
  timeOfDayLabel,
} from '@common/contract'
import { useSubmit } from '@/utils/use-submit'
import { addDays, shanghaiToday } from '@common/shanghai-date'
import { submitLectureOrder } from '../api/lectures'
import { lectureTemplateIds } from '../config'
import { usePrivacyGate } from '../hooks/use-privacy-gate'
import { PrivacyPopup } from './privacy-popup'
import { RegionPicker } from '@/components/region-picker'
import './lectures.scss'

export interface OrderFormProps {
  topics: LectureTopic[]
  role: Role
  initialTopic?: string
  /** now, for "today" (tests pin it) */
  now?: () => Date
  /** 提前预约: the server's lead time in days (GET /app-config) */
  leadDays?: number
  /** what the form starts with: a 便民服务点's bound village and its staff member, the last contact used */
  initial?: OrderPrefill
  onSubmitted: (order: LectureOrder) => void
}

export interface OrderPrefill {
  villageCode?: string
  contactName?: string
  contactPhone?: string
}

const CONTACT_KEY = 'zct-lecture-contact'

/** the contact of the last order sent from this device (换人 clears storage with the rest) */
function lastContact(): OrderPrefill {
  try {
    const kept = JSON.parse(String(Taro.getStorageSync(CONTACT_KEY) || '{}')) as OrderPrefill
    return {
      contactName: typeof kept.contactName === 'string' ? kept.contactName : undefined,
      contactPhone: typeof kept.contactPhone === 'string' ? kept.contactPhone : undefined,
    }
  } catch {
    return {}
  }
}

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

const TIMES: TimeOfDay[] = ['morning', 'afternoon', 'evening']

/**
 * 点单: topic, format, village, preferred dates (from today + the lead time, Beijing) and time of day,
 * audience, contact. The server checks everything again; this only hints early. The
 * Idempotency-Key belongs to this intent: a retry after a lost answer reuses it.
 */
export function OrderForm({
  topics,
  role,
  initialTopic,
  now = () => new Date(),
  leadDays = LECTURE_LEAD_DAYS_DEFAULT,
  initial = {},
  onSubmitted,
}: OrderFormProps) {
  const today = shanghaiToday(now())
  // the server refuses anything earlier (提前预约); the pickers start there
  const firstDay = addDays(today, leadDays)
  const lastDay = addDays(today, LECTURE_ORDER_HORIZON_DAYS)
  const [kept] = useState(lastContact)
  const [topicId, setTopicId] = useState(initialTopic && topics.some((t) => t.id === initialTopic) ? initialTopic : '')
  const topic = topics.find((t) => t.id === topicId)
  const [format, setFormat] = useState<LectureFormat | undefined>(topic?.formats[0])
  const [villageCode, setVillageCode] = useState(initial.villageCode ?? '')
  const [placeName, setPlaceName] = useState('')
  const [dateFrom, setDateFrom] = useState('')
  const [dateTo, setDateTo] = useState('')
  const [timeOfDay, setTimeOfDay] = useState<TimeOfDay>('afternoon')
  const [audience, setAudience] = useState('')
  const [contactName, setContactName] = useState(initial.contactName ?? kept.contactName ?? '')
  const [contactPhone, setContactPhone] = useState(initial.contactPhone ?? kept.contactPhone ?? '')
  const [notes, setNotes] = useState('')
  const [notice, setNotice] = useState<string>()
  const { busy, error, run } = useSubmit()
  const privacy = usePrivacyGate()

  const chooseTopic = (id: string) => {
    setTopicId(id)
    setFormat(topics.find((t) => t.id === id)?.formats[0])
  }

  const problem = (): string | undefined => {
    if (!topic) return '请选择宣讲专题'
    if (!villageCode || villageCode.length < 12) return '请选择宣讲所在的村（社区）'
    if (!placeName.trim()) return '请填写宣讲地点'
    if (!dateFrom || !dateTo) return '请选择希望的日期范围'
    if (dateFrom < today || dateTo < today) return '不能选择已经过去的日期'
    if (dateFrom < firstDay) return `宣讲需至少提前${leadDays}天预约，最早可选${monthDay(firstDay)}`
    if (dateTo < dateFrom) return '结束日期不能早于开始日期'
    const n = Number(audience)
    if (!Number.isInteger(n) || n < 1 || n > LECTURE_AUDIENCE_MAX) return `请填写预计听众人数（1到${LECTURE_AUDIENCE_MAX}人）`
    if (!contactName.trim()) return '请填写联系人'
    if (!isMobile(contactPhone.trim())) return '手机号格式不正确，请填写11位手机号'
    return undefined
  }

  const submit = () => {
    // asked at the tap itself: WeChat only shows the subscription dialog from a user gesture
    const tmplIds = lectureTemplateIds()
    if (process.env.TARO_ENV === 'weapp' && tmplIds.length > 0) {
      Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option).catch(() => undefined)
    }
    void send()
  }

  const send = async () => {
    setNotice(undefined)
    const outcome = await run(
      (key) =>
        submitLectureOrder(
          {
            topicId,
            format,
            villageCode,
            placeName: placeName.trim(),
            dateFrom,
            dateTo,
            timeOfDay,
            audienceSize: Number(audience),
            contactName: contactName.trim(),
            contactPhone: contactPhone.trim(),
            notes: notes.trim() || undefined,
          },
          topic!.title,
          key,
        ),
      problem,
      // queued: still this intent, kept in 待发送 — tapping again sends the same order, never a second
      (o) => o.status === 'sent',
    )
    if (!outcome) return
    Taro.setStorageSync(CONTACT_KEY, JSON.stringify({ contactName: contactName.trim(), contactPhone: contactPhone.trim() }))
    // kept in 待发送 with its key: it goes out by itself when the network is back
    if (outcome.status === 'queued') setNotice('已保存，联网后自动发送（见「我的」→「待发送」）；再点「提交点单」也只会提交这一单')
    else onSubmitted(outcome.data)
  }

  const topicIndex = topics.findIndex((t) => t.id === topicId)
  return (
    <Card className='lec-form lec-first'>
      {role === 'staff' ? <View className='lec-notice'>您是便民服务点工作人员：本单为代村（社区）点单，进度消息发给您。</View> : null}

      <Text className='lec-form__label'>宣讲专题</Text>
      <Picker
        mode='selector'
        range={topics.map((t) => t.title)}
        value={Math.max(0, topicIndex)}
        onChange={(e) => chooseTopic(topics[Number(e.detail.value)].id)}
      >
        <View className='form-field' role='button' aria-label={`宣讲专题：${topic?.title ?? '请选择'}`}>
          <Text className={topic ? '' : 'lec-placeholder'}>{topic?.title ?? '请选择'}</Text>
          <Text aria-hidden>▾</Text>
        </View>
      </Picker>
      {topic ? (
        <Text className='lec-form__hint'>
          {topic.department} · 约{topic.durationMin}分钟 · 宣讲员：{topic.lecturers.map((l) => l.name).join('、')}
        </Text>
      ) : null}

      {topic && topic.formats.length > 1 ? (
        <>
          <Text className='lec-form__label'>宣讲形式</Text>
          <View className='lec-choices' role='radiogroup' aria-label='宣讲形式'>
            {topic.formats.map((f) => (
              <View
                key={f}
                className={`lec-choice ${format === f ? 'lec-choice--on' : ''}`}
                role='radio'
                aria-checked={format === f}
                onClick={() => setFormat(f)}
              >
                {lectureFormatLabel[f]}
              </View>
            ))}
          </View>
        </>
      ) : null}

      <Text className='lec-form__label'>宣讲地点</Text>
      <RegionPicker value={villageCode} onChange={setVillageCode} levels={['village']} label='宣讲地点' placeholder='选择宣讲所在的村（社区）' />
      <Input
        className='form-field lec-form__input'
        style={{ marginTop: '8px' }}
        value={placeName}
        maxlength={50}
        placeholder={format === 'online' ? '如：村委会会议室（线上收看地点）' : '如：村文化礼堂'}
        aria-label='具体地点'
        onInput={(e) => setPlaceName(e.detail.value)}
      />

      <Text className='lec-form__label'>希望的日期</Text>
      <View className='lec-form__split'>
        <Picker mode='date' start={firstDay} end={lastDay} value={dateFrom || firstDay} onChange={(e) => setDateFrom(e.detail.value)}>
          <View className='form-field' role='button' aria-label='开始日期'>
            <Text className={dateFrom ? '' : 'lec-placeholder'}>{dateFrom || '开始日期'}</Text>
          </View>
        </Picker>
        <Picker mode='date' start={dateFrom || firstDay} end={lastDay} value={dateTo || dateFrom || firstDay} onChange={(e) => setDateTo(e.detail.value)}>
          <View className='form-field' role='button' aria-label='结束日期'>
            <Text className={dateTo ? '' : 'lec-placeholder'}>{dateTo || '结束日期'}</Text>
          </View>
        </Picker>
      </View>
      {leadDays > 0 ? (
        <Text className='lec-form__hint'>
          需至少提前{leadDays}天预约，最早可选{monthDay(firstDay)}
        </Text>
      ) : null}
      <View className='lec-choices' role='radiogroup' aria-label='时段' style={{ marginTop: '8px' }}>
        {TIMES.map((t) => (
          <View
            key={t}
            className={`lec-choice ${timeOfDay === t ? 'lec-choice--on' : ''}`}
            role='radio'
            aria-checked={timeOfDay === t}
            onClick={() => setTimeOfDay(t)}
          >
            {timeOfDayLabel[t]}
          </View>
        ))}
      </View>

      <Text className='lec-form__label'>预计听众人数</Text>
      <Input
        className='form-field lec-form__input'
        type='number'
        maxlength={4}
        value={audience}
        placeholder='如：60'
        aria-label='预计听众人数'
        onInput={(e) => setAudience(e.detail.value)}
      />

      <Text className='lec-form__label'>联系人</Text>
      <Input
        className='form-field lec-form__input'
        value={contactName}
        maxlength={20}
        placeholder='姓名'
        aria-label='联系人'
        onInput={(e) => setContactName(e.detail.value)}
      />
      <Input
        className='form-field lec-form__input'
        style={{ marginTop: '8px' }}
        type='number'
        maxlength={11}
        value={contactPhone}
        placeholder='11位手机号'
        aria-label='联系电话'
        onFocus={privacy.request}
        onInput={(e) => setContactPhone(e.detail.value)}
      />
      <Text className='lec-form__hint'>仅派单员和宣讲员可见完整号码，其他地方显示为 138****1234。</Text>

      <Text className='lec-form__label'>备注（选填）</Text>
      <Textarea
        className='lec-form__textarea'
        value={notes}
        maxlength={LECTURE_NOTE_MAX}
        placeholder='如：听众多为老年人，希望多讲办理流程'
        aria-label='备注'
        onInput={(e) => setNotes(e.detail.value)}
      />

      {error ? (
        <View className='lec-form__error' role='alert'>
          {error}
        </View>
      ) : null}
      {notice ? (
        <View className='lec-notice' role='status'>
          {notice}
        </View>
      ) : null}
      <Button role='button' className='lec-btn lec-btn--block' loading={busy} disabled={busy || undefined} onClick={submit}>
        提交点单
      </Button>
      {privacy.open ? <PrivacyPopup onAgree={privacy.agree} onDisagree={privacy.disagree} /> : null}
    </Card>
  )
}
