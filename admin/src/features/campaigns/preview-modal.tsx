import { Alert, Card, Descriptions, Modal, Radio, Checkbox, Space, Spin, Typography } from 'antd'
import { useCallback } from 'react'
import { ErrorState } from '../../components/error-state'
import { useRequest } from '../../components/use-request'
import { campaignApi } from '../question-banks/question-banks-api'
import { SCORE_COUNTS_LABELS } from './labels'

/** 预览: the campaign and one draw of questions as the app shows them — no answers, nothing recorded */
export function PreviewModal({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const load = useCallback((signal: AbortSignal) => campaignApi.preview(campaignId, signal), [campaignId])
  const { data, error, loading, reload } = useRequest(load)
  return (
    <Modal title='以居民身份预览' open onCancel={onClose} footer={null} width={720}>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : loading || !data ? (
        <Spin tip='加载中…'>
          <div style={{ height: 120 }} />
        </Spin>
      ) : (
        <>
          <Alert type='info' showIcon style={{ marginBottom: 12 }} message='预览不记录答题，也不显示答案；每次打开随机抽题，与居民端一致。' />
          <Descriptions size='small' column={2} style={{ marginBottom: 12 }}>
            <Descriptions.Item label='竞赛'>{data.campaign.title}</Descriptions.Item>
            <Descriptions.Item label='主办'>{data.campaign.department}</Descriptions.Item>
            <Descriptions.Item label='题数'>{data.questions.length} 题</Descriptions.Item>
            <Descriptions.Item label='限时'>
              每题 {data.secondsPerQuestion} 秒，共 {data.totalSeconds} 秒
            </Descriptions.Item>
            <Descriptions.Item label='每日次数'>{data.campaign.rules.attemptsPerDay} 次</Descriptions.Item>
            <Descriptions.Item label='计分'>{SCORE_COUNTS_LABELS[data.campaign.rules.scoreCounts]}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.campaign.description}</Typography.Paragraph>
          <Space direction='vertical' style={{ width: '100%' }}>
            {data.questions.map((q, i) => (
              <Card key={q.id} size='small' title={`第 ${i + 1} 题 · ${q.type === 'multiple' ? '多选' : q.type === 'judge' ? '判断' : '单选'}`}>
                <Typography.Paragraph>{q.stem}</Typography.Paragraph>
                {q.type === 'multiple' ? (
                  <Checkbox.Group options={q.options.map((o) => ({ value: o.key, label: `${o.key}. ${o.text}` }))} />
                ) : (
                  <Radio.Group options={q.options.map((o) => ({ value: o.key, label: `${o.key}. ${o.text}` }))} />
                )}
              </Card>
            ))}
          </Space>
        </>
      )}
    </Modal>
  )
}
