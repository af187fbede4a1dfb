import type { Store } from '../../server/store/store'

/**
 * Runs `fn` with a view of the store whose quiz repository is bound to one transaction, so a
 * batch of service calls (the benchmarks' load phase) commits once instead of once per call. The
 * store's own synchronous methods run on the same SQLite connection, inside that transaction.
 */
export function inOneTransaction<T>(store: Store, fn: (batch: Store) => Promise<T>): Promise<T> {
  return store.quiz.transaction((tx) => fn(Object.create(store, { quiz: { value: tx } }) as Store))
}
