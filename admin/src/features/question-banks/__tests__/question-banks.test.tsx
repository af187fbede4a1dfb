import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { BankImportResult, BankQuestion, Page, QuestionBank, QuestionBankSummary } from '@common/contract'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'

jest.setTimeout(240_000)
// the first render loads antd and the console on a loaded machine: wait longer than the harness's 8 s
configure({ asyncUtilTimeout: 90_000 })

const TOPICS = [
  { id: 'yibao', name: '医疗保障', icon: 'medical' },
  { id: 'yanglao', name: '养老服务', icon: 'elderly' },
]
const summary: QuestionBankSummary = {
  id: 'qb1',
  name: '医保政策题库',
  orgCode: '331024',
  orgName: '仙居县',
  topic: 'yibao',
  version: 1,
  questionCount: 1,
  lock: 'locked',
  updatedAt: '2026-06-01T02:00:00.000Z',
}
const bank: QuestionBank = {
  ...summary,
  versions: [
    {
      version: 1,
      createdAt: '2026-06-01T02:00:00.000Z',
      createdByName: '测试editor',
      note: '新建题库',
      questionCount: 1,
      topicCounts: { yibao: 1 },
      lock: 'locked',
      campaigns: [{ id: 'c1', title: '医保知识竞赛', status: 'ongoing' }],
    },
  ],
}
const question: BankQuestion = {
  id: 'bq1',
  bankId: 'qb1',
  version: 1,
  position: 1,
  type: 'single',
  stem: '门诊报销比例是多少？',
  options: [
    { key: 'A', text: '50%' },
    { key: 'B', text: '60%' },
  ],
  answer: ['B'],
  explanation: '按政策执行。',
  topic: 'yibao',
  updatedAt: '2026-06-01T02:00:00.000Z',
}
const page = <T,>(items: T[]): Page<T> => ({ items, total: items.length, page: 1, pageSize: 20 })

describe('竞赛题库', () => {
  it('lists banks with their lock badge, filters on the server, and shows an empty state', async () => {
    const calls = fakeApi({
      'GET /topics': { body: TOPICS },
      'GET /admin/question-banks': (call) => ({ body: call.query.get('q') ? page([]) : page([summary]) }),
    })
    renderConsole('/question-banks', { user: staff('editor') })
    expect(await screen.findByRole('link', { name: '医保政策题库' })).toHaveAttribute('href', '/question-banks/qb1')
    expect(screen.getByText('已锁定')).toBeInTheDocument()
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索题库名称' }), { target: { value: '养老' } })
    fireEvent.keyDown(screen.getByRole('searchbox', { name: '搜索题库名称' }), { key: 'Enter', code: 'Enter', keyCode: 13 })
    expect(await screen.findByText('没有符合条件的题库')).toBeInTheDocument()
    expect(
      calls
        .filter((c) => c.path === '/admin/question-banks')
        .at(-1)!
        .query.get('q'),
    ).toBe('养老')
  })

  it('shows the server’s error with 重试', async () => {
    fakeApi({
      'GET /topics': { body: TOPICS },
      'GET /admin/question-banks': { status: 503, body: { error: { code: 'unavailable', message: '服务暂不可用' } } },
    })
    renderConsole('/question-banks', { user: staff('editor') })
    expect(await screen.findByText('服务暂不可用')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeInTheDocument()
  })

  it('imports through the dialog: template, 预检 with per-row errors, and a locked version goes to a new version', async () => {
    const dry: BankImportResult = {
      dryRun: true,
      rows: [
        { row: 2, stem: '好题', errors: [] },
        { row: 3, stem: '坏题', errors: [{ field: '答案', message: '单选题只能有一个正确答案' }] },
      ],
      valid: 1,
      invalid: 1,
      created: 0,
      version: 1,
      newVersion: false,
    }
    const calls = fakeApi({
      'GET /topics': { body: TOPICS },
      'GET /admin/orgs': { body: ORG_TREE },
      'GET /admin/question-banks/qb1': { body: bank },
      'GET /admin/question-banks/qb1/questions': { body: page([question]) },
      'POST /admin/question-banks/qb1/import': { body: dry },
    })
    const { container } = renderConsole('/question-banks/qb1', { user: staff('editor') })
    expect(await screen.findByText('门诊报销比例是多少？')).toBeInTheDocument()
    expect(screen.getAllByText('已锁定').length).toBeGreaterThan(0)
    fireEvent.click(screen.getByRole('button', { name: /导入题目/ }))
    const dialog = await screen.findByRole('dialog', { name: '导入题目' })
    expect(within(dialog).getByText('当前版本已被竞赛使用，导入将另存为新版本')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: /下载模板/ })).toBeInTheDocument()
    const input = container.ownerDocument.querySelector('input[type=file]') as HTMLInputElement
    fireEvent.change(input, { target: { files: [new File(['题型,题干\n'], '题目.csv', { type: 'text/csv' })] } })
    expect(await within(dialog).findByText('题目.csv')).toBeInTheDocument()
    fireEvent.click(within(dialog).getByRole('button', { name: /预\s*检/ }))
    expect(await within(dialog).findByText('答案：单选题只能有一个正确答案')).toBeInTheDocument()
    expect(within(dialog).getByText('共 2 行，其中 1 行有问题，请修改文件后重新预检')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: /导\s*入/ })).toBeDisabled()
    const call = calls.find((c) => c.path === '/admin/question-banks/qb1/import')!
    expect(Object.fromEntries(call.query)).toEqual({ dryRun: 'true', newVersion: 'true' })
  })

  it('asks before an edit of a locked version and sends it as a new version', async () => {
    const calls = fakeApi({
      'GET /topics': { body: TOPICS },
      'GET /admin/question-banks/qb1': { body: bank },
      'GET /admin/question-banks/qb1/questions': { body: page([question]) },
      'PUT /admin/question-banks/qb1/questions/bq1': { body: { question: { ...question, id: 'bq2', version: 2 }, version: 2, newVersion: true } },
    })
    renderConsole('/question-banks/qb1', { user: staff('editor') })
    fireEvent.click(await screen.findByRole('button', { name: /修\s*改/ }))
    const form = await screen.findByRole('dialog', { name: '修改题目' })
    await waitFor(() => expect(within(form).getByDisplayValue('门诊报销比例是多少？')).toBeInTheDocument())
    fireEvent.click(within(form).getByRole('button', { name: /保\s*存/ }))
    const confirm = await screen.findByText(/将另存为第 2 版/)
    fireEvent.click(within(confirm.closest('.ant-modal-confirm') as HTMLElement).getByRole('button', { name: '另存为新版本' }))
    expect(await screen.findByText('已另存为第 2 版')).toBeInTheDocument()
    const put = calls.find((c) => c.method === 'PUT')!
    expect(put.query.get('newVersion')).toBe('true')
    expect(put.body).toMatchObject({ stem: '门诊报销比例是多少？', options: ['50%', '60%'], answer: ['B'] })
  })
})
