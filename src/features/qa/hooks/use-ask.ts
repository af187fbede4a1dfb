import { useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useRequest } from '@/api'
import type { QaHit } from '@common/contract'
import { routes } from '@/utils/routes'
import { searchQa } from '../api/search-qa'
import { useDebounced } from './use-debounced'

const SUGGEST_DELAY_MS = 300

/**
 * 智能问答: what is typed (with suggestions while typing), what was asked and its answers. The
 * best hit is the resident's pick or the server's first; `unsure` when the server was not sure of it.
 */
export function useAsk() {
  const { q } = useRouter().params
  const initial = q ? decodeURIComponent(q) : ''
  const [text, setText] = useState(initial)
  const [asked, setAsked] = useState(initial)
  const [picked, setPicked] = useState<QaHit>()
  const typing = text.trim() !== asked.trim()
  const debounced = useDebounced(text.trim(), SUGGEST_DELAY_MS)

  const suggestions = useRequest(async () => (typing && debounced.length >= 2 ? (await searchQa(debounced, 5, true)).items : []), [debounced, typing])
  const results = useRequest(async () => (asked.trim() ? await searchQa(asked.trim(), 5) : undefined), [asked])

  useShareAppMessage(() => ({ title: '政策通 · 智能问答', path: routes.qa() }))

  const ask = (question: string) => {
    setPicked(undefined)
    setText(question)
    setAsked(question)
  }
  const choose = (hit: QaHit) => {
    setText(hit.faq.question)
    setAsked(hit.faq.question)
    setPicked(hit)
  }
  const consult = () => Taro.navigateTo({ url: routes.consult({ q: asked.trim() || text.trim() }) })

  const hits = results.data?.items ?? []
  const top = picked ?? hits[0]
  // the server was not sure its best hit answers the question (and the resident has not picked it)
  const unsure = !picked && Boolean(top) && results.data?.confident === false
  const others = hits.filter((h) => h.faq.id !== top?.faq.id)
  return { text, setText, asked, typing, picked, suggestions, results, hits, top, unsure, others, ask, choose, consult }
}

export type Ask = ReturnType<typeof useAsk>
