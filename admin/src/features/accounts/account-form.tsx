import { Alert, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import type { StaffAccount, StaffAccountInput } from '@common/contract'
import { api, ApiRequestError } from '../../api/client'
import { errorMessage } from '../../components/error-state'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { ROLE_LABELS, STAFF_ROLES } from '../../components/role-labels'

export const USERNAME_RULE = /^[A-Za-z0-9_.-]{3,32}$/
export const PASSWORD_MIN = 10

type Field = keyof StaffAccountInput

/** the form field a refusal is about: the server's per-field errors, or the field its message names */
export function fieldErrorsOf(e: unknown): { name: Field; errors: string[] }[] {
  if (!(e instanceof ApiRequestError)) return []
  if (e.fields) return Object.entries(e.fields).map(([k, message]) => ({ name: k.replace(/^body\./, '') as Field, errors: [message] }))
  const byWord: [RegExp, Field][] = [
    [/密码/, 'password'],
    [/用户名/, 'username'],
    [/姓名/, 'name'],
    [/单位/, 'orgCode'],
    [/部门/, 'department'],
    [/角色|管理员/, 'role'],
  ]
  const hit = byWord.find(([re]) => re.test(e.message))
  return hit ? [{ name: hit[1], errors: [e.message] }] : []
}

export function CreateAccountModal({
  open,
  defaultOrg,
  onClose,
  onCreated,
}: {
  open: boolean
  defaultOrg?: string
  onClose: () => void
  onCreated: (a: StaffAccount) => void
}) {
  const [form] = Form.useForm<StaffAccountInput>()
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // one key per filled-in form: a retried 确定 after a lost answer never creates twice
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID())

  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined)
    if (!values) return
    setSaving(true)
    setError(null)
    try {
      const body: StaffAccountInput = {
        ...values,
        username: values.username.trim(),
        name: values.name.trim(),
        department: values.department?.trim() || undefined,
      }
      const account = await api.post<StaffAccount>('/admin/accounts', body, { idempotencyKey })
      form.resetFields()
      setIdempotencyKey(crypto.randomUUID())
      onCreated(account)
    } catch (e) {
      const fields = fieldErrorsOf(e)
      if (fields.length) form.setFields(fields)
      else setError(errorMessage(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal title='新建账号' open={open} onOk={() => void submit()} onCancel={onClose} okText='创建' cancelText='取消' confirmLoading={saving} destroyOnHidden>
      {error ? <Alert type='error' showIcon message={error} role='alert' style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout='vertical'
        initialValues={{ orgCode: defaultOrg, role: 'editor' }}
        onValuesChange={() => setIdempotencyKey(crypto.randomUUID())}
        preserve={false}
      >
        <Form.Item
          label='用户名'
          name='username'
          rules={[
            { required: true, message: '请填写用户名' },
            { pattern: USERNAME_RULE, message: '用户名为 3 到 32 位字母、数字、下划线、点或短横线' },
          ]}
        >
          <Input autoComplete='off' maxLength={32} />
        </Form.Item>
        <Form.Item
          label='姓名'
          name='name'
          rules={[
            { required: true, whitespace: true, message: '请填写姓名' },
            { max: 20, message: '姓名最多 20 字' },
          ]}
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item label='角色' name='role' rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item label='所属单位' name='orgCode' rules={[{ required: true, message: '请选择所属单位' }]}>
          <OrgTreeSelect allowClear={false} />
        </Form.Item>
        <Form.Item label='部门（可选）' name='department' rules={[{ max: 30, message: '部门名称最多 30 字' }]}>
          <Input maxLength={30} placeholder='如：人力社保局' />
        </Form.Item>
        <Form.Item
          label='初始密码'
          name='password'
          extra={`至少 ${PASSWORD_MIN} 个字符，请通过安全渠道告知本人，首次登录后修改`}
          rules={[
            { required: true, message: '请设置密码' },
            { min: PASSWORD_MIN, message: `密码至少 ${PASSWORD_MIN} 个字符` },
          ]}
        >
          <Input.Password autoComplete='new-password' maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

export function ResetPasswordModal({ account, onClose, onDone }: { account: StaffAccount | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ password: string }>()
  const [saving, setSaving] = useState(false)
  const submit = async () => {
    const values = await form.validateFields().catch(() => undefined)
    if (!values || !account) return
    setSaving(true)
    try {
      await api.post(`/admin/accounts/${encodeURIComponent(account.id)}/reset-password`, { password: values.password })
      form.resetFields()
      onDone()
    } catch (e) {
      form.setFields([{ name: 'password', errors: [errorMessage(e)] }])
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal
      title={account ? `重置密码：${account.name}（${account.username}）` : '重置密码'}
      open={account !== null}
      onOk={() => void submit()}
      onCancel={onClose}
      okText='重置'
      cancelText='取消'
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form form={form} layout='vertical' preserve={false}>
        <Form.Item
          label='新密码'
          name='password'
          extra='重置后该账号的所有登录会话失效'
          rules={[
            { required: true, message: '请填写新密码' },
            { min: PASSWORD_MIN, message: `密码至少 ${PASSWORD_MIN} 个字符` },
          ]}
        >
          <Input.Password autoComplete='new-password' maxLength={128} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
