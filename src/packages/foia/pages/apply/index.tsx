import { useRef, useState } from 'react'
import { Button, Input, Picker, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ApiError, useRequest, useSessionStore } from '@/api'
import { ChipBar } from '@/components/chip-bar'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import {
  FOIA_APPLICANT_LABELS,
  FOIA_DELIVERY_LABELS,
  FOIA_FORMAT_LABELS,
  FOIA_ID_TYPE_LABELS,
  FOIA_TEXT_MAX,
  type FoiaApplicantType,
  type FoiaApplicationInput,
  type FoiaBody,
  type FoiaDelivery,
  type FoiaFormat,
  type FoiaIdType,
} from '@common/contract'
import { idNumberProblem } from '@common/foia-rules'
import { ThemePage } from '@/features/elder-mode/components/theme-page'
import { getBodies, submitApplication } from '@/features/information-requests/api'
import { askForFoiaMessages } from '@/features/information-requests/config'
import { newIdempotencyKey } from '@/utils/idempotency'
import { routes } from '@/utils/routes'
import '../foia.scss'

const DRAFT_KEY = 'zct-draft:foia'

type Draft = Partial<FoiaApplicationInput>

function readDraft(): Draft {
  const kept: unknown = Taro.getStorageSync(DRAFT_KEY)
  if (typeof kept !== 'string' || !kept.startsWith('{')) return {}
  try {
    return JSON.parse(kept) as Draft
  } catch {
    return {}
  }
}

const chips = <K extends string>(labels: Record<K, string>, only?: readonly K[]) =>
  (only ?? (Object.keys(labels) as K[])).map((id) => ({ id, name: labels[id] }))

/** the two levels of the body picker: 台州市 itself or a county, then the county itself or a township */
function BodyPicker({ bodies, value, onChange }: { bodies: FoiaBody[]; value?: string; onChange: (code: string) => void }) {
  const city = bodies[0]
  const first = city ? [{ code: city.code, name: `${city.name}（市级机关）`, children: undefined as FoiaBody[] | undefined }, ...(city.children ?? [])] : []
  const county = first.find((b) => value && (b.code === value || (value.length > 6 && value.startsWith(b.code))))
  const second = county?.children ? [{ code: county.code, name: `${county.name}（县级机关）` }, ...county.children] : []
  const firstIndex = county ? first.indexOf(county) : -1
  const secondIndex = second.findIndex((b) => b.code === value)
  return (
    <>
      <Picker mode='selector' range={first.map((b) => b.name)} value={Math.max(0, firstIndex)} onChange={(e) => onChange(first[Number(e.detail.value)].code)}>
        <View className='form-field' role='button' aria-label={county ? `申请公开的机关：${county.name}` : '选择申请公开的机关'}>
          <Text className={county ? '' : 'foia__placeholder'}>{county ? first[firstIndex].name : '选择市级机关或县（市、区）'}</Text>
          <Text aria-hidden>▾</Text>
        </View>
      </Picker>
      {second.length > 1 ? (
        <Picker
          mode='selector'
          range={second.map((b) => b.name)}
          value={Math.max(0, secondIndex)}
          onChange={(e) => onChange(second[Number(e.detail.value)].code)}
        >
          <View className='form-field foia__second' role='button' aria-label='选择乡镇（街道）'>
            <Text>{secondIndex >= 0 ? second[secondIndex].name : second[0].name}</Text>
            <Text aria-hidden>▾</Text>
          </View>
        </Picker>
      ) : null}
    </>
  )
}

export default function FoiaApplyPage() {
  const token = useSessionStore((s) => s.token)
  const bodies = useRequest(getBodies, [])
  // everything typed is kept on the device until it is submitted: a lost network, a sign-in detour or a closed app loses nothing
  const [draft, setDraft] = useState<Draft>(() => ({ applicantType: 'citizen', idType: 'id_card', format: 'electronic', delivery: 'online', ...readDraft() }))
  const restored = useRef(Object.keys(readDraft()).length > 0)
  const edit = (next: Draft) => {
    const d = { ...draft, ...next }
    setDraft(d)
    Taro.setStorageSync(DRAFT_KEY, JSON.stringify(d))
  }
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  // one key per intent: a retry after a lost answer reuses it, so the server registers the application once
  const idempotencyKey = useRef(newIdempotencyKey())

  const problem = (): string | undefined => {
    if (!draft.name?.trim()) return draft.applicantType === 'organisation' ? '请填写法人或其他组织名称' : '请填写申请人姓名'
    const idProblem = idNumberProblem(draft.idType ?? 'id_card', draft.idNumber ?? '')
    if (idProblem) return idProblem
    if (!/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(draft.phone?.trim() ?? '')) return '请填写正确的联系电话'
    if (!draft.infoTitle?.trim()) return '请填写所需信息的名称'
    if (!draft.orgCode) return '请选择申请公开的机关'
    if (draft.delivery === 'email' && !draft.email?.trim()) return '选择电子邮件获取时请填写电子邮箱'
    if (draft.delivery === 'mail' && !draft.address?.trim()) return '选择邮寄时请填写通讯地址'
    return undefined
  }

  const submit = async () => {
    const p = problem()
    setError(p)
    if (p || busy) return
    if (!token) {
      void Taro.navigateTo({ url: routes.signIn(routes.foiaApply) })
      return
    }
    // weapp: 补正, 答复 and 办结 can also come as WeChat messages (asked before any await: it needs the tap)
    askForFoiaMessages((o) => Taro.requestSubscribeMessage({ ...o, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option))
    setBusy(true)
    try {
      const input: FoiaApplicationInput = {
        applicantType: draft.applicantType ?? 'citizen',
        name: draft.name!.trim(),
        idType: draft.idType ?? 'id_card',
        idNumber: draft.idNumber!.trim(),
        phone: draft.phone!.trim(),
        ...(draft.email?.trim() ? { email: draft.email.trim() } : {}),
        ...(draft.address?.trim() ? { address: draft.address.trim() } : {}),
        infoTitle: draft.infoTitle!.trim(),
        ...(draft.docNumber?.trim() ? { docNumber: draft.docNumber.trim() } : {}),
        ...(draft.description?.trim() ? { description: draft.description.trim() } : {}),
        orgCode: draft.orgCode!,
        format: draft.format ?? 'electronic',
        delivery: draft.delivery ?? 'online',
      }
      const outcome = await submitApplication(input, idempotencyKey.current)
      Taro.removeStorageSync(DRAFT_KEY)
      if (outcome.status === 'queued') {
        setError(`${outcome.reason}。申请已保存在「待发送」，联网后会自动提交，也可以再点一次「提交申请」`)
        return
      }
      idempotencyKey.current = newIdempotencyKey()
      void Taro.redirectTo({ url: `${routes.foiaDetail(outcome.data.id)}&new=1` })
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '提交失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  if (bodies.loading && !bodies.data) return <Skeleton rows={3} />
  if (bodies.error && !bodies.data) return <ErrorState message={bodies.error.message} onRetry={bodies.reload} />

  const organisation = draft.applicantType === 'organisation'
  const field = (
    key: keyof FoiaApplicationInput,
    label: string,
    props: { placeholder?: string; maxlength?: number; type?: 'text' | 'number' | 'idcard' } = {},
  ) => (
    <>
      <Text className='foia__label'>{label}</Text>
      <Input
        className='form-field foia__input'
        value={(draft[key] as string | undefined) ?? ''}
        maxlength={props.maxlength ?? 100}
        type={props.type ?? 'text'}
        placeholder={props.placeholder ?? ''}
        aria-label={label}
        onInput={(e) => edit({ [key]: e.detail.value })}
      />
    </>
  )
  return (
    <ThemePage className='foia'>
      <View className='foia__card'>
        <Text className='foia__intro'>
          依据《中华人民共和国政府信息公开条例》，行政机关自收到申请之日起20个工作日内答复；需要补正的，自收到补正之日起计算。
        </Text>
        {restored.current ? <Text className='foia__hint'>已恢复上次未提交的内容</Text> : null}
        <Text className='foia__section'>申请人信息</Text>
        <Text className='foia__label'>申请人类型</Text>
        <ChipBar
          allLabel={null}
          options={chips(FOIA_APPLICANT_LABELS)}
          value={draft.applicantType}
          onChange={(v) => edit({ applicantType: v as FoiaApplicantType, idType: v === 'organisation' ? 'credit_code' : 'id_card' })}
        />
        {field('name', organisation ? '名称' : '姓名', { placeholder: organisation ? '法人或其他组织名称' : '申请人姓名' })}
        <Text className='foia__label'>证件类型</Text>
        <ChipBar
          allLabel={null}
          options={organisation ? chips(FOIA_ID_TYPE_LABELS, ['credit_code']) : chips(FOIA_ID_TYPE_LABELS, ['id_card', 'passport', 'hk_macao_pass'])}
          value={draft.idType}
          onChange={(v) => edit({ idType: v as FoiaIdType })}
        />
        {field('idNumber', '证件号码', { maxlength: 40, type: draft.idType === 'id_card' ? 'idcard' : 'text', placeholder: '仅受理机关可见完整号码' })}
        {field('phone', '联系电话', { maxlength: 20, type: 'number' })}
        {field('email', '电子邮箱（选填）')}
        {field('address', '通讯地址（邮寄时必填）', { maxlength: 200 })}

        <Text className='foia__section'>所需信息</Text>
        {field('infoTitle', '信息名称', { maxlength: 200, placeholder: '例如：某某区2026年老旧小区改造计划' })}
        {field('docNumber', '文号（选填）', { placeholder: '例如：台政办发〔2026〕1号' })}
        <Text className='foia__label'>内容描述（选填）</Text>
        <Textarea
          className='foia__textarea'
          value={draft.description ?? ''}
          maxlength={FOIA_TEXT_MAX}
          placeholder='便于机关查找的描述：时间、地点、事项等'
          aria-label='内容描述'
          onInput={(e) => edit({ description: e.detail.value })}
        />
        <Text className='foia__label'>申请公开的机关</Text>
        <BodyPicker bodies={bodies.data ?? []} value={draft.orgCode} onChange={(orgCode) => edit({ orgCode })} />
        <Text className='foia__label'>信息的载体形式</Text>
        <ChipBar allLabel={null} options={chips(FOIA_FORMAT_LABELS)} value={draft.format} onChange={(v) => edit({ format: v as FoiaFormat })} />
        <Text className='foia__label'>获取信息的方式</Text>
        <ChipBar allLabel={null} options={chips(FOIA_DELIVERY_LABELS)} value={draft.delivery} onChange={(v) => edit({ delivery: v as FoiaDelivery })} />

        {error ? (
          <View className='foia__error' role='alert'>
            {error}
          </View>
        ) : null}
        {token ? null : <Text className='foia__hint'>提交前需要登录，填写的内容会保留</Text>}
        <Button role='button' className='foia__submit' loading={busy} disabled={busy || undefined} onClick={submit}>
          提交申请
        </Button>
        <Text className='foia__hint'>证件号码和电话仅受理机关可见，其他页面始终隐藏部分号码。</Text>
      </View>
    </ThemePage>
  )
}
