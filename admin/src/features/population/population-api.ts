import type { PopulationHistoryPage, PopulationTable, PopulationUpdate } from '@common/contract'
import { api } from '../../api/client'

export const getPopulation = (signal?: AbortSignal) => api.get<PopulationTable>('/admin/population', undefined, signal)

export const savePopulation = (update: PopulationUpdate) => api.put<PopulationTable>('/admin/population', update)

export const getPopulationHistory = (query: { page: number; pageSize: number; regionCode?: string }, signal?: AbortSignal) =>
  api.get<PopulationHistoryPage>('/admin/population/history', query, signal)
