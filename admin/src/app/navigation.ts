import { DASHBOARD_ROLES, EDITORIAL_ROLES, type Role } from '@common/contract'

export interface NavItem {
  path: string
  label: string
  /** who sees it; undefined: every staff account */
  roles?: readonly Role[]
  /** the menu's heading it sits under (items of one group are adjacent in NAV_ITEMS) */
  group?: string
}

export interface NavGroup {
  /** undefined: items shown at the top level */
  title?: string
  items: NavItem[]
}

/** the role's menu, in NAV_ITEMS' order, as runs of items under their group's heading */
export function navGroupsFor(role: Role): NavGroup[] {
  const groups: NavGroup[] = []
  for (const item of navItemsFor(role)) {
    const last = groups.at(-1)
    if (last && last.title === item.group) last.items.push(item)
    else groups.push({ ...(item.group ? { title: item.group } : {}), items: [item] })
  }
  return groups
}

const editorialReaders: readonly Role[] = [...new Set([...EDITORIAL_ROLES.edit, ...EDITORIAL_ROLES.approve])]

export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', label: '仪表盘', roles: DASHBOARD_ROLES },
  { path: '/policies', label: '政策文件', roles: editorialReaders, group: '内容发布' },
  { path: '/interpretations', label: '政策解读', roles: editorialReaders, group: '内容发布' },
  { path: '/faqs', label: '简明问答', roles: editorialReaders, group: '内容发布' },
  { path: '/banners', label: '首页公益广告', roles: editorialReaders, group: '内容发布' },
  { path: '/videos', label: '短视频', roles: editorialReaders, group: '内容发布' },
  { path: '/courses', label: '网络课堂', roles: editorialReaders, group: '内容发布' },
  { path: '/review', label: '审核队列', roles: EDITORIAL_ROLES.approve, group: '内容发布' },
  { path: '/qa-gaps', label: '问答缺口', roles: editorialReaders, group: '内容发布' },
  { path: '/policy-match', label: '政策找人', roles: editorialReaders, group: '内容发布' },
  { path: '/import', label: '政策导入', roles: EDITORIAL_ROLES.edit, group: '内容发布' },
  { path: '/consultations', label: '咨询工作台', roles: ['responder', 'reviewer', 'admin'], group: '群众咨询' },
  { path: '/consultation-review', label: '答复审核', roles: ['reviewer', 'admin'], group: '群众咨询' },
  { path: '/consultation-figures', label: '咨询统计', roles: ['responder', 'reviewer', 'admin'], group: '群众咨询' },
  { path: '/information-requests', label: '依申请公开', roles: ['foia_officer', 'legal_reviewer', 'admin'], group: '信息公开' },
  { path: '/information-review', label: '法律审核', roles: ['legal_reviewer', 'admin'], group: '信息公开' },
  { path: '/information-report', label: '年度报告', roles: ['foia_officer', 'legal_reviewer', 'admin'], group: '信息公开' },
  { path: '/question-banks', label: '竞赛题库', roles: editorialReaders, group: '竞赛管理' },
  { path: '/campaigns', label: '知识竞赛', roles: editorialReaders, group: '竞赛管理' },
  { path: '/campaign-monitor', label: '竞赛监控', roles: ['admin', 'editor'], group: '竞赛管理' },
  { path: '/population', label: '常住人口', roles: ['admin'], group: '竞赛管理' },
  { path: '/lecture-orders', label: '宣讲派单台', roles: ['dispatcher', 'admin', 'lecturer'], group: '政策宣讲' },
  { path: '/lecturers', label: '宣讲员', roles: ['dispatcher', 'admin', 'lecturer'], group: '政策宣讲' },
  { path: '/lecture-topics', label: '宣讲专题', roles: ['dispatcher', 'admin'], group: '政策宣讲' },
  { path: '/accounts', label: '账号管理', roles: ['admin'], group: '系统管理' },
  { path: '/audit', label: '操作日志', roles: ['admin'], group: '系统管理' },
  { path: '/settings', label: '单位设置', roles: ['admin'], group: '系统管理' },
]

export const navItemsFor = (role: Role): NavItem[] => NAV_ITEMS.filter((item) => !item.roles || item.roles.includes(role))

/** the menu entry a path belongs to: /policies/12/edit → /policies */
export function navKeyOf(pathname: string): string {
  const first = `/${pathname.split('/').filter(Boolean)[0] ?? ''}`
  return NAV_ITEMS.some((i) => i.path === first) ? first : '/'
}
