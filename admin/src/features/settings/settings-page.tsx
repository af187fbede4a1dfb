import { Alert, App, Button, Card, Empty, Input, List, Popconfirm, Space, Spin, Switch, Typography } from 'antd'
import { useCallback, useState } from 'react'
import type { DeskSettings, OrgSettings } from '@common/contract'
import { api } from '../../api/client'
import { ErrorState, errorMessage } from '../../components/error-state'
import { findOrg, useOrgs } from '../../components/org-store'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { PageHeader } from '../../components/page-header'
import { useSession } from '../../components/session-store'
import { useRequest } from '../../components/use-request'

const DEPARTMENT_MAX = 30

export function SettingsPage() {
  const { message } = App.useApp()
  const ownOrg = useSession((s) => s.user?.org?.code)
  const [code, setCode] = useState<string | undefined>(ownOrg)
  const { tree, reload: reloadOrgs } = useOrgs()
  const org = findOrg(tree, code)
  const load = useCallback((signal: AbortSignal) => api.get<OrgSettings>(`/admin/orgs/${encodeURIComponent(code ?? '')}/settings`, undefined, signal), [code])
  const settings = useRequest(load)
  const loadDesk = useCallback(
    (signal: AbortSignal) => api.get<DeskSettings>(`/admin/consultations/settings/${encodeURIComponent(code ?? '')}`, undefined, signal),
    [code],
  )
  const desk = useRequest(loadDesk)
  const [savingDesk, setSavingDesk] = useState(false)
  const [saving, setSaving] = useState(false)
  const [department, setDepartment] = useState('')
  const [adding, setAdding] = useState(false)

  const setSelfReview = async (allowSelfReview: boolean) => {
    if (!code) return
    setSaving(true)
    try {
      await api.put<OrgSettings>(`/admin/orgs/${encodeURIComponent(code)}/settings`, { allowSelfReview })
      message.success(allowSelfReview ? '已允许自审' : '已关闭自审')
      settings.reload()
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  const setReviewReplies = async (reviewReplies: boolean) => {
    if (!code) return
    setSavingDesk(true)
    try {
      await api.put<DeskSettings>(`/admin/consultations/settings/${encodeURIComponent(code)}`, { reviewReplies })
      message.success(reviewReplies ? '咨询答复须经审核后发布' : '咨询答复由答复员直接发布')
      desk.reload()
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setSavingDesk(false)
    }
  }

  const addDepartment = async () => {
    const name = department.trim()
    if (!code || !name) return
    setAdding(true)
    try {
      await api.post(`/admin/orgs/${encodeURIComponent(code)}/departments`, { name })
      setDepartment('')
      message.success(`已添加部门 ${name}`)
      await reloadOrgs()
    } catch (e) {
      message.error(errorMessage(e))
    } finally {
      setAdding(false)
    }
  }

  const removeDepartment = async (name: string) => {
    if (!code) return
    try {
      await api.delete(`/admin/orgs/${encodeURIComponent(code)}/departments/${encodeURIComponent(name)}`)
      message.success(`已删除部门 ${name}`)
      await reloadOrgs()
    } catch (e) {
      message.error(errorMessage(e))
    }
  }

  return (
    <>
      <PageHeader title='单位设置' />
      <Space style={{ marginBottom: 16 }}>
        <Typography.Text>单位：</Typography.Text>
        <OrgTreeSelect value={code} allowClear={false} onChange={setCode} aria-label='单位' />
      </Space>
      <Space direction='vertical' size='middle' style={{ width: '100%' }}>
        <Card title='审核设置'>
          {settings.error && !settings.data ? (
            <ErrorState error={settings.error} onRetry={settings.reload} />
          ) : !settings.data ? (
            <Spin />
          ) : (
            <Space direction='vertical' size='middle' style={{ width: '100%' }}>
              <Space>
                <Switch
                  checked={settings.data.allowSelfReview}
                  loading={saving || settings.loading}
                  onChange={(v) => void setSelfReview(v)}
                  aria-label='允许自审'
                />
                <Typography.Text>允许自审（一人科室：编辑可审核通过自己起草的内容）</Typography.Text>
              </Space>
              <Alert
                type='warning'
                showIcon
                message='先审后发：默认起草人不能审核自己的内容。'
                description='开启后，每一次自审都会记入操作日志，并在内容上标注“自审”，供上级检查。请仅在本单位只有一名工作人员时开启。'
              />
            </Space>
          )}
        </Card>
        <Card title='咨询答复'>
          {desk.error && !desk.data ? (
            <ErrorState error={desk.error} onRetry={desk.reload} />
          ) : !desk.data ? (
            <Spin />
          ) : (
            <Space>
              <Switch
                checked={desk.data.reviewReplies}
                loading={savingDesk || desk.loading}
                onChange={(v) => void setReviewReplies(v)}
                aria-label='咨询答复须经审核'
              />
              <Typography.Text>咨询答复须经审核（答复员提交后，由本单位审核人员通过才发给群众）</Typography.Text>
            </Space>
          )}
        </Card>
        <Card title={`部门${org ? `（${org.name}）` : ''}`}>
          <Space.Compact style={{ width: 420, marginBottom: 16 }}>
            <Input
              placeholder='新部门名称，如：人力社保局'
              aria-label='新部门名称'
              value={department}
              maxLength={DEPARTMENT_MAX}
              onChange={(e) => setDepartment(e.target.value)}
              onPressEnter={() => void addDepartment()}
            />
            <Button type='primary' onClick={() => void addDepartment()} loading={adding} disabled={!department.trim()}>
              添加部门
            </Button>
          </Space.Compact>
          {org && org.departments.length ? (
            <List
              bordered
              dataSource={org.departments}
              renderItem={(name) => (
                <List.Item
                  actions={[
                    <Popconfirm key='delete' title={`删除部门 ${name}？`} okText='删除' cancelText='取消' onConfirm={() => removeDepartment(name)}>
                      <Button size='small' danger>
                        删除
                      </Button>
                    </Popconfirm>,
                  ]}
                >
                  {name}
                </List.Item>
              )}
            />
          ) : (
            <Empty description='还没有部门' />
          )}
        </Card>
      </Space>
    </>
  )
}
