import { Alert, Card, Input, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import {
  assess,
  describeCondition,
  FACT_BY_NAME,
  type EligibilityRule,
  formatAmount,
  formatMonth,
  ruleProblem,
  type Situation,
  TRUTH_LABELS,
  yearMonthOf,
} from '@common/eligibility'
import { shanghaiToday } from '@common/shanghai-date'

/** the sample residents of the truth table: a spread of ages, places, households and work */
export const SAMPLE_RESIDENTS: { name: string; situation: Situation }[] = [
  { name: '仙居78岁老人', situation: { birthYear: 1948, county: '331024', memberOver80: false, employment: 'farming', landMu: 2 } },
  { name: '椒江85岁老人', situation: { birthYear: 1941, county: '331002', employment: 'retired' } },
  { name: '黄岩92岁老人（低保）', situation: { birthYear: 1934, county: '331003', assistance: 'dibao', insurance: 'resident' } },
  {
    name: '路桥一家（孩子2020年10月生）',
    situation: { birthYear: 1990, county: '331004', child: true, childBirthYear: 2020, childBirthMonth: 10, employment: 'employed' },
  },
  { name: '临海新手妈妈', situation: { birthYear: 1996, county: '331082', maternity: 'newborn', child: true, childBirthYear: 2026, childBirthMonth: 3 } },
  { name: '温岭灵活就业（残疾二级）', situation: { birthYear: 1980, county: '331081', employment: 'flexible', disabilityCert: true, disabilityGrade: 2 } },
  { name: '天台个体户', situation: { birthYear: 1985, county: '331023', individualBusiness: true, employment: 'unemployed' } },
  { name: '什么都没填的人', situation: {} },
]

/**
 * 政策找人's rule in the policy form: JSON of common/eligibility's shape, checked as it is typed,
 * and the truth table of the sample residents under it — what the reviewer sees before 送审.
 */
export function RuleEditor({
  value,
  onChange,
  readOnly,
}: {
  value?: EligibilityRule
  onChange: (rule: EligibilityRule | undefined) => void
  readOnly?: boolean
}) {
  const [text, setText] = useState(() => (value ? JSON.stringify(value, null, 2) : ''))
  const [problem, setProblem] = useState<string>()
  const month = useMemo(() => yearMonthOf(shanghaiToday()), [])

  const edit = (next: string) => {
    setText(next)
    if (next.trim() === '') {
      setProblem(undefined)
      return onChange(undefined)
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(next)
    } catch {
      return setProblem('不是有效的 JSON')
    }
    const p = ruleProblem(parsed)
    setProblem(p)
    if (!p) onChange(parsed as EligibilityRule)
  }

  const rows = value
    ? SAMPLE_RESIDENTS.map((s) => {
        const r = assess(value, s.situation, month)
        return { key: s.name, ...s, r }
      })
    : []
  return (
    <Card size='small' title='政策找人：适用条件' style={{ marginTop: 16 }} data-testid='rule-editor'>
      <Typography.Paragraph type='secondary'>
        写明谁可以享受（并且、或者、不是；年龄、户籍、家庭情况等比较）和金额。留空表示这份政策不参与“政策找人”。发布后会自动提醒符合条件、保存了“我的情况”的居民。
      </Typography.Paragraph>
      <Input.TextArea
        value={text}
        onChange={(e) => edit(e.target.value)}
        autoSize={{ minRows: 4, maxRows: 16 }}
        disabled={readOnly}
        aria-label='适用条件（JSON）'
      />
      {problem ? <Alert type='error' showIcon message={problem} style={{ marginTop: 8 }} /> : null}
      {value ? (
        <>
          <Typography.Paragraph style={{ marginTop: 12 }}>
            <strong>条件：</strong>
            {describeCondition(value.when)}
          </Typography.Paragraph>
          <Table
            size='small'
            pagination={false}
            dataSource={rows}
            aria-label='样例居民真值表'
            columns={[
              { title: '样例居民', dataIndex: 'name' },
              {
                title: '结果',
                render: (_, row) => (
                  <Tag color={row.r.truth === 'yes' ? 'green' : row.r.truth === 'unknown' ? 'orange' : 'default'}>{TRUTH_LABELS[row.r.truth]}</Tag>
                ),
              },
              {
                title: '说明',
                render: (_, row) =>
                  row.r.truth === 'unknown'
                    ? `还需了解：${row.r.questions.map((q) => FACT_BY_NAME[q].label).join('、')}`
                    : row.r.truth === 'no'
                      ? `${row.r.failed.join('、') || '条件不满足'}${row.r.from ? `；${formatMonth(row.r.from)}起可能符合` : ''}`
                      : row.r.amount
                        ? formatAmount(row.r.amount)
                        : '',
              },
            ]}
          />
        </>
      ) : null}
    </Card>
  )
}
