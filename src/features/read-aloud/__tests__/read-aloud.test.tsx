import { act, fireEvent, render, screen } from '@testing-library/react'
import { View } from '@tarojs/components'
import { fixtures } from '../../../../mock/fixtures'
import { taroMock } from '../../../../test/mocks/taro'
import { InterpretationBlocks } from '@/features/interpretations/components/blocks/interpretation-blocks'
import { blockSpeechText } from '@/features/interpretations/speech-text'
import { ReadAloudButton } from '../components/read-aloud-button'
import { NO_VOICE_MESSAGE, webSpeaker, type Speaker } from '../speech'
import { useReadAloud } from '../use-read-aloud'

/** a speechSynthesis that records utterances and finishes one when told */
function fakeSynth() {
  const spoken: { text: string; lang: string; rate: number; onend?: () => void }[] = []
  const synth = {
    speak: (u: { text: string; lang: string; rate: number; onend?: () => void }) => void spoken.push(u),
    cancel: jest.fn(),
    getVoices: () => [{ lang: 'zh-CN', name: '婷婷' }],
  }
  return { synth: synth as unknown as SpeechSynthesis, spoken, finish: () => spoken.at(-1)?.onend?.() }
}

beforeAll(() => {
  ;(globalThis as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance ??= class {
    text: string
    lang = ''
    rate = 1
    voice: unknown
    onend?: () => void
    onerror?: () => void
    constructor(text: string) {
      this.text = text
    }
  }
})

describe('web speech', () => {
  it('reads blocks one after another in zh-CN, skipping empty ones, and says which is being read', () => {
    const { synth, spoken, finish } = fakeSynth()
    const speaker = webSpeaker(synth) as Speaker
    const seen: number[] = []
    speaker.speak(['城乡居民基础养老金', '', '每月320元'], (i) => seen.push(i))
    expect(spoken.map((u) => [u.text, u.lang])).toEqual([['城乡居民基础养老金', 'zh-CN']])
    expect(spoken[0].rate).toBeLessThan(1)
    finish()
    expect(spoken.map((u) => u.text)).toEqual(['城乡居民基础养老金', '每月320元'])
    finish()
    expect(seen).toEqual([0, 2, -1])
  })

  it('stops: nothing more is read after stop', () => {
    const { synth, spoken, finish } = fakeSynth()
    const speaker = webSpeaker(synth) as Speaker
    speaker.speak(['一', '二'], () => undefined)
    speaker.stop()
    finish()
    expect(spoken).toHaveLength(1)
    expect(synth.cancel).toHaveBeenCalled()
  })

  it('is absent where the browser has no speech synthesis (the button is hidden)', () => {
    expect(webSpeaker(undefined)).toBeUndefined()
    function Page() {
      const control = useReadAloud(undefined)
      return <ReadAloudButton control={control} blocks={() => ['x']} />
    }
    render(<Page />)
    expect(screen.queryByRole('button')).toBeNull()
  })
})

describe('朗读 an interpretation', () => {
  const i001 = fixtures.interpretations.find((x) => x.id === 'i001')!

  it('highlights the block being read, and stops when the page hides', () => {
    const { synth, spoken, finish } = fakeSynth()
    const speaker = webSpeaker(synth)
    function Page() {
      const control = useReadAloud(speaker)
      return (
        <View>
          <ReadAloudButton control={control} label='朗读全文' blocks={() => i001.blocks.map(blockSpeechText)} />
          <InterpretationBlocks blocks={i001.blocks} reading={control.reading} />
        </View>
      )
    }
    const { container } = render(<Page />)
    fireEvent.click(screen.getByRole('button', { name: '▶ 朗读全文' }))
    const first = i001.blocks.findIndex((b) => blockSpeechText(b).trim())
    expect(container.querySelector('.block--reading')?.getAttribute('data-block-index')).toBe(String(first))
    expect(spoken[0].text).toBe(blockSpeechText(i001.blocks[first]))
    act(() => finish())
    const second = i001.blocks.findIndex((b, i) => i > first && blockSpeechText(b).trim())
    expect(container.querySelector('.block--reading')?.getAttribute('data-block-index')).toBe(String(second))
    expect(screen.getByRole('button', { name: '■ 停止朗读' })).toHaveAttribute('aria-pressed', 'true')
    act(() => taroMock.fire('didHide'))
    expect(container.querySelector('.block--reading')).toBeNull()
    expect(screen.getByRole('button', { name: '▶ 朗读全文' })).toBeInTheDocument()
  })

  it('says key figures with their units and FAQs as 问/答', () => {
    expect(blockSpeechText({ type: 'keyFigures', items: [{ value: '320', unit: '元/月', caption: '基础养老金' }] })).toBe('基础养老金：320元/月')
    expect(blockSpeechText({ type: 'faq', items: [{ id: 'f', question: '怎么领？', answer: '社保卡发放' }] })).toBe('问：怎么领？。答：社保卡发放')
  })
})

describe('a device without a voice', () => {
  it('says so under 朗读 instead of going quiet, once the voice list turns out empty', () => {
    jest.useFakeTimers()
    try {
      const spoken: unknown[] = []
      const synth = { speak: (u: unknown) => void spoken.push(u), cancel: jest.fn(), getVoices: () => [] } as unknown as SpeechSynthesis
      const speaker = webSpeaker(synth) as Speaker
      function Page() {
        const control = useReadAloud(speaker)
        return <ReadAloudButton control={control} blocks={() => ['第一段']} />
      }
      render(<Page />)
      fireEvent.click(screen.getByRole('button', { name: '▶ 朗读' }))
      act(() => {
        jest.advanceTimersByTime(2000)
      })
      expect(screen.getByRole('status')).toHaveTextContent(NO_VOICE_MESSAGE)
      expect(spoken).toEqual([])
      expect(screen.getByRole('button', { name: '▶ 朗读' })).toHaveAttribute('aria-pressed', 'false')
    } finally {
      jest.useRealTimers()
    }
  })
})
