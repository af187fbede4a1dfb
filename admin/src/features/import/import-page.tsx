import { Alert, Button, Card, Form, Result, Space, Table, Typography, Upload } from 'antd'
import type { UploadFile } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { Link } from 'react-router-dom'
import type { ImportResult, ImportRow, PolicyValidity } from '@common/contract'
import { validityLabel } from '@common/labels/policy-validity'
import { api } from '../../api/client'
import { errorMessage } from '../../components/error-state'
import { OrgTreeSelect } from '../../components/org-tree-select'
import { PageHeader } from '../../components/page-header'
import { useSession } from '../../components/session-store'

const ACCEPT = '.csv,.xlsx'
const COLUMNS_HINT = '标题、文号、发文机关、成文日期、发布日期、有效性、原文链接'

const columns: ColumnsType<ImportRow> = [
  { title: '行号', dataIndex: 'row', width: 64 },
  { title: '标题', dataIndex: 'title', ellipsis: true },
  { title: '文号', dataIndex: 'docNumber', width: 170 },
  { title: '发文机关', dataIndex: 'issuer', width: 150, ellipsis: true },
  { title: '成文日期', dataIndex: 'writtenAt', width: 110 },
  { title: '发布日期', dataIndex: 'publishedAt', width: 110 },
  { title: '有效性', dataIndex: 'validity', width: 80, render: (v?: PolicyValidity) => (v ? validityLabel[v] : '') },
  { title: '原文链接', dataIndex: 'sourceUrl', width: 160, ellipsis: true },
  {
    title: '问题',
    dataIndex: 'errors',
    width: 220,
    render: (errors: string[]) =>
      errors.length ? <Typography.Text type='danger'>{errors.join('；')}</Typography.Text> : <Typography.Text type='success'>可导入</Typography.Text>,
  },
]

export function ImportPage() {
  const ownOrg = useSession((s) => s.user?.org?.code)
  const [orgCode, setOrgCode] = useState<string | undefined>(ownOrg)
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<ImportResult | null>(null)
  const [done, setDone] = useState<ImportResult | null>(null)
  const [busy, setBusy] = useState<'dry' | 'import' | null>(null)
  const [error, setError] = useState<string | null>(null)

  const send = async (dryRun: boolean) => {
    if (!file || !orgCode) return
    setBusy(dryRun ? 'dry' : 'import')
    setError(null)
    try {
      const body = new FormData()
      body.append('file', file, file.name)
      const result = await api.post<ImportResult>('/admin/policies/import', body, { query: { dryRun, orgCode } })
      if (dryRun || result.created.length === 0) setPreview(result)
      else setDone(result)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(null)
    }
  }

  const reset = () => {
    setFile(null)
    setPreview(null)
    setDone(null)
    setError(null)
  }

  if (done) {
    return (
      <>
        <PageHeader title='政策导入' />
        <Result
          status='success'
          title={`导入完成：已创建 ${done.created.length} 条政策草稿`}
          subTitle='草稿需补充原文等内容后送审，审核通过并发布后居民才能看到。'
          extra={[
            <Link key='policies' to='/policies'>
              <Button type='primary'>前往政策文件</Button>
            </Link>,
            <Button key='again' onClick={reset}>
              继续导入
            </Button>,
          ]}
        />
      </>
    )
  }

  const fileList: UploadFile[] = file ? [{ uid: 'import-file', name: file.name, status: 'done' }] : []
  const canImport = preview !== null && preview.invalid === 0 && preview.rows.length > 0

  return (
    <>
      <PageHeader title='政策导入' />
      <Card style={{ marginBottom: 16 }}>
        <Alert
          type='info'
          showIcon
          style={{ marginBottom: 16 }}
          message='从政策文件库导出的 CSV 或 XLSX 批量创建政策草稿'
          description={`第一行为表头，列为：${COLUMNS_HINT}。先预检查看每一行的问题；全部无误才能导入，导入时要么全部成功，要么一条也不导入。`}
        />
        <Form layout='inline' style={{ rowGap: 8 }}>
          <Form.Item label='所属单位' required>
            <OrgTreeSelect
              value={orgCode}
              allowClear={false}
              onChange={(code) => {
                setOrgCode(code)
                setPreview(null)
              }}
            />
          </Form.Item>
          <Form.Item label='文件' required>
            <Upload
              accept={ACCEPT}
              maxCount={1}
              fileList={fileList}
              beforeUpload={(f) => {
                setFile(f)
                setPreview(null)
                setError(null)
                return false
              }}
              onRemove={() => {
                setFile(null)
                setPreview(null)
              }}
            >
              <Button>选择文件</Button>
            </Upload>
          </Form.Item>
          <Form.Item>
            <Space>
              <Button onClick={() => void send(true)} disabled={!file || !orgCode} loading={busy === 'dry'}>
                预检
              </Button>
              <Button type='primary' onClick={() => void send(false)} disabled={!canImport || busy !== null} loading={busy === 'import'}>
                导入
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {error ? <Alert type='error' showIcon role='alert' message={error} style={{ marginBottom: 16 }} /> : null}
      {preview ? (
        <Card title='预检结果'>
          {preview.rows.length === 0 ? (
            <Alert type='warning' showIcon message='文件中没有数据行' />
          ) : (
            <Alert
              type={preview.invalid ? 'error' : 'success'}
              showIcon
              style={{ marginBottom: 16 }}
              message={
                preview.invalid
                  ? `共 ${preview.rows.length} 行，其中 ${preview.invalid} 行有问题：请修改文件后重新预检，全部无误才能导入`
                  : `共 ${preview.rows.length} 行，全部可以导入`
              }
            />
          )}
          <Table<ImportRow>
            rowKey='row'
            size='small'
            columns={columns}
            dataSource={preview.rows}
            rowClassName={(r) => (r.errors.length ? 'row-has-errors' : '')}
            pagination={preview.rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
            scroll={{ x: 1200 }}
          />
        </Card>
      ) : null}
    </>
  )
}
