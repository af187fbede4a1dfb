import Taro from '@tarojs/taro'
import { API_PREFIX, type FoiaApplicationInput } from '@common/contract'
import { api, outbox, useSessionStore } from '@/api'

/** through the outbox: sent now, or kept with its key and sent exactly once when the network is back */
export const submitApplication = (input: FoiaApplicationInput, idempotencyKey: string) =>
  outbox.submit('POST /information-requests', {
    body: input,
    idempotencyKey,
    label: `信息公开申请：${input.infoTitle.length > 20 ? `${input.infoTitle.slice(0, 20)}…` : input.infoTitle}`,
  })

export const getBodies = () => api.call('GET /information-requests/bodies')
export const getMyRequests = (page = 1) => api.call('GET /information-requests/mine', { query: { page, pageSize: 50 } })
export const getRequest = (id: string) => api.call('GET /information-requests/:id', { params: { id } })
export const sendCorrection = (id: string, text: string, idempotencyKey: string) =>
  outbox.submit('POST /information-requests/:id/correction', { params: { id }, body: { text }, idempotencyKey, label: '补正材料' })

/** the 答复书: downloaded with the session's token, then opened (H5: saved as a file) */
export async function openReplyPdf(id: string, number: string): Promise<void> {
  const token = useSessionStore.getState().token
  const url = `${API_BASE}${API_PREFIX}/information-requests/${encodeURIComponent(id)}/reply.pdf`
  const headers: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {}
  if (process.env.TARO_ENV === 'h5') {
    const res = await fetch(url, { headers })
    if (!res.ok) throw new Error(res.status === 404 ? '答复书尚未生成' : '下载失败，请稍后重试')
    const blob = await res.blob()
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = `答复书-${number}.pdf`
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(link.href), 1000)
    return
  }
  const file = await Taro.downloadFile({ url, header: headers })
  if (file.statusCode !== 200) throw new Error('下载失败，请稍后重试')
  await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'pdf', showMenu: true })
}
