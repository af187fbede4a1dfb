/**
 * The writes of 问答缺口's counts, coalesced per question. Every asking with no confident answer
 * counts (recordUnanswered, recordSearchGap), and its answer waits until the write that counted it
 * has committed; but the askings of one question that arrive while its previous write runs are
 * counted together, in the next write (`recordGap` with `times`), so a question asked by many at
 * once costs one transaction per round trip of it, not one each. Without this, every asking was a
 * transaction on the same group row: on PostgreSQL they queued on its lock (bench:api, one
 * unanswered question at 10 connections: 864 answers/s, p99 50 ms).
 * One writer per store (per instance), over KeyedBatches; the key is the question as recordGap
 * stores it before masking (spaces collapsed) and where it was asked.
 */
import type { QaGapSource } from '../../../common/contract'
import { KeyedBatches } from '../../keyed-batches'
import type { Store } from '../../store/store'
import { recordGap } from './repository'

/** counts `times` askings of one question (recordGap) */
export type GapWrite = (question: string, source: QaGapSource, times: number) => Promise<unknown>

export class GapWrites {
  /** per question and source: its askings, counted in one write */
  private readonly batches: KeyedBatches<{ question: string; source: QaGapSource }>

  constructor(write: GapWrite) {
    this.batches = new KeyedBatches((_key, askings) => write(askings[0].question, askings[0].source, askings.length))
  }

  /** counts one asking; resolves once a committed write has counted it (rejects if that write failed) */
  record(question: string, source: QaGapSource): Promise<void> {
    const text = question.replace(/\s+/g, ' ').trim()
    return this.batches.add(`${source}\n${text}`, { question: text, source })
  }
}

const writers = new WeakMap<Store, GapWrites>()

/** the one writer of this store's gap counts */
export function gapWritesOf(store: Store): GapWrites {
  let w = writers.get(store)
  if (!w) {
    w = new GapWrites((question, source, times) => recordGap(store.database.kysely, question, store.now(), source, times))
    writers.set(store, w)
  }
  return w
}
