import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { PolicyMatchAnswer } from '@common/contract'
import type { FactName, Situation } from '@common/eligibility'
import { ApiError, useSessionStore } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { routes } from '@/utils/routes'
import { evaluatePolicies, getMySituation } from '../api/policy-match'
import { FactInput, type FactValue } from './fact-input'
import { PolicyResult } from './policy-result'
import './policy-match.scss'

/**
 * 我能享受哪些政策: one question at a time, only those that still change a result (the server
 * chooses), with 不清楚 to skip; results grouped as they settle. The answers live in this page
 * only: nothing is stored, and 换人 on a service-point device closes the page with them.
 */
export function PolicyFinder() {
  const token = useSessionStore((s) => s.token)
  const [situation, setSituation] = useState<Situation>({})
  const [skipped, setSkipped] = useState<FactName[]>([])
  const [answer, setAnswer] = useState<PolicyMatchAnswer>()
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(true)
  const seq = useRef(0)

  const run = useCallback(async (s: Situation, k: FactName[]) => {
    const mine = ++seq.current
    setLoading(true)
    setError(undefined)
    try {
      const a = await evaluatePolicies(s, k)
      if (mine === seq.current) setAnswer(a)
    } catch (err) {
      if (mine === seq.current) setError(err instanceof ApiError ? err.message : '加载失败，请重试')
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    void run({}, [])
  }, [run])

  const loadMine = async () => {
    try {
      const stored = await getMySituation()
      if (!stored.situation) return void Taro.showToast({ title: '还没有保存“我的情况”', icon: 'none' })
      setSituation(stored.situation)
      setSkipped([])
      void run(stored.situation, [])
    } catch (err) {
      void Taro.showToast({ title: err instanceof ApiError ? err.message : '读取失败', icon: 'none' })
    }
  }

  const answerWith = (name: FactName, value: FactValue) => {
    const next = { ...situation, [name]: value } as Situation
    setSituation(next)
    void run(next, skipped)
  }
  const skip = (name: FactName) => {
    const next = [...skipped, name]
    setSkipped(next)
    void run(situation, next)
  }
  const restart = () => {
    setSituation({})
    setSkipped([])
    void run({}, [])
  }

  const asked = Object.keys(situation).length + skipped.length
  const q = answer?.next
  return (
    <View className='pm'>
      <View className='pm-intro'>
        <Text className='pm-intro__title'>我能享受哪些政策</Text>
        <Text className='pm-hint'>回答几个简单的问题，只问会影响结果的。答案只用来计算，不会保存。</Text>
        <View className='pm-actions'>
          {token ? (
            <Button className='pm-secondary' onClick={() => void loadMine()}>
              用“我的情况”
            </Button>
          ) : null}
          {asked > 0 ? (
            <Button className='pm-secondary' onClick={restart}>
              重新开始
            </Button>
          ) : null}
        </View>
      </View>

      {error ? <ErrorState message={error} onRetry={() => void run(situation, skipped)} /> : null}
      {!answer && loading && !error ? <Skeleton rows={4} /> : null}

      {answer && q ? (
        <View className='pm-question' data-testid='pm-question'>
          <Text className='pm-question__step'>第{asked + 1}题</Text>
          <Text className='pm-question__text'>{q.question}</Text>
          <FactInput q={q} county={situation.county} onAnswer={(v) => answerWith(q.name, v)} />
          <Button className='pm-skip' onClick={() => skip(q.name)}>
            不清楚，跳过
          </Button>
        </View>
      ) : null}
      {answer && !q ? (
        <Text className='pm-done' role='status'>
          问完了，下面是结果。
        </Text>
      ) : null}

      {answer ? (
        <View className='pm-results' aria-busy={loading}>
          <Text className='section__title'>可以享受（{answer.eligible.length}）</Text>
          {answer.eligible.length === 0 ? <Text className='pm-hint pm-pad'>暂时还没有确定可以享受的政策，继续回答试试。</Text> : null}
          {answer.eligible.map((item) => (
            <PolicyResult key={item.policyId} item={item} />
          ))}
          {answer.possible.length ? <Text className='section__title'>可能可以（{answer.possible.length}）</Text> : null}
          {answer.possible.map((item) => (
            <PolicyResult key={item.policyId} item={item} />
          ))}
          {answer.later.length ? <Text className='section__title'>以后可以享受（{answer.later.length}）</Text> : null}
          {answer.later.map((item) => (
            <PolicyResult key={item.policyId} item={item} />
          ))}
          <Text className='pm-link pm-pad' onClick={() => void Taro.navigateTo({ url: routes.policyList() })}>
            其他{answer.otherCount ? `${answer.otherCount}项不符合的政策及` : ''}全部政策，去政策库查看 ›
          </Text>
          {token ? (
            <Text className='pm-link pm-pad' onClick={() => void Taro.navigateTo({ url: routes.mySituation })}>
              保存我的情况，有新政策时提醒我 ›
            </Text>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
