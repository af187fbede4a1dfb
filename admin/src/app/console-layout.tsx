import { Alert, Button, Flex, Layout, Menu, Space, Tag, Typography } from 'antd'
import { Outlet, useLocation, useNavigate } from 'react-router-dom'
import { ROLE_LABELS } from '../components/role-labels'
import { useSession } from '../components/session-store'
import { CurrentUserContext } from '../features/editorial/current-user'
import { ErrorBoundary } from './error-boundary'
import { navGroupsFor, navKeyOf } from './navigation'

export const DEMO_BANNER = '演示模式：数据为示例，演示账号可一键登录，请勿录入真实信息。'

export function DemoBanner() {
  const demo = useSession((s) => s.demo)
  return demo ? <Alert type='warning' banner message={DEMO_BANNER} /> : null
}

export function ConsoleLayout() {
  const user = useSession((s) => s.user)
  const signOut = useSession((s) => s.signOut)
  const location = useLocation()
  const navigate = useNavigate()
  if (!user) return null
  const org = user.org ? `${user.org.name}${user.org.department ? ` · ${user.org.department}` : ''}` : '未设置单位'
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme='dark' breakpoint='lg' collapsedWidth={64}>
        <div style={{ color: '#fff', fontSize: 18, fontWeight: 600, padding: '18px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}>政务工作台</div>
        <nav aria-label='主菜单'>
          <Menu
            theme='dark'
            mode='inline'
            selectedKeys={[navKeyOf(location.pathname)]}
            items={navGroupsFor(user.role).flatMap((group) => {
              const items = group.items.map((item) => ({ key: item.path, label: item.label }))
              return group.title ? [{ type: 'group' as const, key: `group:${group.title}`, label: group.title, children: items }] : items
            })}
            onClick={({ key }) => navigate(key)}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0', height: 56, lineHeight: '56px' }}>
          <Flex justify='space-between' align='center' style={{ height: '100%' }}>
            <Typography.Text type='secondary'>政策通 · 台州市政策解读内容管理</Typography.Text>
            <Space size='middle' aria-label='当前账号'>
              <Typography.Text strong>{user.nickname}</Typography.Text>
              <Tag color='blue'>{ROLE_LABELS[user.role]}</Tag>
              <Typography.Text>{org}</Typography.Text>
              <Button onClick={() => void signOut()}>退出登录</Button>
            </Space>
          </Flex>
        </Layout.Header>
        <DemoBanner />
        <Layout.Content style={{ padding: 24 }}>
          <main>
            <ErrorBoundary key={location.pathname}>
              {/* the content pages read who is signed in (role, organisation) through this context */}
              <CurrentUserContext.Provider value={{ id: user.id, name: user.nickname, role: user.role, org: user.org ?? { code: '', name: '未设置单位' } }}>
                <Outlet />
              </CurrentUserContext.Provider>
            </ErrorBoundary>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
