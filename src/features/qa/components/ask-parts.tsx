import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Card } from '@/components/card'
import { EmptyState } from '@/components/empty-state'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { QA_QUERY_MAX, type QaHit } from '@common/contract'
import { ReadAloudButton } from '@/features/read-aloud/components/read-aloud-button'
import { useReadAloud } from '@/features/read-aloud/use-read-aloud'
import { routes } from '@/utils/routes'
import type { Ask } from '../hooks/use-ask'
import { AnswerCard } from './answer-card'
import { Highlighted } from './highlighted'
import './ask.scss'

const EXAMPLES = ['我妈82岁了高龄津贴能领多少', '医保怎么异地备案', '灵活就业交社保有补贴吗', '种粮补贴什么时候发']

/** the question box and its 提问 button */
export function AskBox({ ask }: { ask: Ask }) {
  return (
    <View className='qa__box' role='search'>
      <Input
        className='qa__input'
        value={ask.text}
        maxlength={QA_QUERY_MAX}
        placeholder='像聊天一样问，比如：医保怎么异地备案'
        confirmType='search'
        aria-label='输入你想问的政策问题'
        onInput={(e) => ask.setText(e.detail.value)}
        onConfirm={() => ask.ask(ask.text)}
      />
      <Button role='button' className='qa__ask' disabled={!ask.text.trim() || undefined} onClick={() => ask.ask(ask.text)}>
        提问
      </Button>
    </View>
  )
}

/** 你可能想问: the FAQs matching what is being typed */
export function AskSuggestions({ ask }: { ask: Ask }) {
  const items = ask.suggestions.data ?? []
  if (!ask.typing || items.length === 0) return null
  return (
    <View className='qa-suggest' role='listbox' aria-label='你可能想问'>
      {items.map((hit) => (
        <View key={hit.faq.id} className='qa-suggest__item' role='option' onClick={() => ask.choose(hit)}>
          <Highlighted text={hit.faq.question} terms={hit.matched} />
        </View>
      ))}
    </View>
  )
}

/** a card of questions, one tap each: 大家都在问 before anything is asked, 相关问题 after */
function QuestionList({ title, questions, hits, onPick }: { title: string; questions?: string[]; hits?: QaHit[]; onPick: (q: string) => void }) {
  return (
    <Card className='qa__list' padding='none'>
      <Text className='qa__list-title'>{title}</Text>
      {questions?.map((q) => (
        <View key={q} className='qa__example' role='button' onClick={() => onPick(q)}>
          {q}
        </View>
      ))}
      {hits?.map((hit) => (
        <View key={hit.faq.id} className='qa-suggest__item qa__related' role='button' onClick={() => onPick(hit.faq.id)}>
          <Highlighted text={hit.faq.question} terms={hit.matched} />
        </View>
      ))}
    </Card>
  )
}

export function AskExamples({ ask }: { ask: Ask }) {
  if (ask.asked.trim() || ask.typing) return null
  return <QuestionList title='大家都在问' questions={EXAMPLES} onPick={ask.ask} />
}

/** the server is not sure its best hit answers the question: say so, and offer the department first */
function UnsureNote({ onConsult }: { onConsult: () => void }) {
  return (
    <View className='qa__unsure' role='note'>
      <Text className='qa__unsure-title'>没有把握较大的答案</Text>
      <Text className='qa__unsure-hint'>下面的内容可能相关，请核对；也可以直接问主管部门，会有工作人员答复。</Text>
      <Button role='button' className='qa__unsure-consult' onClick={onConsult}>
        向部门咨询
      </Button>
    </View>
  )
}

/** the answers to what was asked: loading, failed, none, or the best one (read aloud on request) and the related ones */
export function AskResults({ ask }: { ask: Ask }) {
  const readAloud = useReadAloud()
  const { results, top, others } = ask
  if (ask.typing || !ask.asked.trim()) return null
  const choose = (id: string) => {
    const hit = others.find((h) => h.faq.id === id)
    if (hit) ask.choose(hit)
  }
  return (
    <>
      {results.loading && !results.data ? <Skeleton rows={2} label='正在查找答案' /> : null}
      {results.error ? <ErrorState message={results.error.message} onRetry={results.reload} /> : null}
      {!results.loading && !results.error && ask.hits.length === 0 && !ask.picked ? (
        <EmptyState title='没找到相关答案' hint='换个说法试试，或者直接向主管部门咨询' actionText='向部门咨询' onAction={ask.consult} />
      ) : null}
      {ask.unsure ? <UnsureNote onConsult={ask.consult} /> : null}
      {top ? (
        <AnswerCard
          label={ask.unsure ? '可能相关' : undefined}
          hit={top}
          onOpenInterpretation={(id) => Taro.navigateTo({ url: routes.interpretationDetail(id) })}
          onOpenPolicy={(id) => Taro.navigateTo({ url: routes.policyDetail(id) })}
          reading={readAloud.reading}
          actions={<ReadAloudButton control={readAloud} label='朗读回答' blocks={() => [`问：${top.faq.question}`, `答：${top.faq.answer}`]} />}
        />
      ) : null}
      {others.length > 0 ? <QuestionList title='相关问题' hits={others} onPick={choose} /> : null}
    </>
  )
}

/** 没找到答案？向部门咨询, and 我的咨询 */
export function AskFooter({ ask }: { ask: Ask }) {
  return (
    <>
      <View className='qa__consult' role='link' onClick={ask.consult}>
        <Text>没找到答案？向部门咨询</Text>
        <Text aria-hidden>›</Text>
      </View>
      <View className='qa__mine' role='link' onClick={() => Taro.navigateTo({ url: routes.myConsultations })}>
        我的咨询
      </View>
    </>
  )
}
