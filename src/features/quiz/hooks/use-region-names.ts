import { useMemo } from 'react'
import { api, useRequest } from '@/api'
import { getCounties } from '../api/quiz'

/** '331000': the whole city */
const isCity = (code: string) => code.length === 6 && code.endsWith('00')

/** the names of the regions that are not the whole city: one list of the counties, or each place by its code */
async function loadNames(codes: string[]): Promise<[string, string][]> {
  if (codes.length === 0) return []
  if (codes.every((c) => c.length === 6)) return (await getCounties()).map((r) => [r.code, r.name])
  const entries = await Promise.all(codes.map((code) => api.call('GET /regions/:code', { params: { code } })))
  return entries.map((r) => [r.code, r.name])
}

/** H5: the same names from the answers a campaign's server-drawn first screen came with, when it brought them all */
function embeddedNames(codes: string[]): [string, string][] | undefined {
  if (codes.length === 0) return []
  if (codes.every((c) => c.length === 6)) return api.embedded('GET /regions/children')?.map((r) => [r.code, r.name])
  const entries = codes.map((code) => api.embedded('GET /regions/:code', { params: { code } }))
  return entries.every((r) => r !== undefined) ? entries.map((r) => [r!.code, r!.name]) : undefined
}

/**
 * Names a campaign's eligible regions (参与范围): 台州全市 needs no request, counties one, and a
 * township its own. Nothing is asked for a city-wide campaign (most of them). Until the names
 * arrive, or when they cannot be had, a region shows as its code.
 */
export function useRegionNames(eligible: string[] | undefined): (codes: string[]) => string {
  const key = [...new Set((eligible ?? []).filter((c) => !isCity(c)))].sort().join(',')
  const loaded = useRequest(() => loadNames(key ? key.split(',') : []), [key], { initial: () => embeddedNames(key ? key.split(',') : []) })
  return useMemo(() => {
    const names = new Map(loaded.data ?? [])
    return (codes) => codes.map((c) => (isCity(c) ? '台州全市' : (names.get(c) ?? c))).join('、')
  }, [loaded.data])
}
