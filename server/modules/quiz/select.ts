/**
 * Which questions an attempt gets, and in what option order. Random, balanced by topic: topics
 * take turns (in a random order), each giving one random question not yet drawn, so ten questions
 * from eight topics give every topic one or two. Options of choice questions are shuffled per
 * attempt; judge questions keep 正确 / 错误 in place.
 */
import type { QuestionKey, AttemptQuestion, Random } from './types'

export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

export function selectQuestions(pool: readonly QuestionKey[], count: number, random: Random = Math.random): QuestionKey[] {
  const byTopic = new Map<string, QuestionKey[]>()
  for (const q of pool) byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), q])
  const queues = shuffle([...byTopic.keys()].sort(), random).map((t) => shuffle(byTopic.get(t)!, random))
  const picked: QuestionKey[] = []
  while (picked.length < count && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      if (picked.length >= count) break
      const next = queue.pop()
      if (next) picked.push(next)
    }
  }
  // topics took turns: shuffle once more so the first questions are not always one per topic in turn order
  return shuffle(picked, random)
}

/**
 * A draw with a number of questions per topic (campaigns made in the console): each topic gives
 * its count of random questions (fewer when it has fewer), the whole draw shuffled.
 */
export function selectByQuota(pool: readonly QuestionKey[], perTopic: Readonly<Record<string, number>>, random: Random = Math.random): QuestionKey[] {
  const picked: QuestionKey[] = []
  for (const topic of Object.keys(perTopic).sort()) {
    picked.push(
      ...shuffle(
        pool.filter((q) => q.topic === topic),
        random,
      ).slice(0, Math.max(0, perTopic[topic])),
    )
  }
  return shuffle(picked, random)
}

/** display keys of frozen questions (the answer key's are: repository.ts), worked out once each; read only */
const frozenLabels = new WeakMap<object, readonly string[]>()

function labelsOf(q: { type: QuestionKey['type']; options: readonly { key: string }[] }): readonly string[] {
  if (!Object.isFrozen(q)) return displayKeys(q)
  let labels = frozenLabels.get(q)
  if (!labels) {
    labels = Object.freeze(displayKeys(q))
    frozenLabels.set(q, labels)
  }
  return labels
}

/** display keys of a question's options, in display order */
export function displayKeys(q: { type: QuestionKey['type']; options: readonly { key: string }[] }): string[] {
  if (q.type === 'judge') return q.options.map((o) => o.key)
  return q.options.map((_, i) => String.fromCharCode(65 + i))
}

/** whether `label` is one of the question's display keys */
export function isDisplayKey(q: QuestionKey, label: string): boolean {
  return labelsOf(q).includes(label)
}

export function optionOrder(q: QuestionKey, random: Random = Math.random): AttemptQuestion {
  const keys = q.options.map((o) => o.key)
  return { id: q.id, order: q.type === 'judge' ? keys : shuffle(keys, random) }
}

/** the question as this attempt shows it: options in the attempt's order under display keys, no answer */
export function presentQuestion(q: QuestionKey, aq: AttemptQuestion) {
  const labels = labelsOf(q)
  return {
    id: q.id,
    type: q.type,
    stem: q.stem,
    topic: q.topic,
    // a handful of options: a search of the list, not a Map built per question
    options: aq.order.map((original, i) => ({ key: labels[i], text: q.options.find((o) => o.key === original)?.text ?? '' })),
  }
}

/** display key → original key, for this attempt's order */
export function toOriginalKeys(q: QuestionKey, aq: AttemptQuestion, chosen: readonly string[]): string[] {
  const labels = labelsOf(q)
  return chosen.map((k) => aq.order[labels.indexOf(k)]).filter((k): k is string => k !== undefined)
}

/** original key → display key */
export function toDisplayKeys(q: QuestionKey, aq: AttemptQuestion, original: readonly string[]): string[] {
  const labels = labelsOf(q)
  return original
    .map((k) => labels[aq.order.indexOf(k)])
    .filter((k): k is string => k !== undefined)
    .sort()
}
