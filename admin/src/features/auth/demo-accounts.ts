import type { Role } from '@common/contract'

/** 演示账号: POST /auth/dev, only when the server is the local demo */
export const DEMO_ACCOUNTS: readonly { label: string; role: Role; org: string }[] = [
  { label: '仙居县 编辑', role: 'editor', org: '331024' },
  { label: '仙居县 审核', role: 'reviewer', org: '331024' },
  { label: '椒江区 编辑', role: 'editor', org: '331002' },
  { label: '台州市 管理员', role: 'admin', org: '331000' },
]
