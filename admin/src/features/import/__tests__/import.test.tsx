import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { ImportResult } from '@common/contract'
import { fakeApi, ORG_TREE, renderConsole, staff } from '../../../app/__tests__/harness'

const okRow = {
  row: 2,
  title: '仙居县促进就业若干措施',
  docNumber: '仙政办发〔2026〕3号',
  issuer: '仙居县人民政府办公室',
  publishedAt: '2026-02-01',
  validity: 'valid' as const,
  errors: [],
}
const badRow = {
  row: 3,
  title: '',
  docNumber: '仙政发〔2026〕1号',
  issuer: '仙居县人民政府',
  publishedAt: '2026-13-01',
  errors: ['缺少标题', '发布日期不是有效日期'],
}
const dryRun = (rows: ImportResult['rows']): ImportResult => ({
  dryRun: true,
  rows,
  valid: rows.filter((r) => !r.errors.length).length,
  invalid: rows.filter((r) => r.errors.length).length,
  created: [],
})

function choose(container: HTMLElement) {
  const input = container.querySelector('input[type=file]') as HTMLInputElement
  const file = new File(['标题,文号\n'], '政策清单.csv', { type: 'text/csv' })
  fireEvent.change(input, { target: { files: [file] } })
}

describe('政策导入', () => {
  it('shows every row with its errors after 预检 and keeps 导入 disabled', async () => {
    const calls = fakeApi({ 'GET /admin/orgs': { body: ORG_TREE }, 'POST /admin/policies/import': { body: dryRun([okRow, badRow]) } })
    const { container } = renderConsole('/import', { user: staff('editor') })
    const importButton = screen.getByRole('button', { name: /导\s*入/ })
    expect(importButton).toBeDisabled()
    choose(container)
    expect(await screen.findByText('政策清单.csv')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: /预\s*检/ }))
    expect(await screen.findByText('缺少标题；发布日期不是有效日期')).toBeInTheDocument()
    expect(screen.getByText('仙居县促进就业若干措施')).toBeInTheDocument()
    expect(screen.getByText(/其中 1 行有问题/)).toBeInTheDocument()
    expect(screen.getByText('缺少标题；发布日期不是有效日期').closest('tr')).toHaveClass('row-has-errors')
    expect(screen.getByRole('button', { name: /导\s*入/ })).toBeDisabled()
    const call = calls.find((c) => c.path === '/admin/policies/import')!
    expect(Object.fromEntries(call.query)).toEqual({ dryRun: 'true', orgCode: '331024' })
    expect((call.body as FormData).get('file')).toBeInstanceOf(File)
  })

  it('imports when every row is valid and links to 政策文件', async () => {
    const calls = fakeApi({
      'GET /admin/orgs': { body: ORG_TREE },
      'POST /admin/policies/import': (call) =>
        call.query.get('dryRun') === 'true' ? { body: dryRun([okRow]) } : { body: { ...dryRun([okRow]), dryRun: false, created: ['p-101'] } },
    })
    const { container } = renderConsole('/import', { user: staff('editor') })
    choose(container)
    fireEvent.click(await screen.findByRole('button', { name: /预\s*检/ }))
    expect(await screen.findByText('共 1 行，全部可以导入')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: /导\s*入/ })).toBeEnabled())
    fireEvent.click(screen.getByRole('button', { name: /导\s*入/ }))
    expect(await screen.findByText('导入完成：已创建 1 条政策草稿')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '前往政策文件' })).toHaveAttribute('href', '/policies')
    expect(calls.filter((c) => c.path === '/admin/policies/import').map((c) => c.query.get('dryRun'))).toEqual(['true', 'false'])
  })
})
