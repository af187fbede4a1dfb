import { Button, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { ApiError } from '@/api'
import { REPLY_RATING_COMMENT_MAX, type ReplyRating as Rating, type ReplyRatingLevel, replyRatingLabel } from '@common/contract'
import { rateReply } from '../api/consultations'
import './reply-rating.scss'

const LEVELS: ReplyRatingLevel[] = ['satisfied', 'basic', 'unsatisfied']

/**
 * 评价答复: once, after the reply — 满意 / 基本满意 / 不满意 and an optional comment (at most 200
 * characters, checked by the server). Once rated, the rating is shown instead of the form.
 */
export function ReplyRating({ consultationId, rating, onRated }: { consultationId: string; rating?: Rating; onRated: (r: Rating) => void }) {
  const [level, setLevel] = useState<ReplyRatingLevel>()
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  if (rating) {
    return (
      <View className='rating rating--done' role='status' aria-label={`我的评价：${replyRatingLabel[rating.level]}`}>
        <Text className='rating__done'>我的评价：{replyRatingLabel[rating.level]}</Text>
        {rating.comment ? <Text className='rating__comment'>{rating.comment}</Text> : null}
      </View>
    )
  }

  const submit = async () => {
    if (!level) return setError('请选择满意、基本满意或不满意')
    if ([...comment.trim()].length > REPLY_RATING_COMMENT_MAX) return setError(`评价内容最多${REPLY_RATING_COMMENT_MAX}字`)
    setError(undefined)
    setBusy(true)
    try {
      onRated(await rateReply(consultationId, { level, ...(comment.trim() ? { comment: comment.trim() } : {}) }))
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '提交失败，请重试')
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='rating'>
      <Text className='rating__title'>这条答复解决您的问题了吗？</Text>
      <View className='rating__levels' role='radiogroup' aria-label='评价答复'>
        {LEVELS.map((l) => (
          <View
            key={l}
            className={`rating__level ${level === l ? 'rating__level--on' : ''}`}
            role='radio'
            aria-checked={level === l}
            onClick={() => {
              setLevel(l)
              setError(undefined)
            }}
          >
            {replyRatingLabel[l]}
          </View>
        ))}
      </View>
      <Textarea
        className='rating__input'
        value={comment}
        maxlength={REPLY_RATING_COMMENT_MAX}
        placeholder='还想说点什么？（选填）'
        aria-label='评价内容'
        onInput={(e) => setComment(e.detail.value)}
      />
      <Text className='rating__count'>
        {[...comment.trim()].length}/{REPLY_RATING_COMMENT_MAX}
      </Text>
      {error ? (
        <Text className='rating__error' role='alert'>
          {error}
        </Text>
      ) : null}
      <Button role='button' className='rating__submit' loading={busy} disabled={busy || undefined} onClick={() => void submit()}>
        提交评价
      </Button>
    </View>
  )
}
