import { useRef, useState } from 'react'
import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { ApiError, useRequest } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { Tag } from '@/components/tag'
import { FOIA_DELIVERY_LABELS, FOIA_EVENT_LABELS, FOIA_FORMAT_LABELS, FOIA_STATUS_LABELS, FOIA_TEXT_MAX } from '@common/contract'
import { inShanghai } from '@common/shanghai-date'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getRequest, openReplyPdf, sendCorrection } from '@/features/information-requests/api'
import { deadlineText } from '@/features/information-requests/status-text'
import { newIdempotencyKey } from '@/utils/idempotency'
import { routes } from '@/utils/routes'
import '../foia.scss'

/** one application: the acknowledgement, the due date, every step, 补正 and the 答复书 */
export default function FoiaDetailPage() {
  const { id = '', new: fresh } = useRouter().params
  const item = useRequest(() => getRequest(id), [id])
  const [correction, setCorrection] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())

  const correct = async () => {
    const text = correction.trim()
    if (!text) return setError('请填写补正内容')
    setBusy(true)
    setError(undefined)
    try {
      const outcome = await sendCorrection(id, text, key.current)
      if (outcome.status === 'queued') return setError(`${outcome.reason}。补正已保存在「待发送」，联网后会自动提交`)
      key.current = newIdempotencyKey()
      setCorrection('')
      void Taro.showToast({ title: '补正已提交，答复期限重新计算', icon: 'none' })
      void item.reload()
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '提交失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  const download = async () => {
    if (!item.data) return
    try {
      await openReplyPdf(item.data.id, item.data.number)
    } catch (e) {
      void Taro.showToast({ title: e instanceof Error ? e.message : '下载失败', icon: 'none' })
    }
  }

  if (item.loading && !item.data) return <Skeleton rows={4} />
  if (item.error && !item.data) return <ErrorState message={item.error.message} onRetry={item.reload} />
  const r = item.data!
  const answered = r.status === 'answered' || r.status === 'closed'
  return (
    <ThemePage className='foia'>
      {fresh ? (
        <View className='foia__ack' role='status'>
          <Text className='foia__title'>申请已提交</Text>
          <Text className='foia__ack-number'>申请编号 {r.number}</Text>
          <Text className='foia__meta'>请记下编号，可在「我的 › 我的信息公开申请」查看办理进度。</Text>
        </View>
      ) : null}
      <View className='foia__card'>
        <View className='foia__row'>
          <Text className='foia__title'>{r.infoTitle}</Text>
          <Tag tone={answered ? 'success' : r.status === 'correction' ? 'warning' : r.overdue ? 'danger' : 'primary'}>{FOIA_STATUS_LABELS[r.status]}</Tag>
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
        <Text className={`foia__meta ${r.overdue && !answered ? 'foia__late' : ''}`}>{deadlineText(r)}</Text>
      </View>

      {r.status === 'correction' ? (
        <View className='foia__card'>
          <Text className='foia__section'>需要补正</Text>
          <Text className='foia__step-note'>{r.correctionNote}</Text>
          <Textarea
            className='foia__textarea'
            value={correction}
            maxlength={FOIA_TEXT_MAX}
            placeholder='按要求补充说明所需信息'
            aria-label='补正内容'
            onInput={(e) => setCorrection(e.detail.value)}
          />
          {error ? (
            <View className='foia__error' role='alert'>
              {error}
            </View>
          ) : null}
          <Button role='button' className='foia__submit' loading={busy} disabled={busy || undefined} onClick={correct}>
            提交补正
          </Button>
        </View>
      ) : null}

      {r.reply ? (
        <View className='foia__card'>
          <Text className='foia__section'>答复：{r.reply.typeLabel}</Text>
          {r.reply.ground ? <Text className='foia__meta'>依据：{r.reply.ground}</Text> : null}
          {r.reply.holder ? <Text className='foia__meta'>请向{r.reply.holder}咨询</Text> : null}
          {r.reply.text ? <Text className='foia__step-note'>{r.reply.text}</Text> : null}
          {r.reply.fee ? (
            <Text className='foia__meta'>
              信息处理费 {r.reply.fee.amount} 元（{r.reply.fee.basis}）
            </Text>
          ) : null}
          <Button role='button' className='foia__submit' onClick={download}>
            下载答复书（PDF）
          </Button>
        </View>
      ) : null}

      <View className='foia__card'>
        <Text className='foia__section'>办理过程</Text>
        {r.timeline.map((e, i) => (
          <View key={i} className='foia__step'>
            <Text className='foia__step-title'>
              {FOIA_EVENT_LABELS[e.kind]} · {inShanghai(e.at).format('YYYY-MM-DD HH:mm')}
            </Text>
            {e.note && e.kind !== 'disclose' ? <Text className='foia__step-note'>{e.note}</Text> : null}
          </View>
        ))}
      </View>
      <View className='foia__card' role='link' onClick={() => Taro.navigateTo({ url: routes.foiaMine })}>
        <Text className='foia__title'>查看我的全部申请 ›</Text>
      </View>
    </ThemePage>
  )
}
