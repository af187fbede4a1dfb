import { isGridPaste, parsePastedGrid, parseValue, rowsOf, sourceOf } from '../chart-grid'

describe('the chart grid', () => {
  it('reads numbers as people type them, and nothing else as a number', () => {
    expect(parseValue('200')).toBe(200)
    expect(parseValue(' 1,200 ')).toBe(1200)
    expect(parseValue('１２．５')).toBe(12.5)
    expect(parseValue('-3')).toBe(-3)
    expect(parseValue('')).toBeNaN()
    expect(parseValue('两百')).toBeNaN()
    expect(parseValue('12a')).toBeNaN()
  })

  it('parses cells copied from Excel, a header line included', () => {
    expect(parsePastedGrid('2019\t200\r\n2020\t220\r\n')).toEqual({
      rows: [
        { category: '2019', value: '200' },
        { category: '2020', value: '220' },
      ],
      header: undefined,
    })
    expect(parsePastedGrid('年份\t基础养老金\n2019\t200')).toEqual({ rows: [{ category: '2019', value: '200' }], header: ['年份', '基础养老金'] })
    expect(isGridPaste('2019\t200')).toBe(true)
    expect(isGridPaste('200')).toBe(false)
  })

  it('turns rows into a source and back without losing what was typed as a number', () => {
    const meta = { kind: 'line' as const, title: '标准', categoryLabel: '年份', seriesName: '金额', unit: '元' }
    const source = sourceOf(meta, [
      { category: ' 2019 ', value: '200' },
      { category: '2020', value: 'x' },
    ])
    expect(source.data[0]).toEqual(['2019', 200])
    expect(source.data[1][1]).toBeNaN()
    expect(rowsOf(source)).toEqual([
      { category: '2019', value: '200' },
      { category: '2020', value: '' },
    ])
  })
})
