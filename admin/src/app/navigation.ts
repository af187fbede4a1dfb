import { EDITORIAL_ROLES, type Role } from '@common/contract'

export interface NavItem {
  path: string
  label: string
  /** who sees it; undefined: every staff account */
  roles?: readonly Role[]
}

const editorialReaders: readonly Role[] = [...new Set([...EDITORIAL_ROLES.edit, ...EDITORIAL_ROLES.approve])]

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '仪表盘' },
  { path: '/policies', label: '政策文件', roles: editorialReaders },
  { path: '/interpretations', label: '政策解读', roles: editorialReaders },
  { path: '/faqs', label: '简明问答', roles: editorialReaders },
  { path: '/banners', label: '首页公益广告', roles: editorialReaders },
  { path: '/videos', label: '短视频', roles: editorialReaders },
  { path: '/courses', label: '网络课堂', roles: editorialReaders },
  { path: '/review', label: '审核队列', roles: EDITORIAL_ROLES.approve },
  { path: '/qa-gaps', label: '问答缺口', roles: editorialReaders },
  { path: '/import', label: '政策导入', roles: EDITORIAL_ROLES.edit },
  { path: '/lecture-orders', label: '宣讲派单台', roles: ['dispatcher', 'admin', 'lecturer'] },
  { path: '/lecturers', label: '宣讲员', roles: ['dispatcher', 'admin', 'lecturer'] },
  { path: '/lecture-topics', label: '宣讲专题', roles: ['dispatcher', 'admin'] },
  { path: '/consultations', label: '咨询工作台', roles: ['responder', 'reviewer', 'admin'] },
  { path: '/consultation-review', label: '答复审核', roles: ['reviewer', 'admin'] },
  { path: '/consultation-figures', label: '咨询统计', roles: ['responder', 'reviewer', 'admin'] },
  { path: '/question-banks', label: '竞赛题库', roles: editorialReaders },
  { path: '/campaigns', label: '知识竞赛', roles: editorialReaders },
  { path: '/campaign-monitor', label: '竞赛监控', roles: ['admin', 'editor'] },
  { path: '/population', label: '常住人口', roles: ['admin'] },
  { path: '/accounts', label: '账号管理', roles: ['admin'] },
  { path: '/audit', label: '操作日志', roles: ['admin'] },
  { path: '/settings', label: '单位设置', roles: ['admin'] },
]

export const navItemsFor = (role: Role): NavItem[] => NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role))

/** the menu entry a path belongs to: /policies/12/edit → /policies */
export function navKeyOf(pathname: string): string {
  const first = `/${pathname.split('/').filter(Boolean)[0] ?? ''}`
  return NAV_ITEMS.some((i) => i.path === first) ? first : '/'
}
