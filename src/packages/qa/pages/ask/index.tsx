import { useState } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { useRequest } from '@/api'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { QA_QUERY_MAX, type QaHit } from '@common/contract'
import { searchQa } from '@/features/qa/api/search-qa'
import { AnswerCard } from '@/features/qa/components/answer-card'
import { ReadAloudButton } from '@/features/read-aloud/components/read-aloud-button'
import { useReadAloud } from '@/features/read-aloud/use-read-aloud'
import { Highlighted } from '@/features/qa/components/highlighted'
import { useDebounced } from '@/features/qa/hooks/use-debounced'
import { routes } from '@/utils/routes'
import './index.scss'
import { ThemePage } from '@/features/elder-mode/components/theme-page'

const EXAMPLES = ['我妈82岁了高龄津贴能领多少', '医保怎么异地备案', '灵活就业交社保有补贴吗', '种粮补贴什么时候发']
const SUGGEST_DELAY_MS = 300

export default function AskPage() {
  const { q } = useRouter().params
  const initial = q ? decodeURIComponent(q) : ''
  const [text, setText] = useState(initial)
  const [asked, setAsked] = useState(initial)
  const [picked, setPicked] = useState<QaHit>()
  const readAloud = useReadAloud()
  const typing = text.trim() !== asked.trim()
  const debounced = useDebounced(text.trim(), SUGGEST_DELAY_MS)

  const suggestions = useRequest(async () => (typing && debounced.length >= 2 ? (await searchQa(debounced, 5, true)).items : []), [debounced, typing])
  const results = useRequest(async () => (asked.trim() ? await searchQa(asked.trim(), 5) : undefined), [asked])

  useShareAppMessage(() => ({ title: '政策通 · 智能问答', path: routes.qa() }))

  const ask = (q: string) => {
    setPicked(undefined)
    setText(q)
    setAsked(q)
  }
  const choose = (hit: QaHit) => {
    setText(hit.faq.question)
    setAsked(hit.faq.question)
    setPicked(hit)
  }
  const consult = () => Taro.navigateTo({ url: routes.consult({ q: asked.trim() || text.trim() }) })
  const openInterpretation = (id: string) => Taro.navigateTo({ url: routes.interpretationDetail(id) })
  const openPolicy = (id: string) => Taro.navigateTo({ url: routes.policyDetail(id) })

  const hits = results.data?.items ?? []
  const top = picked ?? hits[0]
  // the server was not sure its best hit answers the question (and the resident has not picked it)
  const unsure = !picked && Boolean(top) && results.data?.confident === false
  const others = hits.filter((h) => h.faq.id !== top?.faq.id)

  return (
    <ThemePage className='qa'>
      <View className='qa__box' role='search'>
        <Input
          className='qa__input'
          value={text}
          maxlength={QA_QUERY_MAX}
          placeholder='像聊天一样问，比如：医保怎么异地备案'
          confirmType='search'
          aria-label='输入你想问的政策问题'
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => ask(text)}
        />
        <Button role='button' className='qa__ask' disabled={!text.trim() || undefined} onClick={() => ask(text)}>
          提问
        </Button>
      </View>

      {typing && suggestions.data && suggestions.data.length > 0 ? (
        <View className='qa-suggest' role='listbox' aria-label='你可能想问'>
          {suggestions.data.map((hit) => (
            <View key={hit.faq.id} className='qa-suggest__item' role='option' onClick={() => choose(hit)}>
              <Highlighted text={hit.faq.question} terms={hit.matched} />
            </View>
          ))}
        </View>
      ) : null}

      {!asked.trim() && !typing ? (
        <View className='qa__examples'>
          <Text className='qa__examples-title'>大家都在问</Text>
          {EXAMPLES.map((q) => (
            <View key={q} className='qa__example' role='button' onClick={() => ask(q)}>
              {q}
            </View>
          ))}
        </View>
      ) : null}

      {!typing && asked.trim() ? (
        <>
          {results.loading && !results.data ? <Skeleton rows={2} label='正在查找答案' /> : null}
          {results.error ? <ErrorState message={results.error.message} onRetry={results.reload} /> : null}
          {!results.loading && !results.error && hits.length === 0 && !picked ? (
            <EmptyState title='没找到相关答案' hint='换个说法试试，或者直接向主管部门咨询' actionText='向部门咨询' onAction={consult} />
          ) : null}
          {unsure ? (
            <View className='qa__unsure' role='note'>
              <Text className='qa__unsure-title'>没有把握较大的答案</Text>
              <Text className='qa__unsure-hint'>下面的内容可能相关，请核对；也可以直接问主管部门，会有工作人员答复。</Text>
              <Button role='button' className='qa__unsure-consult' onClick={consult}>
                向部门咨询
              </Button>
            </View>
          ) : null}
          {top ? (
            <AnswerCard
              label={unsure ? '可能相关' : undefined}
              hit={top}
              onOpenInterpretation={openInterpretation}
              onOpenPolicy={openPolicy}
              reading={readAloud.reading}
              actions={<ReadAloudButton control={readAloud} label='朗读回答' blocks={() => [`问：${top.faq.question}`, `答：${top.faq.answer}`]} />}
            />
          ) : null}
          {others.length > 0 ? (
            <View className='qa__others'>
              <Text className='qa__others-title'>相关问题</Text>
              {others.map((hit) => (
                <View key={hit.faq.id} className='qa-suggest__item' role='button' onClick={() => choose(hit)}>
                  <Highlighted text={hit.faq.question} terms={hit.matched} />
                </View>
              ))}
            </View>
          ) : null}
        </>
      ) : null}

      <View className='qa__consult' role='link' onClick={consult}>
        <Text>没找到答案？向部门咨询</Text>
        <Text aria-hidden>›</Text>
      </View>
      <View className='qa__mine' role='link' onClick={() => Taro.navigateTo({ url: routes.myConsultations })}>
        我的咨询
      </View>
    </ThemePage>
  )
}
