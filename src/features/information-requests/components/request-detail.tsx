import { useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { FormError, FormSection, FormSubmit } from '@/components/form'
import { Tag } from '@/components/tag'
import {
  FOIA_DELIVERY_LABELS,
  FOIA_EVENT_LABELS,
  FOIA_FORMAT_LABELS,
  FOIA_STATUS_LABELS,
  FOIA_TEXT_MAX,
  type InformationRequest,
  type InformationRequestDetail,
} from '@common/contract'
import { inShanghai } from '@common/shanghai-date'
import { useSubmit } from '@/utils/use-submit'
import { openReplyPdf, sendCorrection } from '../api'
import { deadlineText } from '../status-text'
import './foia.scss'

const isAnswered = (r: InformationRequest) => r.status === 'answered' || r.status === 'closed'

/** the tag of an application's status: 已答复 green, 待补正 amber, otherwise red once overdue */
export function StatusTag({ request: r }: { request: InformationRequest }) {
  const tone = isAnswered(r) ? 'success' : r.status === 'correction' ? 'warning' : r.overdue ? 'danger' : 'primary'
  return <Tag tone={tone}>{FOIA_STATUS_LABELS[r.status]}</Tag>
}

/** the due date in working days, in red once it has passed */
export function Deadline({ request: r }: { request: InformationRequest }) {
  return <Text className={`foia__meta ${r.overdue && !isAnswered(r) ? 'foia__late' : ''}`}>{deadlineText(r)}</Text>
}

/** 申请已提交: the number to keep, right after 提交申请 */
export function Acknowledgement({ number }: { number: string }) {
  return (
    <View className='foia__ack' role='status'>
      <Text className='foia__title'>申请已提交</Text>
      <Text className='foia__ack-number'>申请编号 {number}</Text>
      <Text className='foia__meta'>请记下编号，可在「我的 › 我的信息公开申请」查看办理进度。</Text>
    </View>
  )
}

/** the application itself: what, from whom, by whom, and its due date */
export function RequestSummary({ request: r, className }: { request: InformationRequest; className?: string }) {
  return (
    <Card className={className}>
      <View className='foia__row'>
        <Text className='foia__title'>{r.infoTitle}</Text>
        <StatusTag request={r} />
      </View>
      {r.docNumber ? <Text className='foia__meta'>文号：{r.docNumber}</Text> : null}
      <Text className='foia__meta'>申请编号：{r.number}</Text>
      <Text className='foia__meta'>受理机关：{r.orgName}</Text>
      <Text className='foia__meta'>
        申请人：{r.name}（证件 {r.idNumberMasked}）
      </Text>
      <Text className='foia__meta'>
        获取方式：{FOIA_FORMAT_LABELS[r.format]} · {FOIA_DELIVERY_LABELS[r.delivery]}
      </Text>
      <Deadline request={r} />
    </Card>
  )
}

/** 需要补正: what the office asked for, and the resident's answer (sent once, also after a lost network) */
export function CorrectionForm({ request: r, onSent }: { request: InformationRequest; onSent: () => void }) {
  const [text, setText] = useState('')
  const { busy, error, setError, run } = useSubmit()
  const correct = async () => {
    const outcome = await run(
      (key) => sendCorrection(r.id, text.trim(), key),
      () => (text.trim() ? undefined : '请填写补正内容'),
      (o) => o.status !== 'queued',
    )
    if (!outcome) return
    if (outcome.status === 'queued') return setError(`${outcome.reason}。补正已保存在「待发送」，联网后会自动提交`)
    setText('')
    void Taro.showToast({ title: '补正已提交，答复期限重新计算', icon: 'none' })
    onSent()
  }
  return (
    <Card>
      <FormSection>需要补正</FormSection>
      <Text className='foia__step-note'>{r.correctionNote}</Text>
      <Textarea
        className='form__textarea foia__textarea'
        value={text}
        maxlength={FOIA_TEXT_MAX}
        placeholder='按要求补充说明所需信息'
        aria-label='补正内容'
        onInput={(e) => setText(e.detail.value)}
      />
      <FormError message={error} />
      <FormSubmit busy={busy} onClick={correct}>
        提交补正
      </FormSubmit>
    </Card>
  )
}

/** 答复: its kind, ground and fee, and the 答复书 to download */
export function ReplyCard({ request: r }: { request: InformationRequest }) {
  if (!r.reply) return null
  const download = async () => {
    try {
      await openReplyPdf(r.id, r.number)
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '下载失败', icon: 'none' })
    }
  }
  return (
    <Card>
      <FormSection>答复：{r.reply.typeLabel}</FormSection>
      {r.reply.ground ? <Text className='foia__meta'>依据：{r.reply.ground}</Text> : null}
      {r.reply.holder ? <Text className='foia__meta'>请向{r.reply.holder}咨询</Text> : null}
      {r.reply.text ? <Text className='foia__step-note'>{r.reply.text}</Text> : null}
      {r.reply.fee ? (
        <Text className='foia__meta'>
          信息处理费 {r.reply.fee.amount} 元（{r.reply.fee.basis}）
        </Text>
      ) : null}
      <FormSubmit onClick={() => void download()}>下载答复书（PDF）</FormSubmit>
    </Card>
  )
}

/** 办理过程: every step with its time (a 公开 step's note is the reply itself, shown above) */
export function RequestTimeline({ request: r }: { request: InformationRequestDetail }) {
  return (
    <Card>
      <FormSection>办理过程</FormSection>
      {r.timeline.map((e, i) => (
        <View key={i} className='foia__step'>
          <Text className='foia__step-title'>
            {FOIA_EVENT_LABELS[e.kind]} · {inShanghai(e.at).format('YYYY-MM-DD HH:mm')}
          </Text>
          {e.note && e.kind !== 'disclose' ? <Text className='foia__step-note'>{e.note}</Text> : null}
        </View>
      ))}
    </Card>
  )
}
