import { fireEvent, render, screen } from '@testing-library/react'
import { Card } from '..'

it('a titled card: the title is a heading, the extra sits beside it, the content follows', () => {
  render(
    <Card title='相关解读' extra={<span>共 3 篇</span>}>
      <p>一图读懂</p>
    </Card>,
  )
  expect(screen.getByRole('heading', { name: '相关解读' })).toBeTruthy()
  expect(screen.getByText('共 3 篇')).toBeTruthy()
  expect(screen.getByText('一图读懂')).toBeTruthy()
})

it('a plain card is no button; a tappable one is a single button that answers taps', () => {
  const { rerender } = render(<Card>内容</Card>)
  expect(screen.queryByRole('button')).toBeNull()
  const onTap = jest.fn()
  rerender(
    <Card onTap={onTap} label='打开政策'>
      内容
    </Card>,
  )
  fireEvent.click(screen.getByRole('button', { name: '打开政策' }))
  expect(onTap).toHaveBeenCalledTimes(1)
})

it('keeps the page’s own class beside its own, and the layout and padding it is asked for', () => {
  const { container } = render(
    <Card className='policy-detail__head' padding='none' layout='flush'>
      x
    </Card>,
  )
  expect((container.firstChild as HTMLElement).className).toBe('card card--pad-none card--flush policy-detail__head')
})
