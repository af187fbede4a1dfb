import type { EditorialDrafts, EditorialType, FieldErrors } from '@common/contract'

/**
 * What every type's form takes: the working version's fields, a way to change them, the
 * server's per-field errors (keys as the server sends them: 'draft.title',
 * 'draft.blocks[2].alt') and whether the item may be edited now.
 */
export interface DraftFormProps<T extends EditorialType> {
  value: EditorialDrafts[T]
  onChange: (next: EditorialDrafts[T]) => void
  fieldErrors?: FieldErrors
  readOnly?: boolean
}
