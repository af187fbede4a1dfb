import { Alert, List, Tag } from 'antd'
import type { EditorialCheck, EditorialType } from '@common/contract'
import { fieldLabel } from './draft-text'

/** the findings of 送审 / 检查: errors (red) stop the submission, warnings (orange) do not */
export function CheckList({ type, checks, title }: { type: EditorialType; checks: EditorialCheck[]; title: string }) {
  if (checks.length === 0) return <Alert type='success' showIcon message={title} description='没有发现问题' />
  const errors = checks.filter((c) => c.level === 'error').length
  return (
    <section aria-label='检查结果'>
      <Alert
        type={errors ? 'error' : 'warning'}
        showIcon
        message={errors ? `${title}：${errors} 个问题必须修改` : `${title}：${checks.length} 条提醒`}
        description={
          <List
            size='small'
            dataSource={[...checks].sort((a, b) => (a.level === b.level ? 0 : a.level === 'error' ? -1 : 1))}
            renderItem={(check) => (
              <List.Item data-level={check.level}>
                <Tag color={check.level === 'error' ? 'red' : 'orange'}>{check.level === 'error' ? '错误' : '提醒'}</Tag>
                {check.field && <strong style={{ marginRight: 8 }}>{fieldLabel(type, check.field)}</strong>}
                <span>{check.message}</span>
              </List.Item>
            )}
          />
        }
      />
    </section>
  )
}
