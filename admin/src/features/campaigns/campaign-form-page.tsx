import {
  App,
  Alert,
  Button,
  Card,
  Col,
  ConfigProvider,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  TreeSelect,
  Typography,
} from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import type { AdminCampaign, AdminCampaignInput, OrgNode, QuestionBank } from '@common/contract'
import { CAMPAIGN_LIMITS, CAMPAIGN_SAFE_FIELDS, EDITORIAL_ROLES } from '@common/contract'
import { ApiRequestError } from '../../api/client'
import { ErrorState, errorMessage } from '../../components/error-state'
import { useOrgs } from '../../components/org-store'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { PageHeader } from '../../components/page-header'
import { useRequest } from '../../components/use-request'
import { useCurrentUser } from '../editorial/current-user'
import { useTopics } from '../editorial/form-support'
import { bankApi, campaignApi } from '../question-banks/question-banks-api'
import { CAMPAIGN_STATUS_LABELS, monitorPath, SCORE_COUNTS_LABELS } from './labels'
import { PreviewModal } from './preview-modal'

interface Values {
  orgCode: string
  title: string
  rulesText: string
  window: [Dayjs, Dayjs]
  topicQuota: Record<string, number | null>
  secondsPerQuestion: number
  attemptsPerDay: number
  scoreCounts: 'best' | 'latest'
  regions: string[]
  prizeNote?: string
  bankId: string
  bankVersion: number
}

interface TreeOption {
  value: string
  title: string
  children?: TreeOption[]
}
const toOptions = (nodes: readonly OrgNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.code, title: n.name, ...(n.children?.length ? { children: toOptions(n.children) } : {}) }))

function inputOf(v: Values): AdminCampaignInput {
  const quota = Object.fromEntries(Object.entries(v.topicQuota ?? {}).filter((e): e is [string, number] => typeof e[1] === 'number' && e[1] > 0))
  return {
    orgCode: v.orgCode,
    title: v.title,
    rulesText: v.rulesText,
    startsAt: v.window[0].toISOString(),
    endsAt: v.window[1].toISOString(),
    topicQuota: quota,
    secondsPerQuestion: v.secondsPerQuestion,
    attemptsPerDay: v.attemptsPerDay,
    scoreCounts: v.scoreCounts,
    regions: v.regions,
    ...(v.prizeNote?.trim() ? { prizeNote: v.prizeNote.trim() } : {}),
    bankId: v.bankId,
    bankVersion: v.bankVersion,
  }
}

/** the organisation select, disabled once the campaign exists (a Form.Item passes value and onChange) */
function OrgTreeSelectField({ disabled, ...props }: { disabled: boolean; value?: string; onChange?: (code: string | undefined) => void }) {
  return (
    <ConfigProvider componentDisabled={disabled}>
      <OrgTreeSelect allowClear={false} aria-label='主办单位' {...props} />
    </ConfigProvider>
  )
}

/** 新建 / 编辑竞赛: upcoming campaigns change in everything but their bank; running ones only in the safe fields */
export function CampaignFormPage() {
  const { id } = useParams()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const user = useCurrentUser()
  const topics = useTopics()
  const { tree, load: loadOrgs } = useOrgs()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const [previewing, setPreviewing] = useState(false)
  const createKey = useRef(crypto.randomUUID())
  useEffect(() => {
    void loadOrgs()
  }, [loadOrgs])

  const loadCampaign = useCallback((signal: AbortSignal) => (id ? campaignApi.get(id, signal) : Promise.resolve(undefined)), [id])
  const existing = useRequest<AdminCampaign | undefined>(loadCampaign)
  const loadBanks = useCallback((signal: AbortSignal) => bankApi.list({ page: 1, pageSize: 50 }, signal), [])
  const banks = useRequest(loadBanks)
  const bankId = Form.useWatch('bankId', form)
  const bankVersion = Form.useWatch('bankVersion', form)
  const loadBank = useCallback((signal: AbortSignal) => (bankId ? bankApi.get(bankId, signal) : Promise.resolve(undefined)), [bankId])
  const bank = useRequest<QuestionBank | undefined>(loadBank)
  const version = bank.data?.versions.find((v) => v.version === bankVersion)

  const campaign = existing.data
  const editable = campaign ? campaign.editable : 'all'
  const canEdit = user ? EDITORIAL_ROLES.edit.includes(user.role) : false
  const fieldDisabled = (field: keyof AdminCampaignInput | 'window') => {
    if (!canEdit || editable === 'none') return true
    if (campaign && (field === 'bankId' || field === 'bankVersion' || field === 'orgCode')) return true
    if (editable === 'safe') return !(CAMPAIGN_SAFE_FIELDS as readonly string[]).includes(field)
    return false
  }

  useEffect(() => {
    if (!campaign) return
    form.setFieldsValue({
      orgCode: campaign.orgCode,
      title: campaign.title,
      rulesText: campaign.rulesText,
      window: [dayjs(campaign.startsAt), dayjs(campaign.endsAt)],
      topicQuota: campaign.topicQuota,
      secondsPerQuestion: campaign.secondsPerQuestion,
      attemptsPerDay: campaign.attemptsPerDay,
      scoreCounts: campaign.scoreCounts,
      regions: campaign.regions,
      prizeNote: campaign.prizeNote,
      ...(campaign.bank ? { bankId: campaign.bank.id, bankVersion: campaign.bank.version } : {}),
    })
  }, [campaign, form])

  const quotaTopics = useMemo(() => {
    const counts = version?.topicCounts ?? {}
    const ids = new Set([...Object.keys(counts), ...Object.keys(campaign?.topicQuota ?? {})])
    return topics.filter((t) => ids.has(t.id)).map((t) => ({ ...t, available: counts[t.id] ?? 0 }))
  }, [version, topics, campaign])

  const save = async () => {
    const values = await form.validateFields().catch(() => null)
    if (!values) return
    const input = inputOf(values)
    setSaving(true)
    try {
      if (campaign) {
        const changes =
          editable === 'safe'
            ? { title: input.title, rulesText: input.rulesText, ...(input.prizeNote !== undefined ? { prizeNote: input.prizeNote } : { prizeNote: '' }) }
            : (({ orgCode: _o, bankId: _b, bankVersion: _v, ...rest }) => rest)(input)
        await campaignApi.update(campaign.id, changes)
        void message.success('已保存')
        existing.reload()
      } else {
        const made = await campaignApi.create(input, createKey.current)
        createKey.current = crypto.randomUUID()
        void message.success('竞赛已创建')
        navigate(`/campaigns/${made.id}/edit`, { replace: true })
      }
    } catch (e) {
      if (e instanceof ApiRequestError && e.fields) {
        form.setFields(
          Object.entries(e.fields).map(([field, msg]) => {
            const name = field === 'startsAt' || field === 'endsAt' ? 'window' : field.includes('.') ? field.split('.') : field
            return { name: name as never, errors: [msg] }
          }),
        )
        void message.error(e.message)
      } else void message.error(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  if (existing.error) {
    return (
      <>
        <PageHeader title='竞赛' parents={[{ title: '竞赛管理', to: '/campaigns' }]} />
        <ErrorState error={existing.error} onRetry={existing.reload} />
      </>
    )
  }

  const title = campaign ? campaign.title : '新建竞赛'
  const loadingExisting = existing.loading && Boolean(id)
  // a locked 竞赛时间 is empty until the campaign's values reach the form (they are set after the
  // render that brings the campaign): nobody can fill it then, so empty is allowed; open, both ends are required
  const windowLocked = loadingExisting || fieldDisabled('window')
  return (
    <>
      <PageHeader
        title={title}
        parents={[{ title: '竞赛管理', to: '/campaigns' }]}
        extra={
          campaign ? (
            <Space>
              <Tag color={CAMPAIGN_STATUS_LABELS[campaign.status].color}>{CAMPAIGN_STATUS_LABELS[campaign.status].text}</Tag>
              <Button onClick={() => setPreviewing(true)}>以居民身份预览</Button>
              <Link to={monitorPath(campaign.id)}>
                <Button>实时监控</Button>
              </Link>
            </Space>
          ) : null
        }
      />
      {campaign && editable === 'safe' ? (
        <Alert type='warning' showIcon style={{ marginBottom: 16 }} message='竞赛进行中：只能修改竞赛名称、活动规则和奖项说明，其他设置已锁定。' />
      ) : null}
      {campaign && editable === 'none' ? (
        <Alert type='info' showIcon style={{ marginBottom: 16 }} message={campaign.bank ? '竞赛已结束，不能修改。' : '该竞赛为示例数据，不能在工作台修改。'} />
      ) : null}
      <Form
        form={form}
        layout='vertical'
        disabled={loadingExisting}
        initialValues={{
          orgCode: user?.org.code,
          secondsPerQuestion: 20,
          attemptsPerDay: 3,
          scoreCounts: 'best',
          regions: user ? [user.org.code] : [],
          topicQuota: {},
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('bankId' in changed) form.setFieldsValue({ bankVersion: undefined as unknown as number, topicQuota: {} })
        }}
      >
        <Row gutter={24}>
          <Col span={14}>
            <Card title='基本信息' size='small' style={{ marginBottom: 16 }}>
              <Form.Item
                name='title'
                label='竞赛名称'
                rules={[
                  { required: true, whitespace: true, message: '请填写竞赛名称' },
                  { max: CAMPAIGN_LIMITS.title, message: `竞赛名称不能超过 ${CAMPAIGN_LIMITS.title} 个字` },
                ]}
              >
                <Input disabled={fieldDisabled('title')} />
              </Form.Item>
              <Form.Item name='orgCode' label='主办单位' rules={[{ required: true, message: '请选择主办单位' }]}>
                <OrgTreeSelectField disabled={fieldDisabled('orgCode')} />
              </Form.Item>
              <Form.Item name='window' label='竞赛时间' rules={[{ required: true, message: '请选择开始和结束时间' }]}>
                <DatePicker.RangePicker
                  showTime={{ format: 'HH:mm' }}
                  format='YYYY-MM-DD HH:mm'
                  disabled={fieldDisabled('window')}
                  allowEmpty={windowLocked ? [true, true] : undefined}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item
                name='rulesText'
                label='活动规则'
                rules={[
                  { required: true, whitespace: true, message: '请填写活动规则' },
                  { max: CAMPAIGN_LIMITS.rulesText, message: `活动规则不能超过 ${CAMPAIGN_LIMITS.rulesText} 个字` },
                ]}
              >
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} disabled={fieldDisabled('rulesText')} />
              </Form.Item>
              <Form.Item
                name='prizeNote'
                label='奖项说明（可选）'
                rules={[{ max: CAMPAIGN_LIMITS.prizeNote, message: `奖项说明不能超过 ${CAMPAIGN_LIMITS.prizeNote} 个字` }]}
              >
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} disabled={fieldDisabled('prizeNote')} />
              </Form.Item>
              <Form.Item name='regions' label='参与地区' rules={[{ required: true, type: 'array', min: 1, message: '请选择参与地区' }]}>
                <TreeSelect
                  aria-label='参与地区'
                  multiple
                  treeDefaultExpandAll={false}
                  treeData={toOptions(tree ?? [])}
                  placeholder='选择可参与的县（市、区）或乡镇（街道）'
                  disabled={fieldDisabled('regions')}
                />
              </Form.Item>
            </Card>
          </Col>
          <Col span={10}>
            <Card title='题目与规则' size='small' style={{ marginBottom: 16 }}>
              <Form.Item name='bankId' label='题库' rules={[{ required: true, message: '请选择题库' }]}>
                <Select
                  aria-label='题库'
                  loading={banks.loading}
                  disabled={fieldDisabled('bankId')}
                  options={[
                    ...(banks.data?.items ?? []).map((b) => ({ value: b.id, label: `${b.name}（${b.orgName}）` })),
                    ...(campaign?.bank && !banks.data?.items.some((b) => b.id === campaign.bank!.id)
                      ? [{ value: campaign.bank.id, label: campaign.bank.name }]
                      : []),
                  ]}
                  placeholder='选择题库'
                  notFoundContent='还没有题库，请先在题库管理中创建'
                />
              </Form.Item>
              <Form.Item name='bankVersion' label='题库版本' rules={[{ required: true, message: '请选择题库版本' }]}>
                <Select
                  aria-label='题库版本'
                  disabled={fieldDisabled('bankVersion') || !bankId}
                  options={(bank.data?.versions ?? []).map((v) => ({
                    value: v.version,
                    label: `第 ${v.version} 版（${v.questionCount} 题）${v.version === bank.data?.version ? ' · 最新' : ''}`,
                  }))}
                  placeholder='选择版本'
                />
              </Form.Item>
              <Typography.Text strong>每次答题各主题题数</Typography.Text>
              {quotaTopics.length === 0 ? (
                <Typography.Paragraph type='secondary'>选择题库版本后按主题设置题数</Typography.Paragraph>
              ) : (
                <div style={{ marginTop: 8 }}>
                  {quotaTopics.map((t) => (
                    <Form.Item key={t.id} name={['topicQuota', t.id]} label={`${t.name}（题库中 ${t.available} 题）`} style={{ marginBottom: 8 }}>
                      <InputNumber
                        aria-label={`${t.name}题数`}
                        min={0}
                        max={Math.min(t.available, CAMPAIGN_LIMITS.questionsPerAttempt)}
                        precision={0}
                        disabled={fieldDisabled('topicQuota')}
                      />
                    </Form.Item>
                  ))}
                </div>
              )}
              <Form.Item name='secondsPerQuestion' label='每题限时（秒）' rules={[{ required: true, message: '请填写每题限时' }]}>
                <InputNumber
                  min={CAMPAIGN_LIMITS.secondsPerQuestion.min}
                  max={CAMPAIGN_LIMITS.secondsPerQuestion.max}
                  precision={0}
                  disabled={fieldDisabled('secondsPerQuestion')}
                />
              </Form.Item>
              <Form.Item name='attemptsPerDay' label='每人每日答题次数' rules={[{ required: true, message: '请填写每日答题次数' }]}>
                <InputNumber
                  min={CAMPAIGN_LIMITS.attemptsPerDay.min}
                  max={CAMPAIGN_LIMITS.attemptsPerDay.max}
                  precision={0}
                  disabled={fieldDisabled('attemptsPerDay')}
                />
              </Form.Item>
              <Form.Item name='scoreCounts' label='成绩计算'>
                <Radio.Group
                  disabled={fieldDisabled('scoreCounts')}
                  options={(['best', 'latest'] as const).map((v) => ({ value: v, label: SCORE_COUNTS_LABELS[v] }))}
                />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        {canEdit && editable !== 'none' ? (
          <Space>
            <Button type='primary' loading={saving} onClick={() => void save()}>
              {campaign ? '保存修改' : '创建竞赛'}
            </Button>
            <Link to='/campaigns'>
              <Button>返回列表</Button>
            </Link>
          </Space>
        ) : null}
      </Form>
      {previewing && campaign ? <PreviewModal campaignId={campaign.id} onClose={() => setPreviewing(false)} /> : null}
    </>
  )
}
