/**
 * useRequest/usePagedList with `initial` (the answer a server-drawn first screen came with): the
 * first render draws it, nothing is loaded for it, and a reload or new deps load as usual.
 */
import { act, render, screen } from '@testing-library/react'
import { Text, View } from '@tarojs/components'
import type { Page } from '@common/contract'
import { usePagedList, useRequest } from '../use-request'

describe('useRequest with an initial answer', () => {
  function Probe({ id, initial, load, onState }: { id: string; initial?: string; load: (id: string) => Promise<string>; onState: (s: string) => void }) {
    const r = useRequest(() => load(id), [id], { initial: () => (id === 'a' ? initial : undefined) })
    onState(`${r.loading ? 'loading' : 'ready'}:${r.data ?? ''}`)
    return (
      <View>
        <Text>{r.data ?? '…'}</Text>
        <View role='button' onClick={() => void r.reload()}>
          刷新
        </View>
      </View>
    )
  }

  it('draws the given answer in its first render and does not load it; reload and new deps load', async () => {
    const asked: string[] = []
    const load = async (id: string) => {
      asked.push(id)
      return `server ${id}`
    }
    const states: string[] = []
    const view = render(<Probe id='a' initial='given a' load={load} onState={(s) => states.push(s)} />)
    expect(states[0]).toBe('ready:given a')
    expect(screen.getByText('given a')).toBeInTheDocument()
    await act(async () => undefined)
    expect(asked).toEqual([])
    await act(async () => screen.getByRole('button').click())
    expect(asked).toEqual(['a'])
    expect(screen.getByText('server a')).toBeInTheDocument()
    view.rerender(<Probe id='b' initial='given a' load={load} onState={(s) => states.push(s)} />)
    expect(states.at(-1)).toBe('loading:server a')
    expect(await screen.findByText('server b')).toBeInTheDocument()
    expect(asked).toEqual(['a', 'b'])
  })

  it('loads as before when nothing is given', async () => {
    const states: string[] = []
    render(<Probe id='a' load={async () => 'server a'} onState={(s) => states.push(s)} />)
    expect(states[0]).toBe('loading:')
    expect(await screen.findByText('server a')).toBeInTheDocument()
  })
})

describe('usePagedList with an initial first page', () => {
  const pageOf = (n: number, total: number): Page<string> => ({ items: [`item ${n}`], total, page: n, pageSize: 1 })

  function List({ given, load }: { given?: Page<string>; load: (page: number) => Promise<Page<string>> }) {
    const list = usePagedList(load, [], { initial: () => given })
    return (
      <View>
        {list.loading ? <Text>加载中</Text> : null}
        {list.items.map((i) => (
          <Text key={i}>{i}</Text>
        ))}
        <View role='button' onClick={() => void list.loadMore()}>
          更多
        </View>
      </View>
    )
  }

  it('draws the given page at once, and the next page is page 2', async () => {
    const asked: number[] = []
    const load = async (n: number) => {
      asked.push(n)
      return pageOf(n, 2)
    }
    render(<List given={pageOf(1, 2)} load={load} />)
    expect(screen.getByText('item 1')).toBeInTheDocument()
    expect(screen.queryByText('加载中')).toBeNull()
    await act(async () => undefined)
    expect(asked).toEqual([])
    await act(async () => screen.getByRole('button').click())
    expect(screen.getByText('item 2')).toBeInTheDocument()
    expect(asked).toEqual([2])
  })
})
