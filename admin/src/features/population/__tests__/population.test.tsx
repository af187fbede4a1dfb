import { fireEvent, screen, waitFor } from '@testing-library/react'
import type { PopulationHistoryPage, PopulationTable } from '@common/contract'
import { fakeApi, renderConsole, staff } from '../../../app/__tests__/harness'

jest.setTimeout(240_000)

const table: PopulationTable = {
  items: [
    { code: '331002', name: '椒江区', level: 'county', residents: 812000, derived: false, editable: false },
    { code: '331002001', name: '海门街道', level: 'township', parentCode: '331002', residents: 81200, derived: true, editable: true },
    { code: '331002002', name: '白云街道', level: 'township', parentCode: '331002', residents: 81200, derived: true, editable: true },
  ],
}
const history: PopulationHistoryPage = {
  items: [
    {
      id: 1,
      regionCode: '331002001',
      regionName: '椒江区 海门街道',
      before: 81200,
      after: 90000,
      year: 2025,
      source: '椒江区统计局',
      actorName: '椒江管理员',
      changedAt: '2026-12-04T08:00:00Z',
    },
  ],
  total: 1,
  page: 1,
  pageSize: 10,
}
const county = staff('admin', { code: '331002', name: '椒江区' })

describe('常住人口', () => {
  it('lists figures, edits only what the caller may change, and saves the changed rows with year and source', async () => {
    const calls = fakeApi({
      'GET /admin/population': { body: table },
      'PUT /admin/population': { body: table },
      'GET /admin/population/history': { body: history },
    })
    renderConsole('/population', { user: county })
    expect(await screen.findByLabelText('海门街道常住人口', undefined, { timeout: 60_000 })).toBeInTheDocument()
    expect(screen.queryByLabelText('椒江区常住人口')).toBeNull()
    expect(screen.getByText('812,000')).toBeInTheDocument()
    expect(await screen.findByText('椒江管理员')).toBeInTheDocument()

    fireEvent.change(screen.getByLabelText('海门街道常住人口'), { target: { value: '95000' } })
    fireEvent.change(screen.getByLabelText('数据来源'), { target: { value: ' 椒江区统计局 ' } })
    fireEvent.change(screen.getByLabelText('统计年度'), { target: { value: '2025' } })
    fireEvent.click(screen.getByRole('button', { name: /保\s*存（1 项）/ }))
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1))
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ year: 2025, source: '椒江区统计局', items: [{ regionCode: '331002001', residents: 95000 }] })
    expect(await screen.findByText(/已保存 1 个地区的常住人口/)).toBeInTheDocument()
  })

  it('asks for a source before saving, and shows the server’s refusal in Chinese', async () => {
    const calls = fakeApi({
      'GET /admin/population': { body: table },
      'PUT /admin/population': {
        status: 403,
        body: { error: { code: 'forbidden', message: '只能修改本县（市、区）所辖乡镇（街道）的人口，不能修改东城街道' } },
      },
      'GET /admin/population/history': { body: { items: [], total: 0, page: 1, pageSize: 10 } },
    })
    renderConsole('/population', { user: county })
    expect(await screen.findByLabelText('白云街道常住人口', undefined, { timeout: 60_000 })).toBeInTheDocument()
    expect(await screen.findByText('还没有修改记录')).toBeInTheDocument()
    fireEvent.change(screen.getByLabelText('白云街道常住人口'), { target: { value: '70000' } })
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }))
    expect(await screen.findByText(/请填写数据来源/)).toBeInTheDocument()
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0)
    fireEvent.change(screen.getByLabelText('数据来源'), { target: { value: '普查' } })
    fireEvent.click(screen.getByRole('button', { name: /保\s*存/ }))
    expect(await screen.findByText('只能修改本县（市、区）所辖乡镇（街道）的人口，不能修改东城街道')).toBeInTheDocument()
  })

  it('is for admins only', async () => {
    fakeApi({})
    renderConsole('/population', { user: staff('editor') })
    expect(await screen.findByText('没有权限')).toBeInTheDocument()
  })
})
