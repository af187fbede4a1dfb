/**
 * Who is told when two resident accounts merged (bindMobile, after its transaction committed):
 * what keeps a copy of per-user data outside the database, such as the quiz's boards in Redis
 * (server/modules/quiz/boards.ts), moves or drops the merged-away account's entries. Listeners are
 * kept per database (one app's modules share it) and told in turn; a listener handles its own
 * failures (the merge itself has committed).
 */
export interface AccountsMerged {
  /** the account merged away (gone) */
  fromId: string
  /** the account kept */
  intoId: string
}

export type MergeListener = (merge: AccountsMerged) => Promise<void>

const listeners = new WeakMap<object, Set<MergeListener>>()

/** listens to the merges on `database`; returns the call that stops listening */
export function onAccountsMerged(database: object, listener: MergeListener): () => void {
  const set = listeners.get(database) ?? new Set<MergeListener>()
  set.add(listener)
  listeners.set(database, set)
  return () => set.delete(listener)
}

/** tells every listener on `database`, one after another */
export async function tellAccountsMerged(database: object, merge: AccountsMerged): Promise<void> {
  for (const listener of [...(listeners.get(database) ?? [])]) await listener(merge)
}
