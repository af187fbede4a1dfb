import { useState } from 'react'
import { fireEvent, render, screen } from '@testing-library/react'
import type { RegionEntry, RegionLevel } from '@common/contract'
import { setupFixtureApi } from '../../../../test/support/fixture-api'
import { RegionPicker } from '..'

const api = setupFixtureApi()

const type = (label: string, value: string) => fireEvent(screen.getByLabelText(label), new CustomEvent('input', { bubbles: true, detail: { value } }))

function Harness({ levels, onPick }: { levels?: RegionLevel[]; onPick: (code: string, r?: RegionEntry) => void }) {
  const [value, setValue] = useState('')
  return (
    <RegionPicker
      value={value}
      levels={levels}
      onChange={(code, r) => {
        setValue(code)
        onPick(code, r)
      }}
    />
  )
}

it('finds 安洲街道 by typing 安洲 and picks it, asking the server for matches only', async () => {
  const picked = jest.fn()
  render(<Harness onPick={picked} />)
  fireEvent.click(screen.getByTestId('region-picker'))
  type('搜索地区', '安洲')
  fireEvent.click(await screen.findByRole('button', { name: '仙居县 · 安洲街道' }))
  expect(picked).toHaveBeenCalledWith('331024001', expect.objectContaining({ name: '安洲街道' }))
  expect(await screen.findByTestId('region-picker')).toHaveTextContent('仙居县 · 安洲街道')
  // never the whole tree
  expect(api.requests.some((r) => /^GET \S*\/regions(\?|$)/.test(r))).toBe(false)
  expect(api.requests.some((r) => r.includes('/regions/search'))).toBe(true)
})

it('goes down county → township → village for a village-only field, with 返回上一级', async () => {
  const picked = jest.fn()
  render(<Harness levels={['village']} onPick={picked} />)
  fireEvent.click(screen.getByTestId('region-picker'))
  fireEvent.click(await screen.findByRole('button', { name: '仙居县' }))
  expect(await screen.findByText('请选择乡镇（街道）')).toBeInTheDocument()
  fireEvent.click(screen.getByRole('button', { name: '返回上一级' }))
  fireEvent.click(await screen.findByRole('button', { name: '仙居县' }))
  fireEvent.click(await screen.findByRole('button', { name: '安洲街道' }))
  expect(await screen.findByText('请选择村（社区）')).toBeInTheDocument()
  // a township is not a choice here: no 就选
  expect(screen.queryByText(/就选/)).toBeNull()
  fireEvent.click(await screen.findByRole('button', { name: '市桥社区' }))
  expect(picked).toHaveBeenCalledWith(
    '331024001004',
    expect.objectContaining({ ancestors: [expect.objectContaining({ name: '仙居县' }), expect.objectContaining({ name: '安洲街道' })] }),
  )
  expect(await screen.findByTestId('region-picker')).toHaveTextContent('仙居县 · 安洲街道 · 市桥社区')
})

it('says so when nothing matches', async () => {
  render(<Harness onPick={jest.fn()} />)
  fireEvent.click(screen.getByTestId('region-picker'))
  type('搜索地区', '不存在的地方')
  expect(await screen.findByText(/没有找到「不存在的地方」/)).toBeInTheDocument()
})
