/** The organisation tree (GET /admin/orgs), loaded once and shared by every tree select. */
import { create } from 'zustand'
import type { OrgNode } from '@common/contract'
import { api } from '../api/client'

interface OrgState {
  tree: OrgNode[] | null
  loading: boolean
  error: unknown
  /** loads the tree unless it is here or on its way */
  load: () => Promise<void>
  /** loads it again (after a department was added or removed) */
  reload: () => Promise<void>
}

export const useOrgs = create<OrgState>((set, get) => ({
  tree: null,
  loading: false,
  error: null,
  load: async () => {
    if (get().tree || get().loading) return
    await get().reload()
  },
  reload: async () => {
    set({ loading: true, error: null })
    try {
      set({ tree: await api.get<OrgNode[]>('/admin/orgs'), loading: false })
    } catch (error) {
      set({ loading: false, error })
    }
  },
}))

export function findOrg(tree: readonly OrgNode[] | null, code: string | undefined): OrgNode | undefined {
  if (!tree || !code) return undefined
  for (const node of tree) {
    if (node.code === code) return node
    const below = findOrg(node.children ?? [], code)
    if (below) return below
  }
  return undefined
}
