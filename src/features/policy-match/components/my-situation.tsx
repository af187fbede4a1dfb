import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import type { PolicyMatchQuestion, StoredSituationView } from '@common/contract'
import { FACTS, type FactName, type FactSpec, type Situation } from '@common/eligibility'
import { ApiError, useSessionStore } from '@/api'
import { ErrorState } from '@/components/error-state'
import { Skeleton } from '@/components/skeleton'
import { deleteMySituation, getMySituation, saveMySituation } from '../api/policy-match'
import { FactInput } from './fact-input'
import './policy-match.scss'

const asQuestion = (f: FactSpec): PolicyMatchQuestion => ({
  name: f.name,
  kind: f.kind,
  question: f.question,
  label: f.label,
  ...(f.options ? { options: Object.entries(f.options).map(([value, label]) => ({ value, label })) } : {}),
  ...(f.min !== undefined ? { min: f.min } : {}),
  ...(f.max !== undefined ? { max: f.max } : {}),
  ...(f.unit ? { unit: f.unit } : {}),
})

function shown(f: FactSpec, v: unknown): string {
  if (v === undefined) return '未填'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (f.options && typeof v === 'string') return f.options[v] ?? v
  return `${String(v)}${f.unit ?? ''}`
}

/**
 * 我的情况: the consent screen first (what is kept, why, who sees it), then every fact optional,
 * each changed on its own; 「删除我的情况」 deletes it on the server at once and for good.
 */
export function MySituation({ onLogin }: { onLogin: () => void }) {
  const token = useSessionStore((s) => s.token)
  const [stored, setStored] = useState<StoredSituationView>()
  const [draft, setDraft] = useState<Situation>({})
  const [agreed, setAgreed] = useState(false)
  const [editing, setEditing] = useState<FactName>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    setError(undefined)
    try {
      const s = await getMySituation()
      setStored(s)
      setDraft(s.situation ?? {})
    } catch (err) {
      setError(err instanceof ApiError ? err.message : '加载失败，请重试')
    }
  }, [])
  useEffect(() => {
    if (token) void load()
  }, [token, load])

  if (!token)
    return (
      <View className='pm pm-pad'>
        <Text className='pm-hint'>登录后可以保存“我的情况”，有适合您的新政策时会提醒您。</Text>
        <Button className='pm-primary' onClick={onLogin}>
          登录
        </Button>
      </View>
    )
  if (error) return <ErrorState message={error} onRetry={() => void load()} />
  if (!stored) return <Skeleton rows={5} />

  const save = async () => {
    setBusy(true)
    try {
      const s = await saveMySituation(draft)
      setStored(s)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      void Taro.showToast({ title: err instanceof ApiError ? err.message : '保存失败，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }
  const remove = async () => {
    const r = await Taro.showModal({ title: '删除我的情况', content: '将立即永久删除您填写的全部情况和据此发给您的政策提醒，不能恢复。', confirmText: '删除' })
    if (!r.confirm) return
    setBusy(true)
    try {
      await deleteMySituation()
      setStored({ situation: null })
      setDraft({})
      setAgreed(false)
      void Taro.showToast({ title: '已删除', icon: 'success' })
    } catch (err) {
      void Taro.showToast({ title: err instanceof ApiError ? err.message : '删除失败，请重试', icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (!stored.situation && !agreed)
    return (
      <View className='pm pm-consent' data-testid='pm-consent'>
        <Text className='pm-intro__title'>使用说明</Text>
        <Text className='pm-consent__p'>保存什么：只保存您自己填写的几项情况，例如出生年份、户籍所在地、家里有没有老人孩子。每一项都可以不填。</Text>
        <Text className='pm-consent__p'>为什么保存：有新政策发布时，系统自动比对，适合您的会发到“我的消息”提醒您。</Text>
        <Text className='pm-consent__p'>谁能看到：除了自动比对的程序，任何工作人员都看不到您填写的内容；后台只统计人数。</Text>
        <Text className='pm-consent__p'>随时删除：点“删除我的情况”，立即永久删除，不留记录。</Text>
        <Button className='pm-primary' onClick={() => setAgreed(true)}>
          我已了解，同意并开始填写
        </Button>
        <Button className='pm-secondary' onClick={() => void Taro.navigateBack()}>
          不同意
        </Button>
      </View>
    )

  return (
    <View className='pm'>
      <Text className='pm-hint pm-pad'>每一项都可以不填。填得越多，提醒越准。</Text>
      {FACTS.map((f) => (
        <View key={f.name} className='pm-fact'>
          <View className='pm-fact__row' onClick={() => setEditing(editing === f.name ? undefined : f.name)}>
            <Text className='pm-fact__label'>{f.label}</Text>
            <Text className='pm-fact__value'>{shown(f, draft[f.name])}</Text>
          </View>
          {editing === f.name ? (
            <View className='pm-fact__edit'>
              <Text className='pm-question__text'>{f.question}</Text>
              <FactInput
                q={asQuestion(f)}
                county={draft.county}
                onAnswer={(v) => {
                  setDraft({ ...draft, [f.name]: v })
                  setEditing(undefined)
                }}
              />
              {draft[f.name] !== undefined ? (
                <Button
                  className='pm-skip'
                  onClick={() => {
                    const next = { ...draft }
                    delete next[f.name]
                    setDraft(next)
                    setEditing(undefined)
                  }}
                >
                  清空这一项
                </Button>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
      <View className='pm-pad'>
        <Button className='pm-primary' disabled={busy} onClick={() => void save()}>
          保存我的情况
        </Button>
        {stored.situation ? (
          <Button className='pm-danger' disabled={busy} onClick={() => void remove()}>
            删除我的情况
          </Button>
        ) : null}
      </View>
    </View>
  )
}
