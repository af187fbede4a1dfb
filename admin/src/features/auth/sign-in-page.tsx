import { Alert, Button, Card, Divider, Flex, Form, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import { Navigate, useLocation, useNavigate } from 'react-router-dom'
import type { Role, Session } from '@common/contract'
import { api } from '../../api/client'
import { errorMessage } from '../../components/error-state'
import { useSession } from '../../components/session-store'
import { DEMO_ACCOUNTS } from './demo-accounts'

interface Credentials {
  username: string
  password: string
}

export function SignInPage() {
  const { status, notice, demo, signIn } = useSession()
  const role = useSession((s) => s.user?.role)
  const navigate = useNavigate()
  const location = useLocation()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const from = (location.state as { from?: string } | null)?.from ?? '/'

  // a responder's work is the consultation inbox
  const landing = (who?: Role) => (from === '/' && who === 'responder' ? '/consultations' : from)

  if (status === 'signedIn') return <Navigate to={landing(role)} replace />

  const finish = async (label: string, request: () => Promise<Session>) => {
    setBusy(label)
    setError(null)
    try {
      const s = await request()
      // a resident is refused by the store, whose notice says why
      if (signIn(s)) navigate(landing(s.user.role), { replace: true })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }
  const withPassword = (values: Credentials) =>
    finish('password', () => api.post<Session>('/auth/password', { username: values.username.trim(), password: values.password }))
  const asDemo = (role: Role, org: string, label: string) => finish(label, () => api.post<Session>('/auth/dev', { role, org }))

  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      {demo ? <Alert type='warning' banner message='演示模式：数据为示例，演示账号可一键登录，请勿录入真实信息。' /> : null}
      <Flex justify='center' align='center' flex={1}>
        <main>
          <Card style={{ width: 400 }}>
            <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
              工作人员登录
            </Typography.Title>
            <Typography.Paragraph type='secondary' style={{ textAlign: 'center' }}>
              政策通 · 政务工作台
            </Typography.Paragraph>
            {notice && !error ? <Alert type='info' showIcon message={notice} style={{ marginBottom: 16 }} /> : null}
            {error ? <Alert type='error' showIcon message={error} role='alert' style={{ marginBottom: 16 }} /> : null}
            <Form<Credentials> layout='vertical' onFinish={withPassword} requiredMark={false} disabled={busy !== null}>
              <Form.Item label='用户名' name='username' rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
                <Input autoComplete='username' autoFocus maxLength={32} />
              </Form.Item>
              <Form.Item label='密码' name='password' rules={[{ required: true, message: '请输入密码' }]}>
                <Input.Password autoComplete='current-password' maxLength={128} />
              </Form.Item>
              <Button type='primary' htmlType='submit' block loading={busy === 'password'}>
                登录
              </Button>
            </Form>
            {demo ? (
              <>
                <Divider plain>演示账号</Divider>
                <Space wrap style={{ width: '100%', justifyContent: 'center' }}>
                  {DEMO_ACCOUNTS.map((a) => (
                    <Button
                      key={a.label}
                      loading={busy === a.label}
                      disabled={busy !== null && busy !== a.label}
                      onClick={() => void asDemo(a.role, a.org, a.label)}
                    >
                      {a.label}
                    </Button>
                  ))}
                </Space>
              </>
            ) : null}
          </Card>
        </main>
      </Flex>
    </Flex>
  )
}
