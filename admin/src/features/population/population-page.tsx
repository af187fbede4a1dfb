import { Alert, App, Button, Card, Flex, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd'
import { useCallback, useMemo, useState } from 'react'
import type { PopulationHistoryEntry, PopulationRow } from '@common/contract'
import { csvBlob, saveBlob } from '../../components/download'
import { ErrorState, errorMessage } from '../../components/error-state'
import { PageHeader } from '../../components/page-header'
import { useRequest } from '../../components/use-request'
import { getPopulation, getPopulationHistory, savePopulation } from './population-api'

const HISTORY_PAGE = 10
const MAX_RESIDENTS = 20_000_000

const beijing = (iso?: string) => (iso ? new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ') : '')

function History({ refreshKey }: { refreshKey: number }) {
  const [page, setPage] = useState(1)
  // refreshKey: a save re-reads the history
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback((signal: AbortSignal) => getPopulationHistory({ page, pageSize: HISTORY_PAGE }, signal), [page, refreshKey])
  const { data, error, loading, reload } = useRequest(load)
  if (error) return <ErrorState error={error} onRetry={reload} />
  return (
    <Table<PopulationHistoryEntry>
      rowKey='id'
      size='small'
      loading={loading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: '还没有修改记录' }}
      pagination={{ current: page, pageSize: HISTORY_PAGE, total: data?.total ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
      columns={[
        { title: '时间', dataIndex: 'changedAt', width: 140, render: (t: string) => beijing(t) },
        { title: '地区', dataIndex: 'regionName' },
        { title: '原人口', dataIndex: 'before', align: 'right', render: (n?: number) => (n === undefined ? '推算' : n.toLocaleString('zh-CN')) },
        { title: '新人口', dataIndex: 'after', align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
        { title: '年度', dataIndex: 'year', width: 70 },
        { title: '来源', dataIndex: 'source' },
        { title: '操作人', dataIndex: 'actorName', width: 110 },
      ]}
    />
  )
}

/** /population: 常住人口 per county and township, edited in place, with the change history */
export function PopulationPage() {
  const { message } = App.useApp()
  const [refreshKey, setRefreshKey] = useState(0)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const load = useCallback((signal: AbortSignal) => getPopulation(signal), [refreshKey])
  const { data, error, loading, reload } = useRequest(load)
  const [edits, setEdits] = useState<Record<string, number | null>>({})
  const [year, setYear] = useState<number | null>(new Date().getFullYear() - 1)
  const [source, setSource] = useState('')
  const [query, setQuery] = useState('')
  const [level, setLevel] = useState<'' | 'county' | 'township'>('')
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)

  const rows = useMemo(
    () =>
      (data?.items ?? []).filter((r) => (!level || r.level === level) && (!query.trim() || r.name.includes(query.trim()) || r.code.startsWith(query.trim()))),
    [data, level, query],
  )
  const names = useMemo(() => new Map((data?.items ?? []).map((r) => [r.code, r.name])), [data])
  const changed = Object.entries(edits).filter(([code, v]) => v !== null && v !== data?.items.find((r) => r.code === code)?.residents)

  const save = async () => {
    setSaveError(null)
    if (!year || year < 2000 || year > 2100) return setSaveError('请填写统计年度（2000–2100）')
    if (!source.trim()) return setSaveError('请填写数据来源，例如“第七次全国人口普查”或“2025 年统计年鉴”')
    const bad = changed.find(([, v]) => !Number.isInteger(v) || v! < 1 || v! > MAX_RESIDENTS)
    if (bad) return setSaveError(`${names.get(bad[0]) ?? bad[0]}的常住人口须为 1–${MAX_RESIDENTS} 之间的整数`)
    setSaving(true)
    try {
      await savePopulation({ year, source: source.trim(), items: changed.map(([regionCode, residents]) => ({ regionCode, residents: residents! })) })
      setEdits({})
      void message.success(`已保存 ${changed.length} 个地区的常住人口，地区榜即时按新人口计算`)
      setRefreshKey((k) => k + 1)
    } catch (err) {
      setSaveError(errorMessage(err))
    } finally {
      setSaving(false)
    }
  }

  const exportCsv = () => {
    const items = data?.items ?? []
    saveBlob(
      csvBlob(
        ['地区代码', '地区', '级别', '常住人口', '是否推算', '年度', '来源', '修改人', '修改时间'],
        items.map((r) => [
          r.code,
          r.name,
          r.level === 'county' ? '县（市、区）' : '乡镇（街道）',
          r.residents,
          r.derived ? '推算' : '',
          r.year,
          r.source,
          r.updatedBy,
          beijing(r.updatedAt),
        ]),
      ),
      '常住人口.csv',
    )
  }

  return (
    <>
      <PageHeader
        title='常住人口'
        extra={
          <Button onClick={exportCsv} disabled={!data}>
            导出 CSV
          </Button>
        }
      />
      <Typography.Paragraph type='secondary'>
        知识竞赛的县（市、区）、乡镇（街道）榜按每万常住人口计算。未填写的乡镇（街道）按所属县（市、区）人口平均推算。城市管理员可修改全部地区，县（市、区）管理员可修改本地所辖乡镇（街道）。
      </Typography.Paragraph>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Card size='small'>
          <Flex gap={12} wrap style={{ marginBottom: 12 }} align='center'>
            <Input.Search allowClear aria-label='查找地区' placeholder='地区名称或代码' style={{ width: 220 }} onSearch={setQuery} />
            <Select
              aria-label='级别'
              value={level}
              onChange={setLevel}
              style={{ width: 140 }}
              options={[
                { value: '', label: '全部级别' },
                { value: 'county', label: '县（市、区）' },
                { value: 'township', label: '乡镇（街道）' },
              ]}
            />
            <Space>
              <span>统计年度</span>
              <InputNumber aria-label='统计年度' min={2000} max={2100} precision={0} value={year} onChange={setYear} style={{ width: 100 }} />
            </Space>
            <Space>
              <span>数据来源</span>
              <Input
                aria-label='数据来源'
                maxLength={100}
                value={source}
                onChange={(e) => setSource(e.target.value)}
                placeholder='如：2025 年台州统计年鉴'
                style={{ width: 240 }}
              />
            </Space>
            <Button type='primary' loading={saving} disabled={changed.length === 0} onClick={() => void save()}>
              保存{changed.length > 0 ? `（${changed.length} 项）` : ''}
            </Button>
          </Flex>
          {saveError ? <Alert type='error' showIcon message={saveError} style={{ marginBottom: 12 }} /> : null}
          <Table<PopulationRow>
            rowKey='code'
            size='small'
            loading={loading}
            dataSource={rows}
            locale={{ emptyText: query || level ? '没有符合条件的地区' : '暂无地区' }}
            pagination={{ pageSize: 15, showSizeChanger: false, showTotal: (t) => `共 ${t} 个地区` }}
            columns={[
              {
                title: '地区',
                dataIndex: 'name',
                render: (name: string, r) => (r.level === 'township' ? `${names.get(r.parentCode ?? '') ?? ''} · ${name}` : name),
              },
              { title: '级别', dataIndex: 'level', width: 110, render: (l: PopulationRow['level']) => (l === 'county' ? '县（市、区）' : '乡镇（街道）') },
              {
                title: '常住人口',
                dataIndex: 'residents',
                width: 200,
                render: (n: number, r) =>
                  r.editable ? (
                    <InputNumber
                      aria-label={`${r.name}常住人口`}
                      min={1}
                      max={MAX_RESIDENTS}
                      precision={0}
                      value={edits[r.code] ?? n}
                      onChange={(v) => setEdits((e) => ({ ...e, [r.code]: v }))}
                      style={{ width: 160 }}
                    />
                  ) : (
                    n.toLocaleString('zh-CN')
                  ),
              },
              { title: '来源', width: 220, render: (_: unknown, r) => (r.derived ? <Tag>按县平均推算</Tag> : `${r.year ?? ''} ${r.source ?? '初始数据'}`) },
              { title: '修改人', dataIndex: 'updatedBy', width: 110 },
              { title: '修改时间', dataIndex: 'updatedAt', width: 140, render: (t?: string) => beijing(t) },
            ]}
          />
        </Card>
      )}
      <Card size='small' title='修改记录' style={{ marginTop: 12 }}>
        <History refreshKey={refreshKey} />
      </Card>
    </>
  )
}
